using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// repeat-every-episode: every counted episode in a rung's range raises it (repeat-low 2–3, 5 days; repeat-high 4+,
/// 2 days), and a rung reached before the latest lower meeting was held asks for a decision instead of a deadline.
/// Compared with the 'repeat' ladder, raised only on entering a rung.
/// </summary>
public class LadderSwitchTests
{
    // Each episode: last seen 09:00, reported 10:00 (which dates it), found 20:00, in January 2025 (GMT).
    private static Episode Reported(string id, string date) =>
        Episode(id, E("last-seen", $"{date}T09:00:00Z"), E("reported-missing", $"{date}T10:00:00Z"), E("found", $"{date}T20:00:00Z"));

    private static readonly Episode[] Four =
        [Reported("E1", "2025-01-01"), Reported("E2", "2025-01-10"), Reported("E3", "2025-01-20"), Reported("E4", "2025-01-30")];

    private static List<EscalationResult> Every(Assessment a) => a.Escalations.Where(e => e.LadderId == "repeat-every-episode").ToList();

    [Fact]
    public void EveryEpisode_Episodes2And3_BothRaiseRepeatLow()
    {
        var a = Evaluate(Case(Child(), Four[..3]), "2025-01-21T00:00:00Z");
        var rungs = Every(a);
        rungs.Select(e => (e.RungId, e.TriggerEpisodeId, e.Count)).Should().Equal(("repeat-low", "E2", 2), ("repeat-low", "E3", 3));
        rungs[0].Due!.Utc.Should().Be(I("2025-01-15T10:00:00Z")); // 10 Jan 10:00 + 5 days
        rungs[1].Due!.Utc.Should().Be(I("2025-01-25T10:00:00Z")); // 20 Jan 10:00 + 5 days
        rungs[0].Status.Should().Be(ObligationStatus.Overdue);
        rungs[1].Status.Should().Be(ObligationStatus.Pending);
    }

    [Fact]
    public void EntryLadder_SameEpisodes_RaisesStage1OnceAndNothingForTheFourth()
    {
        var a = Evaluate(Case(Child(), Four), "2025-02-01T00:00:00Z");
        a.Escalations.Where(e => e.LadderId == "repeat").Select(e => (e.RungId, e.TriggerEpisodeId)).Should().Equal(("stage-1", "E3"));
        Every(a).Select(e => (e.RungId, e.TriggerEpisodeId)).Should().Equal(("repeat-low", "E2"), ("repeat-low", "E3"), ("repeat-high", "E4"));
    }

    [Fact]
    public void FourthEpisode_LatestRepeatLowNotHeld_RepeatHighIsADecisionWithNoDueTime()
    {
        var a = Evaluate(Case(Child(), Four), "2025-02-05T00:00:00Z");
        var high = Every(a).Single(e => e.RungId == "repeat-high");
        high.TriggerEpisodeId.Should().Be("E4");
        high.Status.Should().Be(ObligationStatus.DecisionRequired);
        high.Due.Should().BeNull();
        high.Explanation.Should().Contain(l => l.StartsWith("Reached before the Repeat meeting (raised 2025-01-20T10:00:00+00:00) was held"));
        var position = a.Ladders.Single(l => l.LadderId == "repeat-every-episode");
        position.CountNow.Should().Be(4);
        position.HighestRungReached.Should().Be("repeat-high");
    }

    [Fact]
    public void FourthEpisode_OnlyTheEarlierRepeatLowHeld_IsStillADecision()
    {
        // repeat-1 held 12 Jan meets E2's rung, not E3's (raised 20 Jan): the latest lower meeting was not held.
        var c = new ChildCase(Child(), Four, [E("meeting-held", "2025-01-12T10:00:00Z", "repeat-1")]);
        var rungs = Every(Evaluate(c, "2025-02-05T00:00:00Z"));
        rungs[0].Status.Should().Be(ObligationStatus.MetOnTime);
        rungs[1].Status.Should().Be(ObligationStatus.Overdue);
        rungs[2].Status.Should().Be(ObligationStatus.DecisionRequired);
    }

    [Fact]
    public void FourthEpisode_Repeat1HeldBefore_RepeatHighHasItsOwn2DayDeadline()
    {
        // repeat-1 held 22 Jan (meets E3's rung); E4 reported 30 Jan 10:00 → repeat-high due 1 Feb 10:00.
        var c = new ChildCase(Child(), Four, [E("meeting-held", "2025-01-22T10:00:00Z", "repeat-1")]);
        var high = Every(Evaluate(c, "2025-02-01T10:00:00Z")).Single(e => e.RungId == "repeat-high");
        high.Due!.Utc.Should().Be(I("2025-02-01T10:00:00Z"));
        high.Status.Should().Be(ObligationStatus.Pending);
        Every(Evaluate(c, "2025-02-01T10:00:01Z")).Single(e => e.RungId == "repeat-high").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Theory]
    [InlineData("2025-01-30T10:00:00Z", false)]  // held at the very instant that dates E4: held before it was reached
    [InlineData("2025-01-30T10:00:01Z", true)]   // a second later
    public void FourthEpisode_Repeat1HeldAtTheBoundary(string held, bool decision)
    {
        var c = new ChildCase(Child(), Four, [E("meeting-held", held, "repeat-1")]);
        var high = Every(Evaluate(c, "2025-01-31T00:00:00Z")).Single(e => e.RungId == "repeat-high");
        high.Status.Should().Be(decision ? ObligationStatus.DecisionRequired : ObligationStatus.Pending);
        (high.Due is null).Should().Be(decision);
    }

    [Theory]
    [InlineData("decision-recorded")]
    [InlineData("meeting-held")]
    public void RepeatHighDecision_MetByADecisionOrTheMeeting(string type)
    {
        var c = new ChildCase(Child(), Four, [E(type, "2025-02-03T10:00:00Z", "repeat-2")]);
        var high = Every(Evaluate(c, "2025-02-05T00:00:00Z")).Single(e => e.RungId == "repeat-high");
        high.Status.Should().Be(ObligationStatus.MetOnTime);
        high.MetBy!.Event.Should().Be($"{type}:repeat-2");
    }

    [Fact]
    public void FourthEpisode_DecisionRecordedOnRepeat1_IsNotTheMeetingHeld()
    {
        // repeat-low is a duty, not a "consider": a decision on repeat-1 (21 Jan) does not meet E3's rung (raised 20 Jan,
        // due 25 Jan), so the repeat-1 meeting was not held when E4 (30 Jan) reached repeat-high → a decision, no due time.
        var c = new ChildCase(Child(), Four, [E("decision-recorded", "2025-01-21T10:00:00Z", "repeat-1")]);
        var rungs = Every(Evaluate(c, "2025-02-05T00:00:00Z"));
        rungs[1].RungId.Should().Be("repeat-low");
        rungs[1].MetBy.Should().BeNull();
        rungs[1].Status.Should().Be(ObligationStatus.Overdue);
        rungs[2].RungId.Should().Be("repeat-high");
        rungs[2].Status.Should().Be(ObligationStatus.DecisionRequired);
        rungs[2].Due.Should().BeNull();
    }

    [Fact]
    public void FifthEpisode_RaisesRepeatHighAgain()
    {
        // repeat-1 held 22 Jan: E4 (30 Jan) and E5 (3 Feb) each raise repeat-high, due 2 days after their report.
        var c = new ChildCase(Child(), [.. Four, Reported("E5", "2025-02-03")], [E("meeting-held", "2025-01-22T10:00:00Z", "repeat-1")]);
        var highs = Every(Evaluate(c, "2025-02-04T00:00:00Z")).Where(e => e.RungId == "repeat-high").ToList();
        highs.Select(e => (e.TriggerEpisodeId, e.Count, e.Due!.Utc)).Should().Equal(
            ("E4", 4, I("2025-02-01T10:00:00Z")), ("E5", 5, I("2025-02-05T10:00:00Z")));
    }

    [Fact]
    public void UnreportedAbsence_DoesNotCountTowardsTheRung()
    {
        var c = Case(Child(), Reported("E1", "2025-01-01"), Episode("A1", E("last-seen", "2025-01-05T09:00:00Z"), E("found", "2025-01-05T12:00:00Z")),
            Reported("E2", "2025-01-10"));
        Every(Evaluate(c, "2025-02-01T00:00:00Z")).Select(e => (e.RungId, e.TriggerEpisodeId, e.Count)).Should().Equal(("repeat-low", "E2", 2));
    }
}
