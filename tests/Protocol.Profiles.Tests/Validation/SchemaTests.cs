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

    private const string Minimal = ValidationTests.Minimal;

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
    [InlineData("unknown obligation key", "    citation: §1", "    citation: §1\n    holder: police", "/obligations/0/holder", "additionalProperties")]
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
        ShouldBeRejected(Minimal.Replace(find, replace), what, location, keyword);
    }

    /// <summary>Both the loader and the schema reject the profile; the schema at this location, with this keyword.</summary>
    private static void ShouldBeRejected(string yaml, string what, string location, string keyword)
    {
        ProfileLoader.Load(yaml, "p.yaml").Diagnostics.Should().NotBeEmpty("the loader rejects '{0}' too", what);
        var errors = Errors(YamlToJson(yaml));
        errors.Should().Contain(e => e.Location == location && e.Keyword == keyword,
            "the schema must reject '{0}' with '{1}' at '{2}'; it reported:{3}{4}", what, keyword, location, Environment.NewLine, Report(errors));
    }

    /// <summary>
    /// A small profile that uses every construct of the newer profile language at least once: calendar office
    /// hours, the reserved immediately-grace setting, every deadline word, if-not-recorded and grace, first-of and
    /// last-of event sets (trigger on and from, deadline from, ladder dated-by, condition from and dated-by), owner,
    /// recipients, met-by by/not-by, shared-across-episodes, standing, both forms of recurs, the conditions
    /// whereabouts-known, police-category and office-hours, the ladder keys raised-by and before-lower-held, and the
    /// events categorised, whereabouts-lost, decision-recorded and frequency-agreed; child-scope triggers on a flag
    /// identified and on a change of care status, catalogue ids (one and a list), and owners on a ladder and a rung.
    /// </summary>
    private const string NewSyntax = """
        profile:
          id: test
          authority: Test authority
          title: Test protocol
        calendar:
          id: england-and-wales
          office-hours:
            start: "09:00"
            end: "17:00"
            friday: { start: "09:00", end: "16:30" }
        risk-levels: [medium, high]
        flags:
          exploitation-risk: At risk of exploitation
        settings:
          immediately-grace:
            value: 2 working days
            reading: An immediate duty is late two working days after it arose.
            citation: §0
          fallback:
            value: trigger
            reading: The clock runs from the trigger until the find is recorded.
            citation: §0
        roles:
          police: Police
          social-worker: Social worker
          parents: Parents
        activities:
          notify: { kind: notification, title: Notification }
          interview: { kind: interview, title: Interview }
          strategy-meeting: { kind: meeting, title: Strategy meeting }
          missing-review: { kind: review, title: Missing review }
        obligations:
          - id: tell-everyone
            title: Tell the social worker and the parents
            responsible: police
            owner: host-authority
            trigger: { on: { first-of: [reported-missing, categorised] } }
            when: { police-category: [missing, no-apparent-risk], office-hours: true, whereabouts-known: false }
            deadline: immediately
            recipients: [social-worker, parents]
            met-by: notification-sent:notify
            lapses-on: [whereabouts-lost, found]
            citation: §1
          - id: interview
            title: Return interview
            responsible: social-worker
            owner: responsible-authority
            trigger: { on: { last-of: [found, return-notified] } }
            deadline:
              - { when: { police-category: absent }, on: immediately, grace: never }
              - { when: { whereabouts-known: true }, on: at-trigger, from: found, if-not-recorded: $fallback }
              - { within: 72h, from: { last-of: [found, returned] }, if-not-recorded: wait }
            met-by: { events: interview-completed:interview, by: social-worker, not-by: [police] }
            shared-across-episodes: 7 days
            standing: { by: decision-recorded:interview, lasts: 20 working days, ended-by: [whereabouts-lost] }
            citation: §2
          - id: review
            title: Missing review
            responsible: social-worker
            trigger: { missing-for: 72h, from: { first-of: [last-seen, carer-aware] } }
            when: { missing-for: { at-least: 6h, from: { last-of: [last-seen] } }, missing-during: { start: "00:00", end: "06:00", from: { first-of: [last-seen] } } }
            deadline: { on: same-working-day, by: "12:00" }
            met-by: review-held:missing-review
            recurs: { every: 5 days, from: last-held, changed-by: frequency-agreed:missing-review, until: [found], max: 50 }
            citation: §3
          - id: daily-check
            title: Daily check
            responsible: police
            trigger: { on: risk-graded:high }
            deadline: { on: next-working-day }
            met-by: [whereabouts-known, found]
            recurs: { each: calendar-day, until: found, max: 30 }
            citation: §4
          - id: decide-meeting
            title: Decide whether to hold a strategy meeting
            responsible: social-worker
            nature: consider
            trigger: { on: categorised }
            deadline: untimed
            met-by: decision-recorded:strategy-meeting
            citation: §5
          - id: same-day
            title: Same-day record
            responsible: police
            trigger: { on: reported-missing }
            deadline: same-day
            met-by: action-completed:notify
            citation: §6
          - id: exploitation-plan
            title: Exploitation plan when the risk is identified
            responsible: social-worker
            scope: child
            trigger: { flag-identified: exploitation-risk }
            deadline: { within: 5 working days }
            met-by: action-completed:notify
            catalogue: exploitation-plan
            citation: §8
          - id: placement-check
            title: Check on becoming looked after
            responsible: social-worker
            scope: child
            trigger: { change: care-status, to: looked-after }
            deadline: { within: 10 days }
            met-by: action-completed:notify
            catalogue: [placement-check, placement-check-2]
            citation: §9
        ladders:
          - id: repeat
            title: Repeat episodes
            counts: missing
            where: { episodes-within: { period: 4 weeks, at-least: 2, dated-by: { first-of: [reported-missing, last-seen] } } }
            dated-by: { last-of: [reported-missing] }
            window: 90 days
            raised-by: every-episode
            before-lower-held: decision
            owner: any
            rungs:
              - { id: third, title: Strategy meeting, episodes: 3, activity: strategy-meeting, responsible: social-worker, deadline: at-trigger, owner: responsible-authority, citation: §7 }
            citation: §7
        """;

    [Fact]
    public void NewSyntaxProfile_IsValid_ByTheSchemaAndTheLoader()
    {
        var loaded = ProfileLoader.Load(NewSyntax, "p.yaml");
        loaded.Diagnostics.Should().BeEmpty();
        loaded.Profile!.OfficeHours.Should().NotBeNull("the calendar states office hours");
        loaded.Profile.ImmediateGrace.Should().NotBeNull("the profile states immediately-grace");
        Report(Errors(YamlToJson(NewSyntax))).Should().BeEmpty();
    }

    [Theory]
    [InlineData("grace with within", "{ within: 72h, from:", "{ within: 72h, grace: 1h, from:", "/obligations/1/deadline/2/grace", "additionalProperties")]
    [InlineData("grace with an 'on' other than immediately", "{ on: same-working-day, by: \"12:00\" }", "{ on: same-working-day, grace: 1h }", "/obligations/2/deadline/grace", "grace")]
    [InlineData("grace neither never nor a length", "grace: never", "grace: soon", "/obligations/1/deadline/0/grace", "pattern")]
    [InlineData("if-not-recorded neither wait nor trigger", "if-not-recorded: wait", "if-not-recorded: maybe", "/obligations/1/deadline/2/if-not-recorded", "enum")]
    [InlineData("if-not-recorded without from", "from: found, if-not-recorded: $fallback", "if-not-recorded: $fallback", "/obligations/1/deadline/1", "required")]
    [InlineData("by with at-trigger", "deadline: { on: next-working-day }", "deadline: { on: at-trigger, by: \"12:00\" }", "/obligations/3/deadline/by", "by")]
    [InlineData("from with untimed", "deadline: untimed", "deadline: { on: untimed, from: found }", "/obligations/4/deadline/from", "from")]
    [InlineData("not a deadline word", "deadline: untimed", "deadline: whenever", "/obligations/4/deadline", "enum")]
    [InlineData("recurs with both every and each", "{ every: 5 days,", "{ each: calendar-day, every: 5 days,", "/obligations/2/recurs/each", "additionalProperties")]
    [InlineData("recurs with neither every nor each", "{ each: calendar-day, until: found, max: 30 }", "{ until: found, max: 30 }", "/obligations/3/recurs", "required")]
    [InlineData("each: calendar-day with from", "{ each: calendar-day,", "{ each: calendar-day, from: last-held,", "/obligations/3/recurs/from", "additionalProperties")]
    [InlineData("each other than calendar-day", "each: calendar-day", "each: working-day", "/obligations/3/recurs/each", "const")]
    [InlineData("recurs from neither schedule nor last-held", "from: last-held", "from: last-met", "/obligations/2/recurs/from", "enum")]
    [InlineData("changed-by not a frequency-agreed record", "changed-by: frequency-agreed:missing-review", "changed-by: review-held:missing-review", "/obligations/2/recurs/changed-by", "pattern")]
    [InlineData("recurring and untimed", "deadline: { on: next-working-day }", "deadline: untimed", "/obligations/3/deadline", "enum")]
    [InlineData("owner not an authority", "owner: host-authority", "owner: placing", "/obligations/0/owner", "enum")]
    [InlineData("a recipient listed twice", "recipients: [social-worker, parents]", "recipients: [parents, parents]", "/obligations/0/recipients", "uniqueItems")]
    [InlineData("met-by mapping without by or not-by", "met-by: { events: interview-completed:interview, by: social-worker, not-by: [police] }", "met-by: { events: interview-completed:interview }", "/obligations/1/met-by", "required")]
    [InlineData("met-by mapping without events", "met-by: { events: interview-completed:interview, by: social-worker,", "met-by: { by: social-worker,", "/obligations/1/met-by", "required")]
    [InlineData("shared-across-episodes in working days", "shared-across-episodes: 7 days", "shared-across-episodes: 7 working days", "/obligations/1/shared-across-episodes", "pattern")]
    [InlineData("standing without by", "standing: { by: decision-recorded:interview, lasts", "standing: { lasts", "/obligations/1/standing", "required")]
    [InlineData("unknown standing key", "ended-by: [whereabouts-lost]", "ends-on: [whereabouts-lost]", "/obligations/1/standing/ends-on", "additionalProperties")]
    [InlineData("event set with both first-of and last-of", "{ on: { first-of: [reported-missing, categorised] } }", "{ on: { first-of: [reported-missing], last-of: [categorised] } }", "/obligations/0/trigger/on/last-of", "additionalProperties")]
    [InlineData("event set mapping with another key", "dated-by: { last-of: [reported-missing] }", "dated-by: { all-of: [reported-missing] }", "/ladders/0/dated-by/all-of", "additionalProperties")]
    [InlineData("last-of in a child-scope trigger", "    owner: responsible-authority", "    owner: responsible-authority\n    scope: child", "/obligations/1/trigger/on/last-of", "last-of")]
    [InlineData("shared-across-episodes in child scope", "    owner: responsible-authority", "    owner: responsible-authority\n    scope: child", "/obligations/1/shared-across-episodes", "shared-across-episodes")]
    [InlineData("police category not a category", "police-category: absent", "police-category: lost", "/obligations/1/deadline/0/when/police-category", "enum")]
    [InlineData("whereabouts-known not true or false", "whereabouts-known: true", "whereabouts-known: sometimes", "/obligations/1/deadline/1/when/whereabouts-known", "enum")]
    [InlineData("raised-by neither entering-rung nor every-episode", "raised-by: every-episode", "raised-by: sometimes", "/ladders/0/raised-by", "enum")]
    [InlineData("before-lower-held neither deadline nor decision", "before-lower-held: decision", "before-lower-held: never", "/ladders/0/before-lower-held", "enum")]
    [InlineData("calendar office hours on an unknown day", "friday: {", "fri: {", "/calendar/office-hours/fri", "additionalProperties")]
    [InlineData("office hours not HH:mm", "end: \"17:00\"", "end: 5pm", "/calendar/office-hours/end", "pattern")]
    [InlineData("calendar mapping without its id", "  id: england-and-wales\n", "", "/calendar", "required")]
    [InlineData("immediately-grace neither never nor a length", "value: 2 working days", "value: soon", "/settings/immediately-grace/value", "pattern")]
    [InlineData("decision-recorded without its activity", "met-by: decision-recorded:strategy-meeting", "met-by: decision-recorded", "/obligations/4/met-by", "pattern")]
    [InlineData("whereabouts-lost with a qualifier", "lapses-on: [whereabouts-lost, found]", "lapses-on: [whereabouts-lost:police, found]", "/obligations/0/lapses-on/0", "pattern")]
    [InlineData("categorised with a category that is not one", "trigger: { on: categorised }", "trigger: { on: categorised:lost }", "/obligations/4/trigger/on", "pattern")]
    [InlineData("catalogue id not kebab-case", "catalogue: exploitation-plan", "catalogue: Exploitation Plan", "/obligations/6/catalogue", "pattern")]
    [InlineData("catalogue list empty", "catalogue: [placement-check, placement-check-2]", "catalogue: []", "/obligations/7/catalogue", "minItems")]
    [InlineData("catalogue id listed twice", "catalogue: [placement-check, placement-check-2]", "catalogue: [placement-check, placement-check]", "/obligations/7/catalogue", "uniqueItems")]
    [InlineData("flag-identified with another key", "{ flag-identified: exploitation-risk }", "{ flag-identified: exploitation-risk, to: looked-after }", "/obligations/6/trigger/to", "additionalProperties")]
    [InlineData("flag-identified not a flag id", "{ flag-identified: exploitation-risk }", "{ flag-identified: Exploitation }", "/obligations/6/trigger/flag-identified", "pattern")]
    [InlineData("change of a fact that is not one", "{ change: care-status, to: looked-after }", "{ change: religion }", "/obligations/7/trigger/change", "enum")]
    [InlineData("change to a care status that is not one", "{ change: care-status, to: looked-after }", "{ change: care-status, to: adopted }", "/obligations/7/trigger/to", "enum")]
    [InlineData("ladder owner not an authority", "    owner: any\n    rungs:", "    owner: placing\n    rungs:", "/ladders/0/owner", "enum")]
    [InlineData("rung owner not an authority", "owner: responsible-authority, citation: §7", "owner: host, citation: §7", "/ladders/0/rungs/0/owner", "enum")]
    public void WrongNewSyntax_IsRejected_AtItsLocation(string what, string find, string replace, string location, string keyword)
    {
        NewSyntax.Should().Contain(find, "the case '{0}' must change the profile", what);
        ShouldBeRejected(ReplaceOnce(NewSyntax, find, replace), what, location, keyword);
    }

    private static string ReplaceOnce(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        text.IndexOf(find, at + 1, StringComparison.Ordinal).Should().Be(-1, "'{0}' must occur once in the profile", find);
        return text[..at] + replace + text[(at + find.Length)..];
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
        // A 'not' that fails reports no error of its own: its one detail, the excluded schema, held. Name it.
        if (node.Errors is not { Count: > 0 } && node.Details is { Count: > 0 } details && details.All(d => d.IsValid))
        {
            var path = details[0].EvaluationPath.ToString();
            errors.Add(new SchemaError(node.InstanceLocation.ToString(), path[(path.LastIndexOf('/') + 1)..], path, "the value matches a case the schema excludes"));
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
