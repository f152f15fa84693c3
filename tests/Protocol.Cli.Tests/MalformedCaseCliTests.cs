using Protocol.Tests.Shared;

namespace Protocol.Cli.Tests;

[Collection("cli")]
public class MalformedCaseCliTests
{
    public static TheoryData<string, string, string, string> Cases => MalformedCases.All;

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_MalformedCase_ExitsOne_NamingTheField_WithoutAStackTrace(string name, string json, string path, string fragment)
    {
        var file = CliRunner.TempFile(json, ".json");
        var r = CliRunner.Run("evaluate", "--profile", MalformedCases.ProfilePath, "--case", file, "--at", MalformedCases.At);
        r.ExitCode.Should().Be(1, "case '{0}': {1}", name, r.Error);
        r.Out.Should().BeEmpty();
        r.Error.Should().Contain($"{file}: error: {path}: ").And.Contain(fragment);
        r.Error.Should().NotContain("Exception").And.NotContain("   at ").And.NotContain("unexpected failure");
    }

    [Fact]
    public void RecordsAfterAnEarlierAt_AreErrors_UnlessAsAtAsksForTheCaseAsItStoodThen()
    {
        var json = """
            { "child": { "id": "C-1", "dateOfBirth": "2010-06-15" }, "episodes": [
              { "id": "E-1", "events": [ { "type": "last-seen", "at": "2025-05-31T10:00:00Z" }, { "type": "found", "at": "2025-06-02T10:00:00Z" } ] } ] }
            """;
        var file = CliRunner.TempFile(json, ".json");
        var strict = CliRunner.Run("evaluate", "--profile", MalformedCases.ProfilePath, "--case", file, "--at", MalformedCases.At);
        strict.ExitCode.Should().Be(1);
        strict.Error.Should().Contain("episodes[0].events[1].at: is after the evaluation instant");
        strict.Error.Should().Contain("--as-at");
        var replay = CliRunner.Run("evaluate", "--profile", MalformedCases.ProfilePath, "--case", file, "--at", MalformedCases.At, "--as-at");
        replay.ExitCode.Should().Be(0, replay.Error);
        replay.Out.Should().Contain("1 event recorded after the evaluation instant was ignored");
        var now = CliRunner.Run("evaluate", "--profile", MalformedCases.ProfilePath, "--case", file);
        now.ExitCode.Should().Be(0, now.Error);
        now.Out.Should().NotContain("ignored");
    }

    public static TheoryData<string, string[]> PrivacyRuns => new()
    {
        { "structural/text", ["--explain", "--all"] },
        { "structural/json", ["--format", "json"] },
        { "semantic/text", ["--explain", "--all"] },
        { "semantic/json", ["--format", "json"] },
        { "valid/text", ["--explain", "--all"] },
        { "valid/json", ["--format", "json"] },
        { "caseload/text", ["--explain"] },
        { "caseload/json", ["--format", "json"] },
    };

    [Theory]
    [MemberData(nameof(PrivacyRuns))]
    public void Evaluate_NeverPrintsPersonalDetailsFromTheCase(string which, string[] options)
    {
        var kind = which.Split('/')[0];
        var json = kind switch
        {
            "structural" => PrivacyCases.StructurallyMalformed,
            "semantic" => PrivacyCases.SemanticallyMalformed,
            "valid" => PrivacyCases.Valid,
            _ => PrivacyCases.ValidCaseload,
        };
        var file = CliRunner.TempFile(json, ".json");
        var r = CliRunner.Run(["evaluate", "--profile", MalformedCases.ProfilePath, "--case", file, "--at", PrivacyCases.At, "--as-at", .. options]);
        r.ExitCode.Should().Be(kind is "valid" or "caseload" ? 0 : 1, r.Error);
        (r.Out + r.Error).Should().NotBeEmpty();
        foreach (var s in PrivacyCases.All)
        {
            r.Out.Should().NotContainEquivalentOf(s);
            r.Error.Should().NotContainEquivalentOf(s);
        }
    }

    [Fact]
    public void Compare_NeverPrintsPersonalDetailsFromTheCase()
    {
        var file = CliRunner.TempFile(PrivacyCases.SemanticallyMalformed, ".json");
        var r = CliRunner.Run("compare", "--case", file, "--at", PrivacyCases.At);
        r.ExitCode.Should().Be(1);
        foreach (var s in PrivacyCases.All) (r.Out + r.Error).Should().NotContainEquivalentOf(s);
    }
}
