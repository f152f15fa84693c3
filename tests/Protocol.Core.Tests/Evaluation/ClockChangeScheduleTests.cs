using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Time;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// Every way of scheduling across both clock changes of 2025 (BST from Sun 30 Mar 01:00Z, GMT from Sun 26 Oct 01:00Z):
/// a schedule from the last one held, an agreed interval in calendar and in elapsed time, and a coming threshold.
/// Calendar lengths keep the wall-clock time (one elapsed hour less in spring, one more in autumn); elapsed ones do not.
/// </summary>
public class ClockChangeScheduleTests
{
    private static List<ObligationResult> All(Assessment a, string id) => a.Obligations.Where(o => o.Id == id).OrderBy(o => o.Occurrence).ToList();

    private static ChildCase Reported(string lastSeen, string reported, params EpisodeEvent[] more) =>
        Case(Child(), Episode("E1", [E("last-seen", lastSeen), E("reported-missing", reported), .. more]));

    private static EpisodeEvent Agreed(string at, string every) =>
        new(EventType.FrequencyAgreed, I(at), Activity: "welfare-check") { Every = Amount.Parse(every) };

    [Fact]
    public void ReviewsFromLast_HeldBeforeSpringForward_NextIsFiveDaysLaterAtTheSameWallClockTime()
    {
        // Reported Wed 26 Mar 10:00 GMT; review held Fri 28 Mar 10:00 GMT → next due Wed 2 Apr 10:00 BST = 09:00Z (119 elapsed hours).
        var c = Reported("2025-03-26T09:00:00Z", "2025-03-26T10:00:00Z", E("review-held", "2025-03-28T10:00:00Z", "review"));
        var reviews = All(Evaluate(c, "2025-03-31T12:00:00Z"), "reviews-from-last");
        reviews.Should().HaveCount(2);
        reviews[0].Status.Should().Be(ObligationStatus.MetOnTime);
        reviews[1].Due!.Utc.Should().Be(I("2025-04-02T09:00:00Z"));
        reviews[1].Due!.Local.Should().Be("2025-04-02T10:00:00+01:00");
    }

    [Fact]
    public void ReviewsFromLast_HeldBeforeFallBack_NextIsFiveDaysLaterAtTheSameWallClockTime()
    {
        // Reported Tue 21 Oct 10:00 BST (09:00Z); review held Thu 23 Oct 10:00 BST (09:00Z) → next due Tue 28 Oct 10:00 GMT = 10:00Z (121 elapsed hours).
        var c = Reported("2025-10-21T08:00:00Z", "2025-10-21T09:00:00Z", E("review-held", "2025-10-23T09:00:00Z", "review"));
        var reviews = All(Evaluate(c, "2025-10-27T12:00:00Z"), "reviews-from-last");
        reviews[1].Due!.Utc.Should().Be(I("2025-10-28T10:00:00Z"));
        reviews[1].Due!.Local.Should().Be("2025-10-28T10:00:00+00:00");
    }

    [Fact]
    public void WelfareChecks_AgreedInDays_AcrossSpringForward_KeepTheWallClockTime()
    {
        // Reported Thu 27 Mar 11:00 GMT → due Fri 28 Mar 11:00 GMT, Sat 29 Mar 11:00 GMT; "2 days" agreed Fri 28 Mar 12:00:
        // occurrence 3 counts from Sat 29 Mar 11:00 GMT → Mon 31 Mar 11:00 BST = 10:00Z; occurrence 4 → Wed 2 Apr 11:00 BST = 10:00Z
        // (pending on 31 Mar 12:00); occurrence 5 → Fri 4 Apr 10:00Z (upcoming).
        var c = Reported("2025-03-27T10:00:00Z", "2025-03-27T11:00:00Z", Agreed("2025-03-28T12:00:00Z", "2 days"));
        var checks = All(Evaluate(c, "2025-03-31T12:00:00Z"), "welfare-checks");
        checks.Select(o => o.Due!.Utc).Should().Equal(I("2025-03-28T11:00:00Z"), I("2025-03-29T11:00:00Z"), I("2025-03-31T10:00:00Z"), I("2025-04-02T10:00:00Z"), I("2025-04-04T10:00:00Z"));
        checks.Select(o => o.Status).Should().Equal(ObligationStatus.Overdue, ObligationStatus.Overdue, ObligationStatus.Overdue, ObligationStatus.Pending, ObligationStatus.Upcoming);
    }

    [Fact]
    public void WelfareChecks_AgreedInHours_AcrossFallBack_CountElapsedTime()
    {
        // Reported Fri 24 Oct 11:00 BST (10:00Z) → due Sat 25 Oct 11:00 BST (10:00Z); "48h" agreed Fri 24 Oct 12:00 BST:
        // occurrence 2 = Sat 25 Oct 10:00Z + 48h = Mon 27 Oct 10:00Z, which is 10:00 GMT (not 11:00: the hour went back);
        // occurrence 3 (upcoming) Wed 29 Oct 10:00Z.
        var c = Reported("2025-10-24T09:00:00Z", "2025-10-24T10:00:00Z", Agreed("2025-10-24T11:00:00Z", "48h"));
        var checks = All(Evaluate(c, "2025-10-26T12:00:00Z"), "welfare-checks");
        checks.Select(o => o.Due!.Utc).Should().Equal(I("2025-10-25T10:00:00Z"), I("2025-10-27T10:00:00Z"), I("2025-10-29T10:00:00Z"));
        checks[1].Due!.Local.Should().Be("2025-10-27T10:00:00+00:00");
        checks.Select(o => o.Status).Should().Equal(ObligationStatus.Overdue, ObligationStatus.Pending, ObligationStatus.Upcoming);
    }

    [Fact]
    public void ComingThreshold_72hAcrossSpringForward_IsElapsed_AndItsWorkingDayDeadlineIsLocal()
    {
        // Last seen Fri 28 Mar 12:00 GMT; 72 elapsed hours → Mon 31 Mar 12:00Z = 13:00 BST. manager-over-72h (strict, same working
        // day) would then be due Mon 31 Mar 23:59:59 BST = 22:59:59Z.
        var c = Reported("2025-03-28T12:00:00Z", "2025-03-28T13:00:00Z");
        var a = Evaluate(c, "2025-03-30T12:00:00Z");
        var strategy = a.Single("strategy-72h");
        strategy.Status.Should().Be(ObligationStatus.Upcoming);
        strategy.TriggeredAt.Should().Be(I("2025-03-31T12:00:00Z"));
        var manager = a.Single("manager-over-72h");
        manager.Status.Should().Be(ObligationStatus.Upcoming);
        manager.Due!.Utc.Should().Be(I("2025-03-31T22:59:59Z"));
        Horizon.Coming(a, NodaTime.Duration.FromHours(24)).Select(d => d.Id).Should().Contain("strategy-72h").And.NotContain("manager-over-72h");
    }

    [Fact]
    public void ComingThreshold_24hAcrossFallBack_IsDueAtTheMark_AnHourEarlierOnTheWallClock()
    {
        // notify-at-24h (at-trigger): last seen Sat 25 Oct 12:00 BST (11:00Z) → mark Sun 26 Oct 11:00Z = 11:00 GMT.
        var c = Reported("2025-10-25T11:00:00Z", "2025-10-25T11:30:00Z");
        var upcoming = Evaluate(c, "2025-10-26T10:59:59Z").Single("notify-at-24h");
        upcoming.Status.Should().Be(ObligationStatus.Upcoming);
        upcoming.Due!.Local.Should().Be("2025-10-26T11:00:00+00:00");
        Evaluate(c, "2025-10-26T11:00:00Z").Single("notify-at-24h").Status.Should().Be(ObligationStatus.Pending);
        Evaluate(c, "2025-10-26T11:00:01Z").Single("notify-at-24h").Status.Should().Be(ObligationStatus.Overdue);
    }
}
