using NodaTime;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// The kinds of deadline: at the trigger, immediately with and without a grace (its own or the profile's), untimed,
/// waiting for an event (the first of several, or the last of several), each at and either side of its boundary.
/// </summary>
public class DeadlineKindTests
{
    // Sat 1 Feb 2025 (GMT, so local = Z): last seen 10:00, reported 11:00.
    private static ChildCase Still(params EpisodeEvent[] more) =>
        Case(Child(), Episode("E1", [E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"), .. more]));

    private static CompiledProfile WithProfileGrace(string grace) => Variant("    value: never\n", $"    value: {grace}\n");

    // ---- at-trigger -------------------------------------------------------------------------------------------

    [Fact]
    public void AtTrigger_ExactlyAtTheMark_IsPending_DueAndLateAtTheMark()
    {
        // Mark: last seen 1 Feb 10:00 + 24h = 2 Feb 10:00.
        var o = Evaluate(Still(), "2025-02-02T10:00:00Z").Single("notify-at-24h");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.TriggeredAt.Should().Be(I("2025-02-02T10:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-02-02T10:00:00Z"));
        o.Due.LateAfter.Should().Be(I("2025-02-02T10:00:00Z"));
        o.Due.Immediate.Should().BeFalse();
        o.DeadlineRule.Should().Be("at the trigger (late the moment after it)");
        o.Explanation.Should().Contain("Due at 2025-02-02T10:00:00+00:00 (at the trigger (late the moment after it)).");
    }

    [Fact]
    public void AtTrigger_OneSecondAfterTheMark_IsOverdue()
    {
        var o = Evaluate(Still(), "2025-02-02T10:00:01Z").Single("notify-at-24h");
        o.Status.Should().Be(ObligationStatus.Overdue);
        o.Explanation.Should().Contain(l => l.StartsWith("Overdue: not met by 2025-02-02T10:00:00+00:00;"));
    }

    [Fact]
    public void AtTrigger_RecordBeforeTheMark_MeetsItOnTime_SinceTheEpisodeStarted()
    {
        // Notice 1 Feb 20:00, mark 2 Feb 10:00 → met 14h before it arose.
        var o = Evaluate(Still(E("notification-sent", "2025-02-01T20:00:00Z", "police-notice")), "2025-02-02T12:00:00Z").Single("notify-at-24h");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetBy!.At.Should().Be(I("2025-02-01T20:00:00Z"));
        o.MetAfter.Should().Be(Duration.FromHours(-14));
    }

    [Fact]
    public void AtTrigger_RecordAtTheEpisodeStartCounts_OneSecondBeforeItDoesNot()
    {
        // met-since: episode-start = last seen 1 Feb 10:00, inclusive.
        Evaluate(Still(E("notification-sent", "2025-02-01T10:00:00Z", "police-notice")), "2025-02-02T12:00:00Z")
            .Single("notify-at-24h").Status.Should().Be(ObligationStatus.MetOnTime);
        Evaluate(Still(E("notification-sent", "2025-02-01T09:59:59Z", "police-notice")), "2025-02-02T12:00:00Z")
            .Single("notify-at-24h").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void AtTrigger_RecordExactlyAtTheMark_IsOnTime_OneMinuteAfterIsLate()
    {
        var onTime = Evaluate(Still(E("notification-sent", "2025-02-02T10:00:00Z", "police-notice")), "2025-02-02T12:00:00Z").Single("notify-at-24h");
        onTime.Status.Should().Be(ObligationStatus.MetOnTime);
        onTime.MetAfter.Should().Be(Duration.Zero);
        var late = Evaluate(Still(E("notification-sent", "2025-02-02T10:01:00Z", "police-notice")), "2025-02-02T12:00:00Z").Single("notify-at-24h");
        late.Status.Should().Be(ObligationStatus.MetLate);
        late.Explanation.Should().Contain("Met late: notification-sent:police-notice at 2025-02-02T10:01:00+00:00, 1m after it became late.");
        Evaluate(Still(E("notification-sent", "2025-02-02T10:00:01Z", "police-notice")), "2025-02-02T12:00:00Z")
            .Single("notify-at-24h").Status.Should().Be(ObligationStatus.MetLate);
    }

    // ---- immediately, with a grace of its own -----------------------------------------------------------------

    [Fact]
    public void ImmediatelyWithGrace_DueAtTheReport_LateAfterAnHour()
    {
        // Reported 1 Feb 11:00 → due 11:00, late after 12:00; at 11:59 one minute is left.
        var o = Evaluate(Still(), "2025-02-01T11:59:00Z").Single("tell-carer-immediately");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Due!.Utc.Should().Be(I("2025-02-01T11:00:00Z"));
        o.Due.Immediate.Should().BeTrue();
        o.Due.LateAfter.Should().Be(I("2025-02-01T12:00:00Z"));
        o.DeadlineRule.Should().Be("immediately (due at the trigger; late after 1h, the profile's grace for 'immediately')");
        o.Explanation.Should().Contain("Pending: due 2025-02-01T11:00:00+00:00; late after 2025-02-01T12:00:00+00:00 (1m left).");
    }

    [Fact]
    public void ImmediatelyWithGrace_ExactlyAtTheEndOfTheGrace_IsPending_OneSecondAfterOverdue()
    {
        Evaluate(Still(), "2025-02-01T12:00:00Z").Single("tell-carer-immediately").Status.Should().Be(ObligationStatus.Pending);
        Evaluate(Still(), "2025-02-01T12:00:01Z").Single("tell-carer-immediately").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void ImmediatelyWithGrace_61MinutesOn_IsOverdue_SayingItWasNotMetWithinTheGrace()
    {
        // Due 11:00, late after 12:00; at 12:01 it is 1m late.
        var o = Evaluate(Still(), "2025-02-01T12:01:00Z").Single("tell-carer-immediately");
        o.Status.Should().Be(ObligationStatus.Overdue);
        o.Explanation.Should().Contain("Overdue: due 2025-02-01T11:00:00+00:00, not met within the grace, by 2025-02-01T12:00:00+00:00; 1m late at 2025-02-01T12:01:00+00:00.");
    }

    [Fact]
    public void ImmediatelyWithGrace_MetAtTheEndOfTheGrace_IsOnTime()
    {
        // Met 12:00 = report 11:00 + 1h grace.
        var o = Evaluate(Still(E("notification-sent", "2025-02-01T12:00:00Z", "missing-notice")), "2025-02-02T00:00:00Z").Single("tell-carer-immediately");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetAfter.Should().Be(Duration.FromHours(1));
    }

    [Fact]
    public void ImmediatelyWithGrace_MetOneMinuteAfterTheGrace_IsMetLate_CountedFromTheEndOfTheGrace()
    {
        // Met 12:01: 1m after it became late (12:00), 1h 1m after the report.
        var o = Evaluate(Still(E("notification-sent", "2025-02-01T12:01:00Z", "missing-notice")), "2025-02-02T00:00:00Z").Single("tell-carer-immediately");
        o.Status.Should().Be(ObligationStatus.MetLate);
        o.MetAfter.Should().Be(Duration.FromMinutes(61));
        o.Explanation.Should().Contain("Met late: notification-sent:missing-notice at 2025-02-01T12:01:00+00:00, 1m after it became late.");
    }

    // ---- immediately, never late (the fixture's 'immediately-grace: never') ------------------------------------

    [Theory]
    [InlineData("strategy-72h", "2025-02-04T10:00:00Z")] // last seen 1 Feb 10:00 + 72h
    [InlineData("report-at-6h", "2025-02-01T16:00:00Z")] // last seen 1 Feb 10:00 + 6h
    public void ImmediatelyWithoutGrace_MonthsLater_IsStillPending_NeverOverdue(string id, string due)
    {
        var o = Evaluate(Still(), "2025-06-01T12:00:00Z").Single(id);
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Due!.Utc.Should().Be(I(due));
        o.Due.Immediate.Should().BeTrue();
        o.Due.LateAfter.Should().BeNull();
        o.DeadlineRule.Should().Be("immediately (due at the trigger; never overdue by rule)");
        o.Explanation.Should().Contain("Pending: due immediately, and not yet recorded as done.");
    }

    [Fact]
    public void ImmediatelyWithoutGrace_MetMonthsLater_IsMetOnTime()
    {
        // report-at-6h arose 1 Feb 16:00; met by the under-18 notice on 1 Mar 16:00 = 28 days later.
        var o = Evaluate(Still(E("notification-sent", "2025-03-01T16:00:00Z", "under-18-notice")), "2025-06-01T12:00:00Z").Single("report-at-6h");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetAfter.Should().Be(Duration.FromDays(28));
    }

    // ---- immediately, with the profile's grace ----------------------------------------------------------------

    [Fact]
    public void ProfileGrace_2h_MakesReportAt6hLate2hAfterItsMark()
    {
        // report-at-6h: mark 1 Feb 16:00; profile grace 2h → late after 18:00.
        var variant = WithProfileGrace("2h");
        var atEnd = Evaluator.Evaluate(variant, Still(), I("2025-02-01T18:00:00Z")).Single("report-at-6h");
        atEnd.Status.Should().Be(ObligationStatus.Pending);
        atEnd.Due!.Utc.Should().Be(I("2025-02-01T16:00:00Z"));
        atEnd.Due.LateAfter.Should().Be(I("2025-02-01T18:00:00Z"));
        atEnd.DeadlineRule.Should().Be("immediately (due at the trigger; late after 2h, the profile's grace for 'immediately')");
        var late = Evaluator.Evaluate(variant, Still(), I("2025-02-01T18:00:01Z")).Single("report-at-6h");
        late.Status.Should().Be(ObligationStatus.Overdue);
        late.Explanation.Should().Contain(l => l.StartsWith("Overdue: due 2025-02-01T16:00:00+00:00, not met within the grace, by 2025-02-01T18:00:00+00:00;"));
        // The fixture as it is ('never'): still pending at the same instant.
        Evaluate(Still(), "2025-02-01T18:00:01Z").Single("report-at-6h").Status.Should().Be(ObligationStatus.Pending);
    }

    [Fact]
    public void ProfileGrace_DoesNotReplaceADeadlinesOwnGrace()
    {
        // tell-carer-immediately keeps its own 1h: reported 11:00 → late after 12:00, not 13:00.
        var o = Evaluator.Evaluate(WithProfileGrace("2h"), Still(), I("2025-02-01T12:00:01Z")).Single("tell-carer-immediately");
        o.Due!.LateAfter.Should().Be(I("2025-02-01T12:00:00Z"));
        o.Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void ProfileGrace_AppliesToEveryImmediateDeadlineWithoutItsOwn()
    {
        // strategy-72h: mark 4 Feb 10:00 + 2h → late after 12:00.
        var o = Evaluator.Evaluate(WithProfileGrace("2h"), Still(), I("2025-02-04T12:00:01Z")).Single("strategy-72h");
        o.Due!.LateAfter.Should().Be(I("2025-02-04T12:00:00Z"));
        o.Status.Should().Be(ObligationStatus.Overdue);
    }

    // ---- untimed ----------------------------------------------------------------------------------------------

    [Fact]
    public void Untimed_MonthsLater_IsPending_WithNoDueTime()
    {
        var o = Evaluate(Still(), "2025-06-01T12:00:00Z").Single("safety-plan");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Due.Should().BeNull();
        o.WaitingFor.Should().BeNull();
        o.DeadlineRule.Should().Be("no time limit (required; outstanding until done)");
        o.Explanation.Should().Contain("Deadline: no time limit (required; outstanding until done).");
        o.Explanation.Should().Contain("Pending: required, with no time limit in the text; outstanding until done.");
    }

    [Fact]
    public void Untimed_MetWhenever_IsOnTime_AndMetAfterMeasuresIt()
    {
        // Reported 1 Feb 11:00; plan agreed 1 May 10:00 BST = 09:00Z → 89 days − 2h later.
        var o = Evaluate(Still(E("action-completed", "2025-05-01T09:00:00Z", "safety-plan")), "2025-06-01T12:00:00Z").Single("safety-plan");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetAfter.Should().Be(Duration.FromDays(89) - Duration.FromHours(2));
        o.Explanation.Should().Contain("Met on time: action-completed:safety-plan at 2025-05-01T10:00:00+01:00.");
    }

    [Fact]
    public void Untimed_ChildFound_DoesNotEndIt()
    {
        var o = Evaluate(Still(E("found", "2025-02-02T10:00:00Z")), "2025-06-01T12:00:00Z").Single("safety-plan");
        o.Status.Should().Be(ObligationStatus.Pending);
    }

    // ---- waiting for an event (first of found / returned) ------------------------------------------------------

    [Fact]
    public void Debrief_WhileMissing_IsPending_WaitingForFoundOrReturned()
    {
        var o = Evaluate(Still(), "2025-02-10T00:00:00Z").Single("debrief");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.TriggeredAt.Should().Be(I("2025-02-01T11:00:00Z"));
        o.Due.Should().BeNull();
        o.WaitingFor.Should().Be("found or returned");
        o.DeadlineRule.Should().Be("within 72 hours (elapsed), counted from the first of found, returned");
        o.Explanation.Should().Contain("Pending: waiting for found or returned; the deadline is counted from it, so there is no due time yet.");
    }

    [Fact]
    public void Debrief_OnceFound_IsDue72hAfterTheFinding_AndOverdueOneSecondLater()
    {
        // Found 5 Feb 08:00 + 72h = 8 Feb 08:00.
        var c = Still(E("found", "2025-02-05T08:00:00Z"));
        Evaluate(c, "2025-02-05T07:59:59Z").Single("debrief").WaitingFor.Should().Be("found or returned");
        var atDue = Evaluate(c, "2025-02-08T08:00:00Z").Single("debrief");
        atDue.Status.Should().Be(ObligationStatus.Pending);
        atDue.Due!.Utc.Should().Be(I("2025-02-08T08:00:00Z"));
        atDue.WaitingFor.Should().BeNull();
        atDue.TriggeredAt.Should().Be(I("2025-02-01T11:00:00Z"));
        atDue.CountedFrom.Should().Be(I("2025-02-05T08:00:00Z"));
        Evaluate(c, "2025-02-08T08:00:01Z").Single("debrief").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void Debrief_ReturnedFirst_CountsFromTheReturn()
    {
        // Returned 4 Feb 20:00 (found later, 5 Feb 08:00): 4 Feb 20:00 + 72h = 7 Feb 20:00.
        var o = Evaluate(Still(E("returned", "2025-02-04T20:00:00Z"), E("found", "2025-02-05T08:00:00Z")), "2025-02-06T00:00:00Z").Single("debrief");
        o.Due!.Utc.Should().Be(I("2025-02-07T20:00:00Z"));
        o.CountedFrom.Should().Be(I("2025-02-04T20:00:00Z"));
    }

    [Fact]
    public void Debrief_MetAfterTheFinding_MetAfterIsMeasuredFromTheTrigger()
    {
        // Interview 6 Feb 11:00 − report 1 Feb 11:00 = 5 days; due 8 Feb 08:00 → on time.
        var o = Evaluate(Still(E("found", "2025-02-05T08:00:00Z"), E("interview-completed", "2025-02-06T11:00:00Z", "debrief")), "2025-02-10T00:00:00Z").Single("debrief");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetAfter.Should().Be(Duration.FromDays(5));
        o.WaitingFor.Should().BeNull();
    }

    // ---- waiting for the last of several ----------------------------------------------------------------------

    [Fact]
    public void LastOf_NeitherRecorded_WaitsForBoth()
    {
        var o = Evaluate(Still(), "2025-02-01T12:00:00Z").Single("review-after-all-told");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Due.Should().BeNull();
        o.WaitingFor.Should().Be("notification-sent:police-notice and notification-sent:under-18-notice");
    }

    [Theory]
    [InlineData("police-notice", "notification-sent:under-18-notice")]
    [InlineData("under-18-notice", "notification-sent:police-notice")]
    public void LastOf_OneRecorded_WaitsForTheOther(string recorded, string waitingFor)
    {
        var o = Evaluate(Still(E("notification-sent", "2025-02-01T13:00:00Z", recorded)), "2025-02-01T14:00:00Z").Single("review-after-all-told");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Due.Should().BeNull();
        o.WaitingFor.Should().Be(waitingFor);
        o.Explanation.Should().Contain($"Pending: waiting for {waitingFor}; the deadline is counted from it, so there is no due time yet.");
    }

    [Theory]
    [InlineData("2025-02-01T13:00:00Z", "2025-02-02T09:00:00Z", "2025-02-02T21:00:00Z")] // police first; under-18 2 Feb 09:00 + 12h
    [InlineData("2025-02-02T09:00:00Z", "2025-02-01T13:00:00Z", "2025-02-02T21:00:00Z")] // under-18 first; police 2 Feb 09:00 + 12h
    public void LastOf_BothRecorded_IsDue12hAfterTheLater(string police, string under18, string due)
    {
        var c = Still(E("notification-sent", police, "police-notice"), E("notification-sent", under18, "under-18-notice"));
        var o = Evaluate(c, "2025-02-02T21:00:00Z").Single("review-after-all-told");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Due!.Utc.Should().Be(I(due));
        o.CountedFrom.Should().Be(I("2025-02-02T09:00:00Z"));
        o.WaitingFor.Should().BeNull();
        Evaluate(c, "2025-02-02T21:00:01Z").Single("review-after-all-told").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void LastOf_ARepeatedNotice_DoesNotMoveTheClock()
    {
        // Police 1 Feb 13:00, under-18 14:00, police again 20:00: each counts at its first → 14:00 + 12h = 2 Feb 02:00.
        var c = Still(E("notification-sent", "2025-02-01T13:00:00Z", "police-notice"), E("notification-sent", "2025-02-01T14:00:00Z", "under-18-notice"),
            E("notification-sent", "2025-02-01T20:00:00Z", "police-notice"));
        Evaluate(c, "2025-02-01T21:00:00Z").Single("review-after-all-told").Due!.Utc.Should().Be(I("2025-02-02T02:00:00Z"));
    }

    // ---- a clock from an unrecorded last-seen (the fallback itself is in LanguageFeatureTests) -----------------

    [Fact]
    public void FromUnrecordedLastSeen_TheItemsOwnExplanationSaysItIsCountedFromTheTrigger()
    {
        // bureau-notice: 24h from last-seen; only the report (1 Feb 11:00) is recorded → due 2 Feb 11:00.
        var a = Evaluate(Case(Child(), Episode("E1", E("reported-missing", "2025-02-01T11:00:00Z"))), "2025-02-02T11:00:00Z");
        var o = a.Single("bureau-notice");
        o.Due!.Utc.Should().Be(I("2025-02-02T11:00:00Z"));
        o.Status.Should().Be(ObligationStatus.Pending);
        o.WaitingFor.Should().BeNull();
        o.Explanation.Should().Contain("The deadline is counted from last-seen, which is not recorded: counted from the trigger instead.");
        a.Assumptions.Should().Contain(s => s.StartsWith("Episode E1 has no last-seen record: it is taken to begin at reported-missing (2025-02-01T11:00:00+00:00)", StringComparison.Ordinal));
    }
}
