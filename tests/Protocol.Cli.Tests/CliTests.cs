using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace Protocol.Cli.Tests;

[Collection("cli")]
public class CliTests
{
    [Fact]
    public void Profiles_ListsWarwickshire()
    {
        var r = CliRunner.Run("profiles");
        r.ExitCode.Should().Be(0);
        r.Out.Should().Contain("warwickshire");
    }

    [Fact]
    public void Validate_ShippedProfile_ExitsZero()
    {
        var r = CliRunner.Run("validate", "profiles/warwickshire.yaml");
        r.ExitCode.Should().Be(0, r.Error);
        r.Out.Should().Contain("valid");
    }

    [Fact]
    public void Validate_MisspeltKey_ExitsOne_WithExactLineAndColumn()
    {
        var text = File.ReadAllText(Path.Combine(CliRunner.Root, "profiles", "warwickshire.yaml"));
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith("deadline:") && l.StartsWith("    "));
        index.Should().BeGreaterThan(0);
        var column = lines[index].IndexOf("deadline:", StringComparison.Ordinal) + 1;
        lines[index] = lines[index].Replace("deadline:", "dedline:");
        var path = CliRunner.TempFile(string.Join('\n', lines));
        var r = CliRunner.Run("validate", path);
        r.ExitCode.Should().Be(1);
        r.Error.Should().Contain($"{path}:{index + 1}:{column}: error PRF002: unknown key 'dedline'");
        r.Error.Should().Contain("did you mean 'deadline'?");
        r.Error.Should().NotContain("   at ");
    }

    [Fact]
    public void Validate_MissingFile_ExitsOne_WithoutAStackTrace()
    {
        var r = CliRunner.Run("validate", "no/such/profile.yaml");
        r.ExitCode.Should().Be(1);
        r.Error.Should().Contain("PRF015");
        r.Error.Should().NotContain("Exception");
    }

    [Fact]
    public void Evaluate_Sample_PrintsObligationsWithDueTimesAndCitations()
    {
        var r = CliRunner.Run("evaluate", "--profile", "warwickshire", "--case", "samples/warwickshire-case.json", "--at", "2025-10-27T12:00:00Z");
        r.ExitCode.Should().Be(0, r.Error);
        r.Out.Should().Contain("Classification: missing");
        r.Out.Should().Contain("Current risk: high");
        r.Out.Should().Contain("2025-10-31T23:59:59+00:00");   // Stage 1 MIM: 5 working days from Friday 24 October
        r.Out.Should().Contain("§10 \"Trigger points\"");
        r.Out.Should().Contain("OVERDUE");
    }

    [Fact]
    public void Evaluate_Json_MatchesTheSnapshot()
    {
        var r = CliRunner.Run("evaluate", "--profile", "warwickshire", "--case", "samples/warwickshire-case.json", "--at", "2025-10-27T12:00:00Z", "--format", "json");
        r.ExitCode.Should().Be(0, r.Error);
        // Dates stay the strings the CLI wrote: parsing them as dates would rewrite every local time's offset.
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(r.Out)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        Snapshot.Match(JToken.ReadFrom(reader));
    }

    [Fact]
    public void Evaluate_Json_IsStable()
    {
        var args = new[] { "evaluate", "--profile", "warwickshire", "--case", "samples/warwickshire-case.json", "--at", "2025-10-27T13:00:00+01:00", "--format", "json" };
        CliRunner.Run(args).Out.Should().Be(CliRunner.Run(args).Out);
    }

    [Fact]
    public void Evaluate_BadCase_NamesTheField_AndExitsOne()
    {
        var path = CliRunner.TempFile("""{ "child": { "id": "C-1" }, "episodes": [ { "id": "E-1", "events": [ { "type": "found", "at": "yesterday" } ] } ] }""", ".json");
        var r = CliRunner.Run("evaluate", "--profile", "warwickshire", "--case", path, "--at", "2025-10-27T12:00:00Z");
        r.ExitCode.Should().Be(1);
        r.Error.Should().Contain("episodes[0].events[0].at");
        r.Error.Should().NotContain("yesterday");
    }

    [Fact]
    public void Evaluate_TruncatedJson_ExitsOne()
    {
        var path = CliRunner.TempFile("""{ "child": { "id": "C-1" }, "episodes": [ """, ".json");
        var r = CliRunner.Run("evaluate", "--profile", "warwickshire", "--case", path);
        r.ExitCode.Should().Be(1);
        r.Error.Should().Contain("not valid JSON");
    }

    [Fact]
    public void Evaluate_UnknownFlag_IsRejectedByTheProfile()
    {
        var path = CliRunner.TempFile("""{ "child": { "id": "C-1", "flags": ["exploitaton-risk"] }, "episodes": [] }""", ".json");
        var r = CliRunner.Run("evaluate", "--profile", "warwickshire", "--case", path);
        r.ExitCode.Should().Be(1);
        r.Error.Should().Contain("child.flags[0]");
    }

    [Theory]
    [InlineData("evaluate", "--profile", "warwickshire")]
    [InlineData("frobnicate")]
    [InlineData("evaluate", "--profile", "warwickshire", "--case", "samples/warwickshire-case.json", "--format", "xml")]
    public void UsageErrors_ExitTwo(params string[] args)
    {
        var r = CliRunner.Run(args);
        r.ExitCode.Should().Be(2);
        r.Error.Should().Contain("error:");
    }

    [Fact]
    public void Evaluate_BadAt_IsAUsageError()
    {
        CliRunner.Run("evaluate", "--profile", "warwickshire", "--case", "samples/warwickshire-case.json", "--at", "27/10/2025").ExitCode.Should().Be(2);
    }

    [Fact]
    public void Test_ShippedCases_PassAndEndWithTheTotalsLine()
    {
        var r = CliRunner.Run("test", "profiles/tests/warwickshire");
        var last = r.Out.TrimEnd().Split('\n')[^1];
        last.Should().MatchRegex(@"^\d+ passed, 0 failed$");
        r.ExitCode.Should().Be(0, r.Out);
    }

    [Fact]
    public void Test_AFailingCase_ExitsOne_AndSaysWhy()
    {
        var path = CliRunner.TempFile("""
            profile: warwickshire
            cases:
              - name: deliberately wrong expectation
                at: 2025-06-02T12:00:00Z
                case:
                  child: { id: C-1, dateOfBirth: 2010-01-01 }
                  episodes:
                    - id: E-1
                      events:
                        - { type: last-seen, at: 2025-06-01T10:00:00Z }
                        - { type: reported-missing, at: 2025-06-01T11:00:00Z }
                        - { type: found, at: 2025-06-01T20:00:00Z }
                expect:
                  obligations:
                    - { id: prevention-interview, status: met-on-time }
            """);
        var r = CliRunner.Run("test", path);
        r.ExitCode.Should().Be(1);
        r.Out.Should().Contain("FAIL");
        r.Out.Should().Contain("expected 'prevention-interview' (met-on-time)");
        r.Out.TrimEnd().Split('\n')[^1].Should().Be("0 passed, 1 failed");
    }

    [Fact]
    public void Evaluate_MisspeltProfileId_ExitsOne_NamingTheShippedIds()
    {
        var r = CliRunner.Run("evaluate", "--profile", "west-mercai", "--case", "samples/comparison-case.json", "--at", "2025-11-05T12:00:00Z");
        r.ExitCode.Should().Be(1);
        r.Error.Should().Contain("west-mercai:1:1: error PRF015: no shipped profile has this id");
        r.Error.Should().Contain("did you mean 'west-mercia'?");
    }

    [Fact]
    public void Compare_DocsComparison_IsTheGeneratedOutput()
    {
        // docs/comparison.md is generated, not written by hand: regenerate it with the command in its
        // first lines whenever a profile changes.
        var r = CliRunner.Run("compare", "--case", "samples/comparison-case.json", "--at", "2025-11-05T12:00:00Z");
        r.ExitCode.Should().Be(0, r.Error);
        var doc = File.ReadAllText(Path.Combine(CliRunner.Root, "docs", "comparison.md"));
        Normalise(r.Out).Should().Be(Normalise(doc),
            "docs/comparison.md must be regenerated: protocol compare --case samples/comparison-case.json --at 2025-11-05T12:00:00Z --output docs/comparison.md");
        foreach (var id in new[] { "bcp", "bedfordshire", "liverpool", "warwickshire", "west-mercia" })
            r.Out.Should().Contain($"| {id} |");
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n").TrimEnd();
}
