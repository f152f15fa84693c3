using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// Classification that consults the child's other records: a copy of the fixture whose first classification rule makes
/// an episode missing once a duty call has been recorded for the child (a child-level record, not the episode's own).
/// The classifier must look at the instants of the child's other records, not only the episode's own.
/// </summary>
public class ClassificationFromChildRecordsTests
{
    private const string Rule = """
            - label: missing
              when: { consecutive: { event: "notification-sent:duty-call", reset-by: "meeting-held:strategy-meeting", at-least: 1 } }
              reason: A duty call was made about the child
              citation: §P3

        """;

    private static readonly Lazy<CompiledProfile> WithRule = new(() => Variant("  classification:\n", "  classification:\n" + Rule, "fixture-classifier.yaml"));

    private static Assessment Run(ChildCase c, string at) => Evaluate(WithRule.Value, c, at);

    // Last seen Sat 1 Feb 10:00 (never reported: absent by default); found Sun 2 Feb 10:00.
    private static ChildCase WithDutyCall(params string[] calls) =>
        new(Child(), [Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("found", "2025-02-02T10:00:00Z"))],
            calls.Select(at => E("notification-sent", at, "duty-call")));

    [Fact]
    public void ChildLevelRecordDuringTheEpisode_MakesItMissingAtThatInstant()
    {
        // The duty call at 14:00 is not an event of the episode: the episode becomes missing at 14:00, not at its next own event (found).
        var a = Run(WithDutyCall("2025-02-01T14:00:00Z"), "2025-02-03T00:00:00Z");
        a.Episodes.Single().Should().Match<EpisodeSummary>(e => e.Classification == "missing" && e.Reason == "A duty call was made about the child");
        var plan = a.Single("contingency-plan");
        plan.TriggeredAt.Should().Be(I("2025-02-01T14:00:00Z"));
        plan.Explanation.Should().Contain("The episode was 'absent' then; it became 'missing' at 2025-02-01T14:00:00+00:00: the duty arose at that moment.");
    }

    [Fact]
    public void TwoChildLevelRecords_TheEarlierMakesItMissing()
    {
        // Calls at 15:00 and 12:00 (given out of order): missing from 12:00.
        Run(WithDutyCall("2025-02-01T15:00:00Z", "2025-02-01T12:00:00Z"), "2025-02-03T00:00:00Z").Single("contingency-plan").TriggeredAt
            .Should().Be(I("2025-02-01T12:00:00Z"));
    }

    [Fact]
    public void ChildLevelRecordAfterTheReturn_StillChangesIt_AtTheRecord()
    {
        // Found 2 Feb 10:00; the call is recorded at 12:00, after the return: a record still changes the classification, at 12:00.
        var a = Run(WithDutyCall("2025-02-02T12:00:00Z"), "2025-02-03T00:00:00Z");
        a.Episodes.Single().Classification.Should().Be("missing");
        a.Single("contingency-plan").Explanation.Should().Contain(
            "The episode was 'absent' then; it became 'missing' at 2025-02-02T12:00:00+00:00: the duty arose at that moment.");
    }

    [Fact]
    public void ChildLevelRecordAfterTheInstant_IsNotSeen()
    {
        // At 1 Feb 13:59:59 the call (14:00) has not happened: still absent.
        Run(WithDutyCall("2025-02-01T14:00:00Z"), "2025-02-01T13:59:59Z").Episodes.Single().Classification.Should().Be("absent");
        Run(WithDutyCall("2025-02-01T14:00:00Z"), "2025-02-01T14:00:00Z").Episodes.Single().Classification.Should().Be("missing");
    }
}
