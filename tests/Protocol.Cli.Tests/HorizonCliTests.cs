using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Protocol.Cli.Tests;

/// <summary><c>protocol evaluate --horizon</c>: what falls due within a length of time, as a table and in JSON.</summary>
[Collection("cli")]
public class HorizonCliTests
{
    private const string Fixture = "tests/Protocol.Core.Tests/Fixtures/fixture.yaml";

    // Sat 1 Feb 2025 (GMT): last seen 10:00, reported 11:00; still missing.
    private static string CaseFile() => CliRunner.TempFile("""
        {
          "child": { "id": "C-1", "dateOfBirth": "2010-06-15", "careStatus": "looked-after" },
          "episodes": [
            { "id": "E1", "events": [
              { "type": "last-seen", "at": "2025-02-01T10:00:00Z" },
              { "type": "reported-missing", "at": "2025-02-01T11:00:00Z" }
            ] }
          ]
        }
        """, ".json");

    private static CliResult Evaluate(string at, params string[] more) =>
        CliRunner.Run(["evaluate", "--profile", Fixture, "--case", CaseFile(), "--at", at, .. more]);

    /// <summary>Parses without turning instants into local DateTimes, so they compare as written.</summary>
    private static JObject Json(string text) => JObject.Load(new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None });

    [Fact]
    public void Horizon72h_Text_PrintsAComingDueTable()
    {
        // 2 Feb 09:00 + 72h = 5 Feb 09:00.
        var r = Evaluate("2025-02-02T09:00:00Z", "--horizon", "72h");
        r.ExitCode.Should().Be(0, r.Error);
        r.Out.Should().Contain("Coming due by 2025-02-05T09:00:00+00:00 (next 3 day(s)), if nothing changes");
        var table = r.Out[r.Out.IndexOf("Coming due by", StringComparison.Ordinal)..];
        table.Should().Contain("strategy-72h");                // upcoming: arises 4 Feb 10:00, due at once
        table.Should().Contain("2025-02-04T10:00:00+00:00");
        table.Should().Contain("notify-at-24h");
        table.Should().NotContain("long-absence-conference");  // arises 28 Feb, beyond the horizon
        table.Should().NotContain("tell-carer-immediately");   // already overdue
        table.Should().NotContain("safety-plan");              // untimed
    }

    [Fact]
    public void WithoutHorizon_Text_HasNoComingDueTable()
    {
        var r = Evaluate("2025-02-02T09:00:00Z");
        r.ExitCode.Should().Be(0, r.Error);
        r.Out.Should().NotContain("Coming due by");
    }

    [Fact]
    public void Horizon72h_Json_HasTheEndAndTheItems()
    {
        var r = Evaluate("2025-02-02T09:00:00Z", "--horizon", "72h", "--format", "json");
        r.ExitCode.Should().Be(0, r.Error);
        var json = Json(r.Out);
        json["horizon"]!["until"]!.Value<string>().Should().Be("2025-02-05T09:00:00Z");
        var items = (JArray)json["horizon"]!["items"]!;
        items.Should().NotBeEmpty();
        items.Select(i => i["kind"]!.Value<string>()).Should().OnlyContain(k => k == "obligation");
        items.Select(i => i["status"]!.Value<string>()).Should().OnlyContain(s => s == "pending" || s == "upcoming" || s == "decision-required");
        var strategy = items.Should().ContainSingle(i => i["id"]!.Value<string>() == "strategy-72h").Subject;
        strategy["status"]!.Value<string>().Should().Be("upcoming");
        strategy["arisesAt"]!.Value<string>().Should().Be("2025-02-04T10:00:00Z");   // last seen 1 Feb 10:00 + 72h
        strategy["due"]!["utc"]!.Value<string>().Should().Be("2025-02-04T10:00:00Z");
        strategy["due"]!["immediate"]!.Value<bool>().Should().BeTrue();
        var review2 = items.Should().ContainSingle(i => i["id"]!.Value<string>() == "daily-review" && i["occurrence"]!.Value<int>() == 2).Subject;
        review2["arisesAt"]!.Value<string>().Should().Be("2025-02-02T11:00:00Z");     // occurrence 1's due: reported 1 Feb 11:00 + 1 day
        review2["due"]!["utc"]!.Value<string>().Should().Be("2025-02-03T11:00:00Z");
        items.Select(i => i["due"]!["utc"]!.Value<string>()).Should().BeInAscendingOrder(StringComparer.Ordinal);
        items.Should().NotContain(i => i["id"]!.Value<string>() == "long-absence-conference");
    }

    [Fact]
    public void WithoutHorizon_Json_HasNoHorizon()
    {
        var r = Evaluate("2025-02-02T09:00:00Z", "--format", "json");
        r.ExitCode.Should().Be(0, r.Error);
        Json(r.Out).ContainsKey("horizon").Should().BeFalse();
    }

    [Fact]
    public void HorizonOfOneDay_AcrossTheSpringClockChange_Is23Hours()
    {
        // Sat 29 Mar 12:00 GMT + 1 day (wall clock) = Sun 30 Mar 12:00 BST = 11:00Z: 23 elapsed hours.
        var r = Evaluate("2025-03-29T12:00:00Z", "--horizon", "1 day", "--format", "json");
        r.ExitCode.Should().Be(0, r.Error);
        Json(r.Out)["horizon"]!["until"]!.Value<string>().Should().Be("2025-03-30T11:00:00Z");
        var text = Evaluate("2025-03-29T12:00:00Z", "--horizon", "1 day");
        text.Out.Should().Contain("Coming due by 2025-03-30T12:00:00+01:00 (next 23 hour(s)), if nothing changes");
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0h")]
    [InlineData("-2h")]
    public void Horizon_NotALengthOfTime_ExitsTwo_WithAnError(string horizon)
    {
        var r = Evaluate("2025-02-02T09:00:00Z", "--horizon", horizon);
        r.ExitCode.Should().Be(2);
        r.Error.Should().Contain($"--horizon '{horizon}' is not a length of time");
        r.Out.Should().BeEmpty();
    }

    [Fact]
    public void Horizon_WithACaseload_IsNotSilentlyIgnored()
    {
        // Either the coming items are shown for the caseload, or the option is refused as a usage error.
        var path = CliRunner.TempFile("""
            {
              "children": [
                { "child": { "id": "C-1", "dateOfBirth": "2010-06-15", "careStatus": "looked-after" },
                  "episodes": [ { "id": "E1", "events": [
                    { "type": "last-seen", "at": "2025-02-01T10:00:00Z" },
                    { "type": "reported-missing", "at": "2025-02-01T11:00:00Z" } ] } ] }
              ]
            }
            """, ".json");
        var r = CliRunner.Run("evaluate", "--profile", Fixture, "--case", path, "--at", "2025-02-02T09:00:00Z", "--horizon", "72h");
        if (r.ExitCode == 0) r.Out.Should().Contain("Coming due by");
        else
        {
            r.ExitCode.Should().Be(2);
            r.Error.Should().Contain("--horizon");
        }
    }
}
