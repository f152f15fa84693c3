using NodaTime;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// Ladders the fixture does not have, added to a copy of it: a window with two readings ("28 days or 2 months") and a
/// stated reading, rungs due immediately, at the trigger and untimed, a "consider" rung from the first episode; and a
/// whole-history ladder. Explanations are asserted verbatim.
/// </summary>
public class LadderReadingTests
{
    private const string Extra = """
          - id: probe-first
            title: First reports
            counts: [missing]
            dated-by: reported-missing
            window: [28 days, 2 months]
            reading: Either reading counts.
            citation: §P1
            rungs:
              - { id: first-report, title: First report decision, episodes: 1-1, activity: repeat-1, responsible: manager, nature: consider, deadline: immediately, citation: §P1 }
              - { id: second-report, title: Second report, episodes: 2-2, activity: repeat-2, responsible: manager, deadline: at-trigger, citation: §P1 }
              - { id: later-reports, title: Later reports, episodes: 3+, activity: stage-2-meeting, responsible: manager, deadline: untimed, citation: §P1 }
          - id: probe-history
            title: Whole history
            counts: [missing]
            dated-by: reported-missing
            window: whole-history
            citation: §P2
            rungs:
              - { id: history-third, title: Third episode ever, episodes: 3+, activity: stage-2-meeting, responsible: social-worker, deadline: { within: 2 days }, citation: §P2 }

        """;

    private static readonly Lazy<CompiledProfile> WithLadders = new(() => Variant("\nnot-encoded:", "\n" + Extra + "not-encoded:"));

    // Each episode: last seen 09:00, reported 10:00 (which dates it), found 20:00 (GMT outside summer time).
    private static Episode Reported(string id, string date) =>
        Episode(id, E("last-seen", $"{date}T09:00:00Z"), E("reported-missing", $"{date}T10:00:00Z"), E("found", $"{date}T20:00:00Z"));

    private static Assessment Run(ChildCase c, string at) => Evaluate(WithLadders.Value, c, at);

    private static List<EscalationResult> Of(Assessment a, string ladder) => a.Escalations.Where(e => e.LadderId == ladder).ToList();

    [Fact]
    public void FirstEpisode_RaisesAConsiderRungDueImmediately_CountedInEitherReading()
    {
        // E1 reported Mon 3 Feb 10:00. 28 days ending 3 Feb start 7 Jan; 2 months ending 3 Feb start 4 Dec. Both count 1: the first reading is kept.
        var a = Run(Case(Child(), Reported("E1", "2025-02-03")), "2025-02-03T12:00:00Z");
        var e = Of(a, "probe-first").Should().ContainSingle().Subject;
        e.RungId.Should().Be("first-report");
        e.Nature.Should().Be(Nature.Consider);
        e.Count.Should().Be(1);
        e.WindowFrom.Should().Be(new LocalDate(2025, 1, 7));
        e.WindowTo.Should().Be(new LocalDate(2025, 2, 3));
        e.Due!.Utc.Should().Be(I("2025-02-03T10:00:00Z"));
        e.Due.Immediate.Should().BeTrue();
        e.Status.Should().Be(ObligationStatus.DecisionRequired);
        e.Explanation.Should().Equal(
            "Reached: 1 counted episodes (E1) in the 28 days ending on the trigger date or the 2 months ending on the trigger date (1 in the 28 days from 2025-01-07; 1 in the 2 months from 2024-12-04); this rung is 1.",
            "Due at 2025-02-03T10:00:00+00:00 (immediately (due at the trigger; never overdue by rule) of the trigger episode E1, dated 2025-02-03T10:00:00+00:00).",
            "Reading: Either reading counts.",
            "Decision required: due immediately, and not yet recorded as done.");
    }

    [Fact]
    public void SecondEpisode_InTheLongerReadingOnly_RaisesTheAtTriggerRung()
    {
        // E1 5 Jan, E2 Mon 3 Feb: the 28 days from 7 Jan hold only E2; the 2 months from 4 Dec hold both → 2, from 4 Dec.
        var a = Run(Case(Child(), Reported("E1", "2025-01-05"), Reported("E2", "2025-02-03")), "2025-02-03T12:00:00Z");
        var e = Of(a, "probe-first").Single(x => x.RungId == "second-report");
        e.Count.Should().Be(2);
        e.WindowFrom.Should().Be(new LocalDate(2024, 12, 4));
        e.Due!.Immediate.Should().BeFalse();
        e.Explanation.Take(3).Should().Equal(
            "Reached: 2 counted episodes (E1, E2) in the 28 days ending on the trigger date or the 2 months ending on the trigger date (1 in the 28 days from 2025-01-07; 2 in the 2 months from 2024-12-04); this rung is 2.",
            "Due at 2025-02-03T10:00:00+00:00 (at the trigger (late the moment after it) of the trigger episode E2, dated 2025-02-03T10:00:00+00:00).",
            "Reading: Either reading counts.");
        a.Ladders.Single(l => l.LadderId == "probe-first").Should().Match<LadderPosition>(l => l.CountNow == 2 && l.HighestRungReached == "second-report");
    }

    [Fact]
    public void ThirdEpisode_UntimedRung_IsRequiredWithNoTimeLimit()
    {
        var a = Run(Case(Child(), Reported("E1", "2025-01-20"), Reported("E2", "2025-01-27"), Reported("E3", "2025-02-03")), "2025-02-03T12:00:00Z");
        var e = Of(a, "probe-first").Single(x => x.RungId == "later-reports");
        e.Due.Should().BeNull();
        e.Status.Should().Be(ObligationStatus.Pending);
        e.Explanation.Skip(1).Should().Equal(
            "Deadline: no time limit (required; outstanding until done).",
            "Reading: Either reading counts.",
            "Pending: required, with no time limit in the text; outstanding until done.");
    }

    [Fact]
    public void ConsiderRung_MetByADecisionRecordedAtTheTriggerInstant()
    {
        // A decision on repeat-1 at 3 Feb 10:00, the very instant that dates E1, meets the consider rung; a second before does not.
        ObligationStatus At(string decided) =>
            Of(Run(new ChildCase(Child(), [Reported("E1", "2025-02-03")], [E("decision-recorded", decided, "repeat-1")]), "2025-02-04T00:00:00Z"), "probe-first").Single().Status;
        At("2025-02-03T10:00:00Z").Should().Be(ObligationStatus.MetOnTime);
        At("2025-02-03T09:59:59Z").Should().Be(ObligationStatus.DecisionRequired);
    }

    [Fact]
    public void WholeHistory_CountsEveryEpisodeEver_OnEntryOnly()
    {
        // Years apart: the third episode ever (Mon 3 Feb 2025 10:00) reaches the rung, due 2 days later; the fourth does not raise it again.
        var c = Case(Child(), Reported("E1", "2019-03-01"), Reported("E2", "2022-07-01"), Reported("E3", "2025-02-03"), Reported("E4", "2025-02-10"));
        var a = Run(c, "2025-02-11T00:00:00Z");
        var e = Of(a, "probe-history").Should().ContainSingle().Subject;
        (e.TriggerEpisodeId, e.Count, e.WindowFrom).Should().Be(("E3", 3, (LocalDate?)null));
        e.Explanation.Take(2).Should().Equal(
            "Reached: 3 counted episodes (E1, E2, E3) in the child's whole history (whole history); this rung is 3 or more.",
            "Due by 2025-02-05T10:00:00+00:00 (within 2 days (calendar, Europe/London wall clock) of the trigger episode E3, dated 2025-02-03T10:00:00+00:00).");
        var position = a.Ladders.Single(l => l.LadderId == "probe-history");
        (position.CountNow, position.HighestRungReached, position.Window).Should().Be((4, "history-third", "the child's whole history"));
    }
}
