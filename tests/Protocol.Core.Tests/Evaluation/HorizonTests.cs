using NodaTime;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>What falls due (or becomes late) within a horizon after the evaluation instant, if nothing changes.</summary>
public class HorizonTests
{
    // Sat 1 Feb 2025 (GMT): last seen 10:00, reported 11:00. Evaluated Sun 2 Feb 09:00 unless said otherwise.
    private static ChildCase Still(params EpisodeEvent[] more) =>
        Case(Child(), Episode("E1", [E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"), .. more]));

    private static readonly ObligationStatus[] Coming = [ObligationStatus.Pending, ObligationStatus.DecisionRequired, ObligationStatus.Upcoming];

    [Fact]
    public void Horizon72h_ListsPendingAndUpcomingItems_FallingDueWithin_InDueOrder()
    {
        // Until 2 Feb 09:00 + 72h = 5 Feb 09:00.
        var a = Evaluate(Still(), "2025-02-02T09:00:00Z");
        var items = Horizon.Coming(a, Duration.FromHours(72));
        var until = I("2025-02-05T09:00:00Z");
        items.Should().NotBeEmpty();
        items.Should().OnlyContain(i => Coming.Contains(i.Status));
        items.Should().OnlyContain(i => i.Due != null && ((i.Due.Utc >= a.EvaluatedAt && i.Due.Utc <= until) || (i.Due.LateAfter >= a.EvaluatedAt && i.Due.LateAfter <= until)));
        items.Select(i => i.Due!.Utc).Should().BeInAscendingOrder();
        // notify-at-24h: mark 2 Feb 10:00; strategy-72h: mark 4 Feb 10:00; manager-over-72h: 4 Feb 10:00, due Tue 4 Feb 23:59:59.
        items.Should().ContainSingle(i => i.Id == "notify-at-24h").Which.Should().Match<ComingDuty>(i =>
            i.Status == ObligationStatus.Upcoming && i.ArisesAt == I("2025-02-02T10:00:00Z") && i.Due!.Utc == I("2025-02-02T10:00:00Z") && i.Kind == "obligation");
        items.Should().ContainSingle(i => i.Id == "strategy-72h").Which.ArisesAt.Should().Be(I("2025-02-04T10:00:00Z"));
        items.Should().ContainSingle(i => i.Id == "manager-over-72h").Which.Due!.Utc.Should().Be(I("2025-02-04T23:59:59Z"));
        // daily-review: occurrence 1 pending (due 2 Feb 11:00), occurrence 2 upcoming (arises 2 Feb 11:00, due 3 Feb 11:00).
        items.Where(i => i.Id == "daily-review").Select(i => (i.Occurrence, i.Status))
            .Should().Equal((1, ObligationStatus.Pending), (2, ObligationStatus.Upcoming));
        items.Where(i => i.Id == "tell-people").Select(i => i.Recipient!.Id).Should().BeEquivalentTo("police", "parent", "head-teacher");
    }

    [Fact]
    public void Horizon72h_LeavesOutOverdueUntimedWaitingNeverLateAndFarOffItems()
    {
        var items = Horizon.Coming(Evaluate(Still(), "2025-02-02T09:00:00Z"), Duration.FromHours(72)).Select(i => i.Id).ToList();
        items.Should().NotContain("tell-carer-immediately");  // overdue: late after 1 Feb 12:00
        items.Should().NotContain("safety-plan");             // untimed
        items.Should().NotContain("debrief");                 // waiting for found or returned
        items.Should().NotContain("review-after-all-told");   // waiting for both notices
        items.Should().NotContain("report-at-6h");            // due 1 Feb 16:00 "immediately", never late
        items.Should().NotContain("long-absence-conference"); // arises 28 Feb (20 working days), beyond the horizon
        items.Should().NotContain("reviews-from-last");       // due 6 Feb 11:00, beyond 5 Feb 09:00
    }

    [Fact]
    public void Horizon_LeavesOutMetItems()
    {
        // under-18-notice met at 2 Feb 08:00; without the record it is pending, due Mon 3 Feb 23:59:59.
        Horizon.Coming(Evaluate(Still(), "2025-02-02T09:00:00Z"), Duration.FromHours(72)).Should().Contain(i => i.Id == "under-18-notice");
        var met = Evaluate(Still(E("notification-sent", "2025-02-02T08:00:00Z", "under-18-notice")), "2025-02-02T09:00:00Z");
        met.Single("under-18-notice").Status.Should().Be(ObligationStatus.MetOnTime);
        Horizon.Coming(met, Duration.FromHours(72)).Should().NotContain(i => i.Id == "under-18-notice");
    }

    [Fact]
    public void Horizon_AfterTheChildIsFound_LeavesOutLapsedItemsAndThresholds_ButListsTheNowTimedDebrief()
    {
        // Graded high 1 Feb 11:30 (meeting due 3 Feb 11:30); found 2 Feb 08:00 → the meeting lapses; debrief due 2 Feb 08:00 + 72h = 5 Feb 08:00.
        var a = Evaluate(Still(E("risk-graded", "2025-02-01T11:30:00Z", "high"), E("found", "2025-02-02T08:00:00Z")), "2025-02-02T09:00:00Z");
        a.Single("high-risk-meeting").Status.Should().Be(ObligationStatus.Lapsed);
        var items = Horizon.Coming(a, Duration.FromHours(72));
        items.Should().NotContain(i => i.Id == "high-risk-meeting");
        items.Should().NotContain(i => i.Status == ObligationStatus.Upcoming);
        items.Should().ContainSingle(i => i.Id == "debrief").Which.Due!.Utc.Should().Be(I("2025-02-05T08:00:00Z"));
    }

    [Fact]
    public void Horizon_DueExactlyAtTheEnd_IsListed_OneSecondShortIsNot()
    {
        // strategy-72h due 4 Feb 10:00 = 2 Feb 09:00 + 49h.
        var a = Evaluate(Still(), "2025-02-02T09:00:00Z");
        Horizon.Coming(a, Duration.FromHours(49)).Should().Contain(i => i.Id == "strategy-72h");
        Horizon.Coming(a, Duration.FromHours(49) - Duration.FromSeconds(1)).Should().NotContain(i => i.Id == "strategy-72h");
    }

    [Fact]
    public void Horizon_AnUpcomingItemArisingWithinButDueAfter_IsNotListed()
    {
        // manager-over-72h arises 4 Feb 10:00 but is due 4 Feb 23:59:59: a horizon to 4 Feb 10:00 (49h) does not reach its due.
        var a = Evaluate(Still(), "2025-02-02T09:00:00Z");
        Horizon.Coming(a, Duration.FromHours(49)).Should().NotContain(i => i.Id == "manager-over-72h");
        // 4 Feb 23:59:59 − 2 Feb 09:00 = 62h 59m 59s.
        Horizon.Coming(a, Duration.FromHours(63) - Duration.FromSeconds(1)).Should().Contain(i => i.Id == "manager-over-72h");
    }

    [Fact]
    public void Horizon_AnImmediateDutyWithAGrace_IsListedWhenItBecomesLateWithin()
    {
        // tell-carer-immediately: due 1 Feb 11:00 (already past at 11:30), late after 12:00.
        var a = Evaluate(Still(), "2025-02-01T11:30:00Z");
        var item = Horizon.Coming(a, Duration.FromMinutes(30)).Should().ContainSingle(i => i.Id == "tell-carer-immediately").Subject;
        item.Status.Should().Be(ObligationStatus.Pending);
        item.Due!.Utc.Should().Be(I("2025-02-01T11:00:00Z"));
        item.Due!.LateAfter.Should().Be(I("2025-02-01T12:00:00Z"));
        Horizon.Coming(a, Duration.FromMinutes(30) - Duration.FromSeconds(1)).Should().NotContain(i => i.Id == "tell-carer-immediately");
    }

    [Fact]
    public void Horizon_Zero_ListsOnlyWhatIsDueAtThisInstant()
    {
        // At 2 Feb 10:00 notify-at-24h has just arisen, due (at-trigger) at 10:00 itself.
        var items = Horizon.Coming(Evaluate(Still(), "2025-02-02T10:00:00Z"), Duration.Zero);
        items.Should().ContainSingle(i => i.Id == "notify-at-24h").Which.Status.Should().Be(ObligationStatus.Pending);
        items.Should().OnlyContain(i => i.Due!.Utc == I("2025-02-02T10:00:00Z") || i.Due!.LateAfter == I("2025-02-02T10:00:00Z"));
    }

    [Fact]
    public void Horizon_ListsAConsiderDutyAsDecisionRequired_WhenItsDueFallsWithin()
    {
        // exploitation-meeting: reported Sat 1 Feb → 5 working days → Fri 7 Feb 23:59:59; from 2 Feb 09:00 that is 5d 14h 59m 59s.
        var a = Evaluate(Case(Child(flags: "exploitation-risk"), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"))), "2025-02-02T09:00:00Z");
        var within = Duration.FromDays(5) + Duration.FromHours(15) - Duration.FromSeconds(1);
        Horizon.Coming(a, within).Should().ContainSingle(i => i.Id == "exploitation-meeting").Which.Status.Should().Be(ObligationStatus.DecisionRequired);
        Horizon.Coming(a, within - Duration.FromSeconds(1)).Should().NotContain(i => i.Id == "exploitation-meeting");
    }

    [Fact]
    public void Horizon_Negative_Throws()
    {
        var a = Evaluate(Still(), "2025-02-02T09:00:00Z");
        var act = () => Horizon.Coming(a, Duration.FromSeconds(-1));
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Horizon_LongAfterTheEpisodeEnded_IsEmpty()
    {
        var a = Evaluate(Still(E("found", "2025-02-02T08:00:00Z")), "2025-06-01T12:00:00Z");
        Horizon.Coming(a, Duration.FromHours(72)).Should().BeEmpty();
    }

    [Fact]
    public void Horizon_ListsARungFallingDueWithin_AsAnEscalation()
    {
        // Third missing episode in 90 days, reported Sat 1 Feb 11:00 → stage-1 due 5 working days later, Fri 7 Feb 23:59:59.
        Episode Past(string id, string date) => Episode(id, E("last-seen", $"{date}T09:00:00Z"), E("reported-missing", $"{date}T10:00:00Z"), E("found", $"{date}T20:00:00Z"));
        var c = Case(Child(), Past("E1", "2025-01-01"), Past("E2", "2025-01-10"),
            Episode("E3", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z")));
        var a = Evaluate(c, "2025-02-02T09:00:00Z");
        var within7Days = Horizon.Coming(a, Duration.FromDays(7)); // until 9 Feb 09:00
        within7Days.Should().ContainSingle(i => i.Kind == "escalation" && i.Id == "stage-1").Which.Should().Match<ComingDuty>(i =>
            i.EpisodeId == "E3" && i.Due!.Utc == I("2025-02-07T23:59:59Z") && i.Status == ObligationStatus.Pending);
        Horizon.Coming(a, Duration.FromHours(72)).Should().NotContain(i => i.Id == "stage-1");
    }

    [Fact]
    public void Horizon_AThresholdAlreadyMetByARecordBroughtForward_IsNotComingDue()
    {
        // Strategy meeting held 2 Feb 08:00, before the 72h mark (4 Feb 10:00); it meets strategy-72h once it arises.
        var c = Still(E("meeting-held", "2025-02-02T08:00:00Z", "strategy-meeting"));
        Evaluate(c, "2025-02-04T10:00:00Z").Single("strategy-72h").Status.Should().Be(ObligationStatus.MetOnTime);
        var before = Evaluate(c, "2025-02-02T09:00:00Z");
        Horizon.Coming(before, Duration.FromHours(72)).Should().NotContain(i => i.Id == "strategy-72h");
    }
}
