using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>Duration thresholds (inclusive and strict), lapses, recurrence, conditions at the trigger.</summary>
public class TriggerTests
{
    private static ChildCase FoundAt(string found) => Case(Child(),
        Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"), E("found", found)));

    [Fact]
    public void Inclusive72h_FoundExactlyAt72h_IsReached()
    {
        var a = Evaluate(FoundAt("2025-02-04T10:00:00Z"), "2025-02-05T00:00:00Z");
        a.Single("strategy-72h").TriggeredAt.Should().Be(I("2025-02-04T10:00:00Z"));
    }

    [Fact]
    public void Inclusive72h_FoundOneMinuteBefore_IsNotReached()
    {
        // Not raised; said once, so that a duty shown as upcoming while the child was missing does not vanish without a reason.
        var o = Evaluate(FoundAt("2025-02-04T09:59:00Z"), "2025-02-05T00:00:00Z").Single("strategy-72h");
        o.Status.Should().Be(ObligationStatus.NotApplicable);
        o.Explanation.Should().Contain(l => l.StartsWith("Did not arise: the missing period ended (found at 2025-02-04T09:59:00+00:00) before the mark at 2025-02-04T10:00:00+00:00"));
    }

    [Fact]
    public void Strict72h_FoundExactlyAt72h_IsNotReached_ButOneMinuteLaterIs()
    {
        var atMark = Evaluate(FoundAt("2025-02-04T10:00:00Z"), "2025-02-05T00:00:00Z").Single("manager-over-72h");
        atMark.Status.Should().Be(ObligationStatus.NotApplicable);
        atMark.Explanation.Should().Contain(l => l.StartsWith("Did not arise") && l.EndsWith("was passed."));
        Evaluate(FoundAt("2025-02-04T10:01:00Z"), "2025-02-05T00:00:00Z").Single("manager-over-72h").Status.Should().NotBe(ObligationStatus.NotApplicable);
    }

    [Fact]
    public void Strict72h_StillMissingExactlyAt72h_IsNotYetReached()
    {
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z")));
        Evaluate(c, "2025-02-04T10:00:00Z").Single("manager-over-72h").Status.Should().Be(ObligationStatus.Upcoming);
        var raised = Evaluate(c, "2025-02-04T10:00:01Z").Single("manager-over-72h");
        raised.Status.Should().Be(ObligationStatus.Pending);
        raised.TriggeredAt.Should().Be(I("2025-02-04T10:00:00Z"));
    }

    [Fact]
    public void MeetingBroughtForward_MeetsTheLater72hTrigger_WhenMetSinceEpisodeStart()
    {
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"),
            E("meeting-held", "2025-02-02T10:00:00Z", "strategy-meeting")));
        Evaluate(c, "2025-02-05T00:00:00Z").Single("strategy-72h").Status.Should().Be(ObligationStatus.MetOnTime);
    }

    [Fact]
    public void HighRiskMeeting_ChildFoundBeforeItIsDue_Lapses()
    {
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"),
            E("risk-graded", "2025-02-01T11:30:00Z", "high"), E("found", "2025-02-02T08:00:00Z")));
        var o = Evaluate(c, "2025-02-10T00:00:00Z").Single("high-risk-meeting");
        o.Status.Should().Be(ObligationStatus.Lapsed);
        o.Explanation.Should().Contain(l => l.StartsWith("Lapsed: found"));
    }

    [Fact]
    public void HighRiskMeeting_FoundAfterItWasDue_StaysOverdue()
    {
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"),
            E("risk-graded", "2025-02-01T11:30:00Z", "high"), E("found", "2025-02-04T08:00:00Z")));
        Evaluate(c, "2025-02-10T00:00:00Z").Single("high-risk-meeting").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void RiskRegradedToHighLater_TriggersFromThatGrading()
    {
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"),
            E("risk-graded", "2025-02-01T11:30:00Z", "medium"), E("risk-graded", "2025-02-02T09:00:00Z", "high")));
        var a = Evaluate(c, "2025-02-02T10:00:00Z");
        a.CurrentRisk.Should().Be("high");
        a.Single("high-risk-meeting").Due!.Utc.Should().Be(I("2025-02-04T09:00:00Z"));
    }

    [Fact]
    public void DailyReview_RecursUntilFound_EachOccurrenceMetInsideItsOwnDay()
    {
        // Reported 1 Feb 11:00Z → occurrences due 2 Feb 11:00, 3 Feb 11:00, 4 Feb 11:00; found 3 Feb 20:00.
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"),
            E("review-held", "2025-02-01T15:00:00Z", "daily-review"), E("found", "2025-02-03T20:00:00Z")));
        var reviews = Evaluate(c, "2025-02-10T00:00:00Z").Obligations.Where(o => o.Id == "daily-review").ToList();
        reviews.Select(o => o.Occurrence).Should().Equal(1, 2, 3);
        reviews[0].Status.Should().Be(ObligationStatus.MetOnTime);
        reviews[1].Status.Should().Be(ObligationStatus.Overdue);        // 1 Feb 11:00 → 2 Feb 11:00 had a review; 2 → 3 Feb 11:00 had none
        reviews[1].Due!.Utc.Should().Be(I("2025-02-03T11:00:00Z"));
        reviews[2].Status.Should().Be(ObligationStatus.Lapsed);         // found at 20:00 on 3 Feb, before the third was due
    }

    [Fact]
    public void Under18_TakenAtTheTrigger_ChildTurning18WhileMissing_StillCounts()
    {
        // Born 2 Feb 2007: 17 when reported on 1 Feb 2025, 18 the next day.
        var c = Case(Child(dob: "2007-02-02"), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z")));
        var a = Evaluate(c, "2025-02-03T10:00:00Z");
        a.Age.Should().Be(18);
        a.Single("under-18-notice").Status.Should().NotBe(ObligationStatus.NotApplicable);
    }

    [Fact]
    public void Under18_ChildAlready18AtTheReport_IsNotApplicable_WithTheReason()
    {
        var c = Case(Child(dob: "2007-01-31"), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z")));
        var o = Evaluate(c, "2025-02-03T10:00:00Z").Single("under-18-notice");
        o.Status.Should().Be(ObligationStatus.NotApplicable);
        o.Explanation.Should().Contain(l => l.Contains("does not hold: aged under 18"));
    }

    [Fact]
    public void UnknownDateOfBirth_AgeConditionsDoNotHold_AndTheAssessmentSaysSo()
    {
        var c = Case(Child(dob: null), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z")));
        var a = Evaluate(c, "2025-02-01T12:00:00Z");
        a.Single("under-18-notice").Status.Should().Be(ObligationStatus.NotApplicable);
        a.Assumptions.Should().Contain(s => s.Contains("date of birth"));
    }

    [Fact]
    public void AbsentEpisode_NotReported_TriggersNoMissingObligations()
    {
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("found", "2025-02-05T10:00:00Z")));
        var a = Evaluate(c, "2025-02-06T00:00:00Z");
        a.Classification.Should().Be("absent");
        a.Obligations.Should().OnlyContain(o => o.Status == ObligationStatus.NotApplicable);
        a.Single("strategy-72h").Explanation.Should().Contain(l => l.Contains("classified 'absent'"));
    }

    [Fact]
    public void AnyCondition_ExplainsEachPart()
    {
        var c = Case(Child(care: CareStatus.LivingAtHome, flags: "exploitation-risk"), Episode("E1",
            E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"), E("risk-graded", "2025-02-01T11:00:00Z", "high")));
        var o = Evaluate(c, "2025-02-01T12:00:00Z").Single("exploitation-meeting");
        o.Status.Should().Be(ObligationStatus.DecisionRequired); // a "consider" duty awaits a recorded decision
        o.Explanation.Should().Contain(l => l.Contains("holds: the child has the flag 'exploitation-risk'"));
        o.Explanation.Should().Contain(l => l.Contains("holds: risk is high"));
        o.Explanation.Should().Contain(l => l.Contains("does not hold: care status is looked-after"));
    }

    [Fact]
    public void FirstEpisode_CountsOnlyEarlierEpisodesOfTheSameClassification()
    {
        // An earlier unreported absence does not stop E2 being the first missing episode; E3 is not.
        var c = Case(Child(flags: "exploitation-risk"),
            Episode("A1", E("last-seen", "2025-01-05T10:00:00Z"), E("found", "2025-01-05T12:00:00Z")),
            Episode("E2", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"), E("found", "2025-02-01T20:00:00Z")),
            Episode("E3", E("last-seen", "2025-03-01T10:00:00Z"), E("reported-missing", "2025-03-01T11:00:00Z")));
        var results = Evaluate(c, "2025-03-01T12:00:00Z").Obligations.Where(o => o.Id == "exploitation-meeting").ToList();
        results.Single(o => o.EpisodeId == "E2").Status.Should().NotBe(ObligationStatus.NotApplicable);
        var third = results.Single(o => o.EpisodeId == "E3");
        third.Status.Should().Be(ObligationStatus.NotApplicable);
        third.Explanation.Should().Contain(l => l.Contains("does not hold: this is the child's first episode"));
    }

    [Theory]
    [InlineData("high", "2025-02-02T09:00:00Z")]
    [InlineData("medium", "2025-02-02T11:00:00Z")]
    public void DeadlineAlternatives_DependOnTheRiskAtTheTrigger(string risk, string due)
    {
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"),
            E("risk-graded", "2025-02-01T11:05:00Z", risk), E("found", "2025-02-02T08:00:00Z")));
        var o = Evaluate(c, "2025-02-02T08:30:00Z").Single("safe-and-well");
        o.Due!.Utc.Should().Be(I(due));
        o.Explanation.Should().Contain(l => l.StartsWith("Deadline within "));
    }

    [Theory]
    [InlineData("2025-02-01T23:00:00Z", "2025-02-02T05:00:00Z", true)]   // 23:00–05:00: 6 hours, over midnight
    [InlineData("2025-02-01T14:00:00Z", "2025-02-01T23:30:00Z", false)]  // 9.5 hours, all before midnight
    [InlineData("2025-02-02T01:00:00Z", "2025-02-02T06:30:00Z", false)]  // overnight but only 5.5 hours
    [InlineData("2025-06-01T18:30:00Z", "2025-06-02T00:30:00Z", true)]   // 19:30–01:30 BST: 6 hours, reaches 00:00–01:30 local
    [InlineData("2025-06-01T17:00:00Z", "2025-06-01T22:59:00Z", false)]  // 18:00–23:59 BST: never after local midnight
    public void MissingOvernight_UsesLocalTime(string lastSeen, string found, bool applies)
    {
        var c = Case(Child(), Episode("E1", E("last-seen", lastSeen), E("reported-missing", lastSeen), E("found", found)));
        var o = Evaluate(c, "2025-06-10T00:00:00Z").Single("overnight-review");
        (o.Status != ObligationStatus.NotApplicable).Should().Be(applies, string.Join(" | ", o.Explanation));
    }

    [Fact]
    public void ThreeConsecutiveDeclines_TriggerTheChildLevelMeeting_OnlyOnTheThird()
    {
        var episodes = Enumerable.Range(1, 3).Select(i => Episode($"E{i}",
            E("last-seen", $"2025-0{i}-01T10:00:00Z"), E("reported-missing", $"2025-0{i}-01T11:00:00Z"), E("found", $"2025-0{i}-02T10:00:00Z"),
            E("interview-declined", $"2025-0{i}-03T10:00:00Z", "interview"))).ToArray();
        var a = Evaluate(Case(Child(), episodes), "2025-03-04T10:00:00Z");
        var o = a.Single("decline-meeting");
        o.TriggeredAt.Should().Be(I("2025-03-03T10:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-03-08T10:00:00Z"));
        o.EpisodeId.Should().BeNull();
    }

    [Fact]
    public void CompletedInterview_BreaksTheRunOfDeclines()
    {
        var episodes = Enumerable.Range(1, 3).Select(i => Episode($"E{i}",
            E("last-seen", $"2025-0{i}-01T10:00:00Z"), E("reported-missing", $"2025-0{i}-01T11:00:00Z"), E("found", $"2025-0{i}-02T10:00:00Z"),
            i == 2 ? E("interview-completed", "2025-02-03T10:00:00Z", "interview") : E("interview-declined", $"2025-0{i}-03T10:00:00Z", "interview"))).ToArray();
        Evaluate(Case(Child(), episodes), "2025-03-04T10:00:00Z").Obligations.Should().NotContain(o => o.Id == "decline-meeting");
    }
}
