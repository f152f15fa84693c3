using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Protocol.Profiles.Tests.Validation;

/// <summary>
/// The editor JSON Schema (profiles/profile.schema.json) accepts every shipped profile and the fixture
/// profile, and rejects profiles that are clearly wrong, so that what an editor underlines matches what
/// <c>protocol validate</c> accepts.
/// </summary>
public partial class SchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Repository.Path_("profiles", "profile.schema.json"))));

    private static readonly string[] ProfileFiles =
    [
        "profiles/warwickshire.yaml",
        "profiles/west-mercia.yaml",
        "profiles/bedfordshire.yaml",
        "profiles/liverpool.yaml",
        "profiles/bcp.yaml",
        "tests/Protocol.Core.Tests/Fixtures/fixture.yaml",
    ];

    public static TheoryData<string> Profiles() => new(ProfileFiles);

    [Fact]
    public void EveryShippedProfile_IsCovered()
    {
        var shipped = Directory.GetFiles(Repository.Path_("profiles"), "*.yaml").Select(p => "profiles/" + Path.GetFileName(p));
        ProfileFiles.Should().Contain(shipped, "every shipped profile must be checked against the schema");
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Profile_IsValidAgainstTheSchema(string file)
    {
        var errors = Errors(YamlToJson(File.ReadAllText(Repository.Path_(file.Split('/')))));
        Report(errors).Should().BeEmpty("{0} must satisfy profiles/profile.schema.json (each line of the report is one schema error, at its place in the profile)", file);
    }

    private const string Minimal = """
        profile:
          id: test
          authority: Test authority
          title: Test protocol
        risk-levels: [medium, high]
        roles:
          police: Police
        activities:
          interview: { kind: interview, title: Interview }
        obligations:
          - id: interview
            title: Interview within 24 hours
            responsible: police
            trigger: { on: found }
            deadline: { within: 24h }
            met-by: interview-completed:interview
            citation: §1
        """;

    [Fact]
    public void MinimalProfile_IsValid_ByTheSchemaAndTheLoader()
    {
        ProfileLoader.Load(Minimal, "p.yaml").Diagnostics.Should().BeEmpty();
        Errors(YamlToJson(Minimal)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("unknown top-level key", "obligations:", "obligation:", "/obligation", "additionalProperties")]
    [InlineData("no obligations", "obligations:", "obligation:", "", "required")]
    [InlineData("obligation without citation", "\n    citation: §1", "", "/obligations/0", "required")]
    [InlineData("unknown obligation key", "    citation: §1", "    citation: §1\n    owner: police", "/obligations/0/owner", "additionalProperties")]
    [InlineData("misspelt deadline key", "{ within: 24h }", "{ whithin: 24h }", "/obligations/0/deadline/whithin", "additionalProperties")]
    [InlineData("unreadable length", "{ within: 24h }", "{ within: 24 parsecs }", "/obligations/0/deadline/within", "pattern")]
    [InlineData("threshold neither inclusive nor strict", "{ on: found }", "{ missing-for: 2 working days, from: [last-seen, reported-missing], threshold: sometimes }", "/obligations/0/trigger/threshold", "enum")]
    [InlineData("not an event", "met-by: interview-completed:interview", "met-by: interview-done:interview", "/obligations/0/met-by", "pattern")]
    [InlineData("activity record without its activity", "met-by: interview-completed:interview", "met-by: interview-completed", "/obligations/0/met-by", "pattern")]
    [InlineData("empty list of events", "{ on: found }", "{ on: [] }", "/obligations/0/trigger/on", "minItems")]
    [InlineData("episodes-within counted in hours", "    trigger: { on: found }", "    trigger: { on: found }\n    when: { episodes-within: { period: 72h, at-least: 2 } }", "/obligations/0/when/episodes-within/period", "pattern")]
    [InlineData("working days in a condition", "    trigger: { on: found }", "    trigger: { on: found }\n    when: { missing-for: { at-least: 2 working days, from: last-seen } }", "/obligations/0/when/missing-for/at-least", "pattern")]
    [InlineData("role id not kebab-case", "  police: Police", "  Police: Police", "/roles/Police", "pattern")]
    [InlineData("unknown activity kind", "kind: interview", "kind: chat", "/activities/interview/kind", "enum")]
    [InlineData("risk levels not a list", "risk-levels: [medium, high]", "risk-levels: { medium: 1 }", "/risk-levels", "type")]
    [InlineData("empty title", "  title: Test protocol", "  title:", "/profile/title", "type")]
    [InlineData("missing profile", "profile:\n  id: test\n  authority: Test authority\n  title: Test protocol\n", "", "", "required")]
    public void ClearlyWrongProfile_IsRejected_AtItsLocation(string what, string find, string replace, string location, string keyword)
    {
        Minimal.Should().Contain(find, "the case '{0}' must change the profile", what);
        var yaml = Minimal.Replace(find, replace);
        ProfileLoader.Load(yaml, "p.yaml").Diagnostics.Should().NotBeEmpty("the loader rejects '{0}' too", what);
        var errors = Errors(YamlToJson(yaml));
        errors.Should().Contain(e => e.Location == location && e.Keyword == keyword,
            "the schema must reject '{0}' with '{1}' at '{2}'", what, keyword, location);
    }

    [Fact]
    public void FailureReport_NamesEveryErrorWithItsLocationAndKeyword()
    {
        var yaml = Minimal.Replace("{ within: 24h }", "{ whithin: 24h }").Replace("\n    citation: §1", "");
        var report = Report(Errors(YamlToJson(yaml)));
        report.Should().Contain("  /obligations/0: required: ").And.Contain("citation");
        report.Should().Contain("  /obligations/0/deadline/whithin: additionalProperties: ");
    }

    [Theory]
    [InlineData("a: 1", """{"a":1}""")]
    [InlineData("a: '1'", """{"a":"1"}""")]
    [InlineData("a: \"true\"", """{"a":"true"}""")]
    [InlineData("a: true", """{"a":true}""")]
    [InlineData("a: False", """{"a":false}""")]
    [InlineData("a: yes", """{"a":"yes"}""")]
    [InlineData("a: ~", """{"a":null}""")]
    [InlineData("a:", """{"a":null}""")]
    [InlineData("a: ''", """{"a":""}""")]
    [InlineData("a: -007", """{"a":-7}""")]
    [InlineData("a: +12", """{"a":12}""")]
    [InlineData("a: 0x1F", """{"a":31}""")]
    [InlineData("a: 0o17", """{"a":15}""")]
    [InlineData("a: 2.50", """{"a":2.5}""")]
    [InlineData("a: 1e3", """{"a":1000}""")]
    [InlineData("a: .inf", """{"a":".inf"}""")]
    [InlineData("a: 99999999999999999999999", """{"a":99999999999999999999999}""")]
    [InlineData("a: 24h", """{"a":"24h"}""")]
    [InlineData("a: 2023-09-01", """{"a":"2023-09-01"}""")]
    [InlineData("a: !!str 1", """{"a":"1"}""")]
    [InlineData("a: [1, x, null]", """{"a":[1,"x",null]}""")]
    [InlineData("1: x", """{"1":"x"}""")]
    [InlineData("a: &x { b: 1 }\nc: *x", """{"a":{"b":1},"c":{"b":1}}""")]
    public void YamlToJson_FollowsTheYamlCoreSchema(string yaml, string json)
    {
        using var doc = YamlToJson(yaml);
        JsonSerializer.Serialize(doc.RootElement).Should().Be(json);
    }

    /// <summary>One schema error: where in the profile, which keyword of the schema failed, and why.</summary>
    public sealed record SchemaError(string Location, string Keyword, string SchemaPath, string Message)
    {
        public override string ToString() => $"{(Location.Length == 0 ? "/" : Location)}: {Keyword}: {Message} (schema {(SchemaPath.Length == 0 ? "/" : SchemaPath)})";
    }

    /// <summary>The errors one to a line, for a failure message a profile author can work through.</summary>
    private static string Report(IReadOnlyCollection<SchemaError> errors) =>
        errors.Count == 0 ? "" : $"{errors.Count} schema error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors.Select(e => "  " + e))}{Environment.NewLine}";

    /// <summary>
    /// Every error of the evaluation, each at its instance location with the keyword that failed. The
    /// hierarchical output is walked through failed nodes only, so that the alternatives of an
    /// <c>anyOf</c> or <c>oneOf</c> that held do not bury the real errors.
    /// </summary>
    private static List<SchemaError> Errors(JsonDocument json)
    {
        using (json)
        {
            var results = Schema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
            var errors = new List<SchemaError>();
            Collect(results, errors);
            if (!results.IsValid && errors.Count == 0)
                errors.Add(new SchemaError("", "?", "", "the schema rejected the profile without naming an error"));
            return errors;
        }
    }

    private static void Collect(EvaluationResults node, List<SchemaError> errors)
    {
        if (node.IsValid) return;
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            // A 'false' schema (additionalProperties: false, …) fails without a keyword of its own: name the
            // keyword that holds it, the last step of the evaluation path.
            var path = node.EvaluationPath.ToString();
            var name = keyword.Length > 0 ? keyword : path[(path.LastIndexOf('/') + 1)..];
            errors.Add(new SchemaError(node.InstanceLocation.ToString(), name, path, message));
        }
        foreach (var child in node.Details ?? []) Collect(child, errors);
    }

    // ---- YAML to JSON, as an editor's YAML language server sees the file (YAML 1.2 core schema) ----

    [GeneratedRegex("^(null|Null|NULL|~|)$")] private static partial Regex NullPattern();
    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")] private static partial Regex BoolPattern();
    [GeneratedRegex("^[-+]?[0-9]+$")] private static partial Regex IntPattern();
    [GeneratedRegex("^0o[0-7]+$")] private static partial Regex OctalPattern();
    [GeneratedRegex("^0x[0-9a-fA-F]+$")] private static partial Regex HexPattern();
    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")] private static partial Regex FloatPattern();

    private const string TagPrefix = "tag:yaml.org,2002:";

    /// <summary>
    /// The YAML document as JSON. Aliases are resolved (the representation model shares the anchored
    /// node). A scalar becomes null, a boolean or a number only if it is plain (not quoted, not a block
    /// scalar) and the YAML 1.2 core schema resolves it so (<c>yes</c>/<c>no</c> stay text, as in YAML
    /// 1.2), or if it has the explicit tag; <c>.inf</c> and <c>.nan</c>, which JSON cannot hold, stay text.
    /// </summary>
    private static JsonDocument YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        stream.Documents.Should().HaveCount(1, "a profile is one YAML document");
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, stream.Documents[0].RootNode);
        return JsonDocument.Parse(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                var keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode { Value: var name })
                        throw new InvalidOperationException($"({key.Start}) a mapping key must be a scalar to be JSON");
                    if (!keys.Add(name ?? ""))
                        throw new InvalidOperationException($"({key.Start}) duplicate key '{name}'");
                    writer.WritePropertyName(name ?? "");
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case YamlSequenceNode seq:
                writer.WriteStartArray();
                foreach (var item in seq.Children) Write(writer, item);
                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                throw new InvalidOperationException($"({node.Start}) unexpected YAML node {node.GetType().Name}");
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        string? tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value;
        if (tag is null && scalar.Style != ScalarStyle.Plain)
        {
            writer.WriteStringValue(text);
            return;
        }
        bool Is(string name, Regex pattern) => (tag is null || tag == TagPrefix + name) && pattern.IsMatch(text);

        if (Is("null", NullPattern()))
            writer.WriteNullValue();
        else if (Is("bool", BoolPattern()))
            writer.WriteBooleanValue(text is "true" or "True" or "TRUE");
        else if (Is("int", IntPattern()))
            writer.WriteRawValue(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        else if (Is("int", OctalPattern()))
            writer.WriteRawValue(text[2..].Aggregate(BigInteger.Zero, (n, c) => n * 8 + (c - '0')).ToString(CultureInfo.InvariantCulture));
        else if (Is("int", HexPattern()))
            writer.WriteRawValue(BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
        else if (Is("float", FloatPattern())
                 && double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) is var d && double.IsFinite(d))
            writer.WriteNumberValue(d);
        else if (tag is null || tag == TagPrefix + "str")
            writer.WriteStringValue(text);
        else
            throw new InvalidOperationException($"({scalar.Start}) the tag '{tag}' on '{text}' is not one a profile uses, or does not fit the value");
    }
}
