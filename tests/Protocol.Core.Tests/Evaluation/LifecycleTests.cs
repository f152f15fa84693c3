using NodaTime;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// Each state of a duty's life (DutyLifecycle) with its explanation line, at and either side of each boundary:
/// upcoming, pending, decision-required, overdue, met on time, met late, lapsed and not applicable.
/// </summary>
public class LifecycleTests
{
    // Sat 1 Feb 2025 (GMT, so local = Z): last seen 10:00, reported 11:00.
    private static Episode Missing(params EpisodeEvent[] more) =>
        Episode("E1", [E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"), .. more]);

    private static ChildCase Still(params EpisodeEvent[] more) => Case(Child(), Missing(more));

    // ---- Upcoming ---------------------------------------------------------------------------------------------

    [Fact]
    public void Strategy72h_OneSecondBeforeTheMark_IsUpcoming_WithTheMarkAndTheDueItWouldHave()
    {
        // Mark: last seen 1 Feb 10:00 + 72h = 4 Feb 10:00; "immediately" → due at the mark.
        var o = Evaluate(Still(), "2025-02-04T09:59:59Z").Single("strategy-72h");
        o.Status.Should().Be(ObligationStatus.Upcoming);
        o.TriggeredAt.Should().Be(I("2025-02-04T10:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-02-04T10:00:00Z"));
        o.Due.Immediate.Should().BeTrue();
        o.Due.LateAfter.Should().BeNull();
        o.MetBy.Should().BeNull();
        o.MetAfter.Should().BeNull();
        o.Explanation[0].Should().StartWith("Will be triggered: still missing at 72h after last-seen");
    }

    [Fact]
    public void Strategy72h_Upcoming_ExplanationSaysWhenItArisesAndThatItWouldBeDueAtOnce()
    {
        // 4 Feb 10:00 − 3 Feb 08:30 = 1d 1h 30m.
        var o = Evaluate(Still(), "2025-02-03T08:30:00Z").Single("strategy-72h");
        o.Explanation.Should().Contain("Upcoming: arises at 2025-02-04T10:00:00+00:00 (1d 1h 30m from now) if nothing changes; it would then be due at once.");
    }

    [Fact]
    public void Strategy72h_ExactlyAtTheMark_IsRaised_AndPendingNeverLate()
    {
        // Inclusive threshold: at 4 Feb 10:00 exactly the child has been missing 72h.
        var o = Evaluate(Still(), "2025-02-04T10:00:00Z").Single("strategy-72h");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.TriggeredAt.Should().Be(I("2025-02-04T10:00:00Z"));
        o.Explanation.Should().Contain("Pending: due immediately, and not yet recorded as done.");
    }

    [Fact]
    public void NotifyAt24h_BeforeTheMark_IsUpcoming_DueAtTheMarkButNotShownAsImmediate()
    {
        // Mark: 1 Feb 10:00 + 24h = 2 Feb 10:00; at-trigger → due at the mark; 2 Feb 10:00 − 09:00 = 1h.
        var o = Evaluate(Still(), "2025-02-02T09:00:00Z").Single("notify-at-24h");
        o.Status.Should().Be(ObligationStatus.Upcoming);
        o.TriggeredAt.Should().Be(I("2025-02-02T10:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-02-02T10:00:00Z"));
        o.Due.Immediate.Should().BeFalse();
        o.Due.LateAfter.Should().Be(I("2025-02-02T10:00:00Z"));
        o.Explanation.Should().Contain("Upcoming: arises at 2025-02-02T10:00:00+00:00 (1h from now) if nothing changes; it would then be due at once.");
    }

    [Fact]
    public void ManagerOver72h_ExactlyAtTheMark_IsStillUpcoming_AndWouldBeDueByTheEndOfThatWorkingDay()
    {
        // Strict: "more than 72h" is not reached at 4 Feb 10:00 (Tue) itself; same-working-day → Tue 4 Feb 23:59:59.
        var o = Evaluate(Still(), "2025-02-04T10:00:00Z").Single("manager-over-72h");
        o.Status.Should().Be(ObligationStatus.Upcoming);
        o.Due!.Utc.Should().Be(I("2025-02-04T23:59:59Z"));
        o.Explanation.Should().Contain("Upcoming: arises at 2025-02-04T10:00:00+00:00 (0s from now) if nothing changes; it would then be due by 2025-02-04T23:59:59+00:00.");
        o.Explanation[0].Should().Contain("still missing more than 72h after last-seen");
    }

    [Fact]
    public void ManagerOver72h_OneSecondAfterTheMark_IsPending_TriggeredAtTheMark()
    {
        // Raised at 4 Feb 10:00:01, but dated at the mark; due Tue 4 Feb 23:59:59 → 13h 59m 59s ≈ 14h left.
        var o = Evaluate(Still(), "2025-02-04T10:00:01Z").Single("manager-over-72h");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.TriggeredAt.Should().Be(I("2025-02-04T10:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-02-04T23:59:59Z"));
        o.Explanation.Should().Contain("Pending: 14h left at 2025-02-04T10:00:01+00:00.");
    }

    [Fact]
    public void LongAbsenceConference_Upcoming_IsDatedAtTheEndOfThe20thWorkingDay()
    {
        // Last seen Mon 3 Mar 2025; 20 working days → Mon 31 Mar, 23:59:59 BST = 22:59:59Z.
        // From Mon 10 Mar 10:00Z: 21d 12h 59m 59s, shown rounded as 21d 13h.
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-03-03T10:00:00Z"), E("reported-missing", "2025-03-03T11:00:00Z")));
        var o = Evaluate(c, "2025-03-10T10:00:00Z").Single("long-absence-conference");
        o.Status.Should().Be(ObligationStatus.Upcoming);
        o.TriggeredAt.Should().Be(I("2025-03-31T22:59:59Z"));
        o.Explanation.Should().Contain("Upcoming: arises at 2025-03-31T23:59:59+01:00 (21d 13h from now) if nothing changes; it would then be due at once.");
    }

    [Fact]
    public void LongAbsenceConference_FoundOneSecondBeforeTheMark_DidNotArise()
    {
        // Mark Mon 31 Mar 22:59:59Z (23:59:59 BST); found 22:59:58Z.
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-03-03T10:00:00Z"), E("reported-missing", "2025-03-03T11:00:00Z"),
            E("found", "2025-03-31T22:59:58Z")));
        var o = Evaluate(c, "2025-04-02T00:00:00Z").Single("long-absence-conference");
        o.Status.Should().Be(ObligationStatus.NotApplicable);
        o.Due.Should().BeNull();
        o.Explanation.Should().Contain("Did not arise: the missing period ended (found at 2025-03-31T23:59:58+01:00) before the mark at 2025-03-31T23:59:59+01:00.");
    }

    [Fact]
    public void LongAbsenceConference_FoundExactlyAtTheMark_Arose()
    {
        // Inclusive: found at the mark itself, 22:59:59Z → reached; "immediately" without grace stays pending.
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-03-03T10:00:00Z"), E("reported-missing", "2025-03-03T11:00:00Z"),
            E("found", "2025-03-31T22:59:59Z")));
        var o = Evaluate(c, "2025-04-02T00:00:00Z").Single("long-absence-conference");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.TriggeredAt.Should().Be(I("2025-03-31T22:59:59Z"));
    }

    [Fact]
    public void Strategy72h_FoundBeforeTheMark_IsNotApplicable_ButNeverShownAsUpcomingAfterTheEnd()
    {
        // Found 3 Feb 10:00, a day before the 4 Feb 10:00 mark: "Did not arise", not "Upcoming".
        var c = Case(Child(), Missing(E("found", "2025-02-03T10:00:00Z")));
        var a = Evaluate(c, "2025-02-03T12:00:00Z");
        a.Obligations.Should().NotContain(o => o.Status == ObligationStatus.Upcoming && o.Id == "strategy-72h");
        a.Single("strategy-72h").Explanation.Should().Contain(l => l.StartsWith("Did not arise: the missing period ended (found at 2025-02-03T10:00:00+00:00)"));
    }

    [Fact]
    public void Strategy72h_NoLastSeenRecorded_IsCountedFromTheEpisodeStart_NotDropped()
    {
        // Only reported-missing at 1 Feb 11:00 (the episode's start by the fallback): 72h → 4 Feb 11:00.
        var c = Case(Child(), Episode("E1", E("reported-missing", "2025-02-01T11:00:00Z")));
        var a = Evaluate(c, "2025-02-06T00:00:00Z");
        var o = a.Single("strategy-72h");
        o.TriggeredAt.Should().Be(I("2025-02-04T11:00:00Z"));
        o.Status.Should().Be(ObligationStatus.Pending);
        a.Obligations.Should().Contain(x => x.Id == "notify-at-24h");
        a.Obligations.Should().Contain(x => x.Id == "report-at-6h");
    }

    [Fact]
    public void ReportAt6h_CarerAwareBeforeLastSeen_CountsFromLastSeen()
    {
        // Carer aware 08:00, sighted (last seen) 10:00, reported 11:00: last seen 10:00 + 6h = 16:00, not 08:00 + 6h = 14:00.
        var c = Case(Child(), Episode("E1", E("carer-aware", "2025-02-01T08:00:00Z"), E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z")));
        var a = Evaluate(c, "2025-02-01T15:00:00Z");
        a.Episodes[0].Started.Should().Be(I("2025-02-01T10:00:00Z"));
        var o = a.Single("report-at-6h");
        o.Status.Should().Be(ObligationStatus.Upcoming);
        o.TriggeredAt.Should().Be(I("2025-02-01T16:00:00Z"));
    }

    // ---- Pending and overdue ----------------------------------------------------------------------------------

    private static ChildCase HighRisk(params EpisodeEvent[] more) => Still([E("risk-graded", "2025-02-01T11:30:00Z", "high"), .. more]);

    [Fact]
    public void HighRiskMeeting_BeforeItsDue_IsPending_WithTheTimeLeft()
    {
        // Graded high 1 Feb 11:30 + 48h = 3 Feb 11:30; from 2 Feb 09:00 that is 1d 2h 30m.
        var o = Evaluate(HighRisk(), "2025-02-02T09:00:00Z").Single("high-risk-meeting");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Due!.Utc.Should().Be(I("2025-02-03T11:30:00Z"));
        o.Explanation.Should().Contain("Pending: 1d 2h 30m left at 2025-02-02T09:00:00+00:00.");
    }

    [Fact]
    public void HighRiskMeeting_ExactlyAtItsDue_IsPending_OneSecondAfterOverdue()
    {
        Evaluate(HighRisk(), "2025-02-03T11:30:00Z").Single("high-risk-meeting").Status.Should().Be(ObligationStatus.Pending);
        Evaluate(HighRisk(), "2025-02-03T11:30:01Z").Single("high-risk-meeting").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void HighRiskMeeting_Overdue_ExplanationSaysByWhenAndHowLongAgo()
    {
        // Due 3 Feb 11:30; at 12:30 it is 1h past.
        var o = Evaluate(HighRisk(), "2025-02-03T12:30:00Z").Single("high-risk-meeting");
        o.Status.Should().Be(ObligationStatus.Overdue);
        o.Explanation.Should().Contain("Overdue: not met by 2025-02-03T11:30:00+00:00; 1h past the deadline at 2025-02-03T12:30:00+00:00.");
        o.MetBy.Should().BeNull();
        o.MetAfter.Should().BeNull();
    }

    // ---- Decision required ------------------------------------------------------------------------------------

    private static ChildCase Exploitation(params EpisodeEvent[] more) => Case(Child(flags: "exploitation-risk"), Missing(more));

    [Fact]
    public void ExploitationMeeting_ConsiderDuty_IsDecisionRequired_UntilTheEndOfThe5thWorkingDay()
    {
        // Reported Sat 1 Feb: working days Mon 3, Tue 4, Wed 5, Thu 6, Fri 7 → due Fri 7 Feb 23:59:59; 1h before that: 1h left.
        var o = Evaluate(Exploitation(), "2025-02-07T22:59:59Z").Single("exploitation-meeting");
        o.Nature.Should().Be(Nature.Consider);
        o.Status.Should().Be(ObligationStatus.DecisionRequired);
        o.Due!.Utc.Should().Be(I("2025-02-07T23:59:59Z"));
        o.Explanation.Should().Contain("Decision required: 1h left at 2025-02-07T22:59:59+00:00.");
        Evaluate(Exploitation(), "2025-02-07T23:59:59Z").Single("exploitation-meeting").Status.Should().Be(ObligationStatus.DecisionRequired);
        Evaluate(Exploitation(), "2025-02-08T00:00:00Z").Single("exploitation-meeting").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void ExploitationMeeting_ADecisionRecordedOnTheActivity_MeetsIt()
    {
        // Decision 5 Feb 10:00 − reported 1 Feb 11:00 = 3d 23h.
        var o = Evaluate(Exploitation(E("decision-recorded", "2025-02-05T10:00:00Z", "stage-1-meeting")), "2025-02-10T00:00:00Z").Single("exploitation-meeting");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetBy!.Event.Should().Be("decision-recorded:stage-1-meeting");
        o.MetAfter.Should().Be(Duration.FromHours(95));
        o.Explanation.Should().Contain("Met on time: decision-recorded:stage-1-meeting at 2025-02-05T10:00:00+00:00.");
    }

    [Fact]
    public void ExploitationMeeting_ADecisionOnAnotherActivity_DoesNotMeetIt()
    {
        var o = Evaluate(Exploitation(E("decision-recorded", "2025-02-05T10:00:00Z", "stage-2-meeting")), "2025-02-06T00:00:00Z").Single("exploitation-meeting");
        o.Status.Should().Be(ObligationStatus.DecisionRequired);
    }

    // ---- Met on time, met late --------------------------------------------------------------------------------

    [Fact]
    public void HighRiskMeeting_MetExactlyAtItsDue_IsOnTime()
    {
        // Due 3 Feb 11:30 (graded 1 Feb 11:30 + 48h); met at 11:30 → MetAfter 48h.
        var o = Evaluate(HighRisk(E("meeting-held", "2025-02-03T11:30:00Z", "strategy-meeting")), "2025-02-05T00:00:00Z").Single("high-risk-meeting");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetBy!.At.Should().Be(I("2025-02-03T11:30:00Z"));
        o.MetAfter.Should().Be(Duration.FromHours(48));
        o.Explanation.Should().Contain("Met on time: meeting-held:strategy-meeting at 2025-02-03T11:30:00+00:00.");
    }

    [Fact]
    public void HighRiskMeeting_MetOneMinuteAfterItsDue_IsMetLate_SayingHowLate()
    {
        // Met 3 Feb 11:31: 1m after it became late; 48h 1m after it arose.
        var o = Evaluate(HighRisk(E("meeting-held", "2025-02-03T11:31:00Z", "strategy-meeting")), "2025-02-05T00:00:00Z").Single("high-risk-meeting");
        o.Status.Should().Be(ObligationStatus.MetLate);
        o.MetAfter.Should().Be(Duration.FromHours(48) + Duration.FromMinutes(1));
        o.Explanation.Should().Contain("Met late: meeting-held:strategy-meeting at 2025-02-03T11:31:00+00:00, 1m after it became late.");
    }

    [Fact]
    public void HighRiskMeeting_MetOneSecondAfterItsDue_IsMetLate()
    {
        var o = Evaluate(HighRisk(E("meeting-held", "2025-02-03T11:30:01Z", "strategy-meeting")), "2025-02-05T00:00:00Z").Single("high-risk-meeting");
        o.Status.Should().Be(ObligationStatus.MetLate);
    }

    [Fact]
    public void HighRiskMeeting_MeetingBeforeTheGrading_DoesNotMeetIt_WithoutMetSinceEpisodeStart()
    {
        // high-risk-meeting is met from its trigger (11:30) on: a meeting at 11:29:59 does not count, one at 11:30 does.
        Evaluate(HighRisk(E("meeting-held", "2025-02-01T11:29:59Z", "strategy-meeting")), "2025-02-02T00:00:00Z")
            .Single("high-risk-meeting").Status.Should().Be(ObligationStatus.Pending);
        Evaluate(HighRisk(E("meeting-held", "2025-02-01T11:30:00Z", "strategy-meeting")), "2025-02-02T00:00:00Z")
            .Single("high-risk-meeting").Status.Should().Be(ObligationStatus.MetOnTime);
    }

    // ---- Lapsed -----------------------------------------------------------------------------------------------

    [Fact]
    public void HighRiskMeeting_FoundExactlyAtItsDue_Lapses()
    {
        // Due 3 Feb 11:30; found at 11:30: not yet late, so it lapses.
        var o = Evaluate(HighRisk(E("found", "2025-02-03T11:30:00Z")), "2025-02-10T00:00:00Z").Single("high-risk-meeting");
        o.Status.Should().Be(ObligationStatus.Lapsed);
        o.Explanation.Should().Contain("Lapsed: found at 2025-02-03T11:30:00+00:00, before it was met or due.");
        o.MetAfter.Should().BeNull();
    }

    [Fact]
    public void HighRiskMeeting_FoundOneSecondAfterItsDue_StaysOverdue()
    {
        var o = Evaluate(HighRisk(E("found", "2025-02-03T11:30:01Z")), "2025-02-10T00:00:00Z").Single("high-risk-meeting");
        o.Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void HighRiskMeeting_ReturnedBeforeItsDue_LapsesOnTheReturn()
    {
        var o = Evaluate(HighRisk(E("returned", "2025-02-02T08:00:00Z")), "2025-02-10T00:00:00Z").Single("high-risk-meeting");
        o.Status.Should().Be(ObligationStatus.Lapsed);
        o.Explanation.Should().Contain("Lapsed: returned at 2025-02-02T08:00:00+00:00, before it was met or due.");
    }

    [Fact]
    public void HighRiskMeeting_FoundButNotYetDue_IsLapsedAtOnce_NotPending()
    {
        // Found 2 Feb 08:00, evaluated 2 Feb 09:00 (due 3 Feb 11:30 still ahead).
        Evaluate(HighRisk(E("found", "2025-02-02T08:00:00Z")), "2025-02-02T09:00:00Z").Single("high-risk-meeting").Status.Should().Be(ObligationStatus.Lapsed);
        Evaluate(HighRisk(E("found", "2025-02-02T08:00:00Z")), "2025-02-02T07:59:59Z").Single("high-risk-meeting").Status.Should().Be(ObligationStatus.Pending);
    }

    // ---- Not applicable ---------------------------------------------------------------------------------------

    [Fact]
    public void ReferralIfNotOpen_ConditionFails_IsNotApplicable_WithNoDueTime()
    {
        var c = Case(Child(flags: "open-case"), Missing());
        var o = Evaluate(c, "2025-02-01T12:00:00Z").Single("referral-if-not-open");
        o.Status.Should().Be(ObligationStatus.NotApplicable);
        o.Due.Should().BeNull();
        o.MetAfter.Should().BeNull();
        o.DeadlineRule.Should().Be("within 24 hours (elapsed)");
        o.Explanation.Should().Contain("Does not apply: its conditions did not hold at the trigger.");
        Evaluate(Still(), "2025-02-01T12:00:00Z").Single("referral-if-not-open").Status.Should().Be(ObligationStatus.Pending);
    }

    [Fact]
    public void PoliceCategoryAbsent_ClassificationNotCovered_IsNotApplicable()
    {
        var categorised = new EpisodeEvent(EventType.Categorised, I("2025-02-01T11:00:00Z")) { Category = "absent" };
        var a = Evaluate(Case(Child(), Missing(categorised)), "2025-02-01T12:00:00Z");
        a.Classification.Should().Be("absent");
        var o = a.Single("tell-carer-immediately");
        o.Status.Should().Be(ObligationStatus.NotApplicable);
        o.Explanation.Should().Contain(l => l.StartsWith("Does not apply: the episode is classified 'absent'") && l.Contains("applies to 'missing' episodes"));
    }

    [Fact]
    public void PoliceCategoryChangedToMissing_DutyArisesAtTheChange_AndItsClockRunsFromThere()
    {
        // Absent at the report (11:00), categorised missing at 15:00: tell-carer-immediately arises at 15:00, late after 16:00.
        var a = Evaluate(Case(Child(), Missing(
            new EpisodeEvent(EventType.Categorised, I("2025-02-01T11:00:00Z")) { Category = "absent" },
            new EpisodeEvent(EventType.Categorised, I("2025-02-01T15:00:00Z")) { Category = "missing" })), "2025-02-01T15:30:00Z");
        a.Classification.Should().Be("missing");
        var o = a.Single("tell-carer-immediately");
        o.TriggeredAt.Should().Be(I("2025-02-01T15:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-02-01T15:00:00Z"));
        o.Due.LateAfter.Should().Be(I("2025-02-01T16:00:00Z"));
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Explanation.Should().Contain(l => l.Contains("it became 'missing' at 2025-02-01T15:00:00+00:00: the duty arose at that moment"));
    }

    // ---- MetAfter and CountedFrom -----------------------------------------------------------------------------

    [Fact]
    public void MetAfter_IsNullUntilMet_AndCountedFromIsTheTriggerByDefault()
    {
        // return-interview: notified 2 Feb 10:00, interview 4 Feb 16:00 → 2d 6h after it arose.
        Episode Returned(params EpisodeEvent[] more) => Missing([E("found", "2025-02-02T09:00:00Z"), E("return-notified", "2025-02-02T10:00:00Z"), .. more]);
        var pending = Evaluate(Case(Child(), Returned()), "2025-02-03T10:00:00Z").Single("return-interview");
        pending.MetAfter.Should().BeNull();
        pending.CountedFrom.Should().Be(I("2025-02-02T10:00:00Z"));
        var met = Evaluate(Case(Child(), Returned(E("interview-completed", "2025-02-04T16:00:00Z", "interview"))), "2025-02-05T00:00:00Z").Single("return-interview");
        met.MetAfter.Should().Be(Duration.FromHours(54));
        met.CountedFrom.Should().Be(met.TriggeredAt);
    }
}
