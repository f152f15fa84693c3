using NodaTime;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Time;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// Recurring duties: a fixed grid (daily-review) across the clock changes, one per calendar day (daily-log), from the
/// last one held (reviews-from-last), an interval changed by agreement (welfare-checks), the next occurrence shown as
/// upcoming, and no occurrence outliving the episode.
/// </summary>
public class ScheduleTests
{
    private static ChildCase Reported(string lastSeen, string reported, params EpisodeEvent[] more) =>
        Case(Child(), Episode("E1", [E("last-seen", lastSeen), E("reported-missing", reported), .. more]));

    // Sat 1 Feb 2025 (GMT): last seen 10:00, reported 11:00.
    private static ChildCase Feb(params EpisodeEvent[] more) => Reported("2025-02-01T10:00:00Z", "2025-02-01T11:00:00Z", more);

    private static List<ObligationResult> All(Assessment a, string id) => a.Obligations.Where(o => o.Id == id).OrderBy(o => o.Occurrence).ToList();

    private static EpisodeEvent Agreed(string at, string every) =>
        new(EventType.FrequencyAgreed, I(at), Activity: "welfare-check") { Every = Amount.Parse(every) };

    // ---- daily-review: every 1 day from the previous due time --------------------------------------------------

    [Fact]
    public void DailyReview_EachOccurrenceIsDueADayAfterThePrevious_AndArisesWhenThePreviousWasDue()
    {
        // Reported 1 Feb 11:00 → due 2 Feb 11:00, 3 Feb 11:00, 4 Feb 11:00; at 3 Feb 12:00 the fourth (due 5 Feb) is upcoming.
        var reviews = All(Evaluate(Feb(), "2025-02-03T12:00:00Z"), "daily-review");
        reviews.Select(o => o.Occurrence).Should().Equal(1, 2, 3, 4);
        reviews.Select(o => o.Due!.Utc).Should().Equal(I("2025-02-02T11:00:00Z"), I("2025-02-03T11:00:00Z"), I("2025-02-04T11:00:00Z"), I("2025-02-05T11:00:00Z"));
        reviews.Select(o => o.TriggeredAt).Should().Equal(I("2025-02-01T11:00:00Z"), I("2025-02-02T11:00:00Z"), I("2025-02-03T11:00:00Z"), I("2025-02-04T11:00:00Z"));
        reviews.Select(o => o.Status).Should().Equal(ObligationStatus.Overdue, ObligationStatus.Overdue, ObligationStatus.Pending, ObligationStatus.Upcoming);
        reviews[1].CountedFrom.Should().Be(I("2025-02-02T11:00:00Z"));
        reviews[1].Explanation.Should().Contain("Occurrence 2: recurs every 1 day until found or returned.");
        reviews[1].Explanation.Should().Contain("Due by 2025-02-03T11:00:00+00:00 (1 day after the previous due time).");
        reviews[3].Explanation.Should().Contain("Upcoming: arises at 2025-02-04T11:00:00+00:00 (23h from now) if nothing changes; it would then be due by 2025-02-05T11:00:00+00:00.");
    }

    [Fact]
    public void DailyReview_OneSecondBeforeTheFirstDue_TheSecondIsUpcoming_AtTheDueItIsRaised()
    {
        // First due 2 Feb 11:00: the second arises at that instant.
        var before = All(Evaluate(Feb(), "2025-02-02T10:59:59Z"), "daily-review");
        before.Select(o => o.Status).Should().Equal(ObligationStatus.Pending, ObligationStatus.Upcoming);
        var at = All(Evaluate(Feb(), "2025-02-02T11:00:00Z"), "daily-review");
        at.Select(o => o.Status).Should().Equal(ObligationStatus.Pending, ObligationStatus.Pending, ObligationStatus.Upcoming);
        at.Should().ContainSingle(o => o.Status == ObligationStatus.Upcoming).Which.Occurrence.Should().Be(3);
    }

    [Fact]
    public void DailyReview_ARecordExactlyAtTheDueMeetsThatOccurrence_NotTheNext()
    {
        // Review at 2 Feb 11:00 = occurrence 1's due: meets 1 (window 1 Feb 11:00 – 2 Feb 11:00]); 2 (2 Feb 11:00, 3 Feb 11:00] has none.
        var reviews = All(Evaluate(Feb(E("review-held", "2025-02-02T11:00:00Z", "daily-review")), "2025-02-03T12:00:00Z"), "daily-review");
        reviews[0].Status.Should().Be(ObligationStatus.MetOnTime);
        reviews[0].MetAfter.Should().Be(Duration.FromDays(1));
        reviews[1].Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void DailyReview_ARecordOneSecondAfterTheDueMeetsOnlyTheNext()
    {
        // Review at 2 Feb 11:00:01: too late for occurrence 1 (its window ends at its due), inside occurrence 2's.
        var reviews = All(Evaluate(Feb(E("review-held", "2025-02-02T11:00:01Z", "daily-review")), "2025-02-03T12:00:00Z"), "daily-review");
        reviews[0].Status.Should().Be(ObligationStatus.Overdue);
        reviews[1].Status.Should().Be(ObligationStatus.MetOnTime);
        reviews[1].MetAfter.Should().Be(Duration.FromSeconds(1)); // measured from when occurrence 2 arose (2 Feb 11:00)
    }

    [Fact]
    public void DailyReview_SpringForward_FirstDueInTheSkippedHour_LaterOnesKeepTheWallClockTime()
    {
        // Reported Sat 29 Mar 2025 01:24 GMT. Sun 30 Mar 01:24 does not exist (01:00 → 02:00): due 02:24 BST = 01:24Z.
        // Then Mon 31 Mar 01:24 BST = 00:24Z, Tue 1 Apr 00:24Z, Wed 2 Apr 00:24Z (pending at Tue 12:00Z), Thu 3 Apr 00:24Z
        // (upcoming) — 01:24 BST, not 02:24.
        var reviews = All(Evaluate(Reported("2025-03-29T01:00:00Z", "2025-03-29T01:24:00Z"), "2025-04-01T12:00:00Z"), "daily-review");
        reviews.Select(o => o.Due!.Utc).Should().Equal(I("2025-03-30T01:24:00Z"), I("2025-03-31T00:24:00Z"), I("2025-04-01T00:24:00Z"), I("2025-04-02T00:24:00Z"), I("2025-04-03T00:24:00Z"));
        reviews.Select(o => o.Due!.Local).Should().Equal("2025-03-30T02:24:00+01:00", "2025-03-31T01:24:00+01:00", "2025-04-01T01:24:00+01:00", "2025-04-02T01:24:00+01:00", "2025-04-03T01:24:00+01:00");
        (reviews[1].Due!.Utc - reviews[0].Due!.Utc).Should().Be(Duration.FromHours(23));
        reviews.Select(o => o.Status).Should().Equal(ObligationStatus.Overdue, ObligationStatus.Overdue, ObligationStatus.Overdue, ObligationStatus.Pending, ObligationStatus.Upcoming);
    }

    [Fact]
    public void DailyReview_FallBack_DueAtTheLaterOfTheRepeatedHour_ThenAt0124GmtOnFollowingDays()
    {
        // Reported Sat 25 Oct 2025 01:24 BST = 00:24Z. Sun 26 Oct 01:24 happens twice (00:24Z BST, 01:24Z GMT): the later.
        // Then Mon 27 Oct 01:24 GMT = 01:24Z, Tue 28 Oct 01:24Z, Wed 29 Oct 01:24Z (pending at Tue 12:00Z), Thu 30 Oct 01:24Z (upcoming).
        var reviews = All(Evaluate(Reported("2025-10-25T00:00:00Z", "2025-10-25T00:24:00Z"), "2025-10-28T12:00:00Z"), "daily-review");
        reviews.Select(o => o.Due!.Utc).Should().Equal(I("2025-10-26T01:24:00Z"), I("2025-10-27T01:24:00Z"), I("2025-10-28T01:24:00Z"), I("2025-10-29T01:24:00Z"), I("2025-10-30T01:24:00Z"));
        reviews.Select(o => o.Due!.Local).Should().Equal("2025-10-26T01:24:00+00:00", "2025-10-27T01:24:00+00:00", "2025-10-28T01:24:00+00:00", "2025-10-29T01:24:00+00:00", "2025-10-30T01:24:00+00:00");
        (reviews[0].Due!.Utc - I("2025-10-25T00:24:00Z")).Should().Be(Duration.FromHours(25));
        reviews.Select(o => o.Status).Should().Equal(ObligationStatus.Overdue, ObligationStatus.Overdue, ObligationStatus.Overdue, ObligationStatus.Pending, ObligationStatus.Upcoming);
    }

    [Fact]
    public void DailyReview_FallBack_AReviewInTheFirstOfTheRepeatedHours_MeetsTheFirstOccurrence()
    {
        // 01:30 BST on 26 Oct = 00:30Z, before the due at 01:24 GMT (01:24Z): on time. 01:24:01Z is already the second.
        var c1 = Reported("2025-10-25T00:00:00Z", "2025-10-25T00:24:00Z", E("review-held", "2025-10-26T00:30:00Z", "daily-review"));
        All(Evaluate(c1, "2025-10-26T12:00:00Z"), "daily-review")[0].Status.Should().Be(ObligationStatus.MetOnTime);
        var c2 = Reported("2025-10-25T00:00:00Z", "2025-10-25T00:24:00Z", E("review-held", "2025-10-26T01:24:01Z", "daily-review"));
        var reviews = All(Evaluate(c2, "2025-10-26T12:00:00Z"), "daily-review");
        reviews[0].Status.Should().Be(ObligationStatus.Overdue);
        reviews[1].Status.Should().Be(ObligationStatus.MetOnTime);
    }

    // ---- the next occurrence, and no occurrence after the episode ---------------------------------------------

    [Fact]
    public void Schedule_TheNextOccurrenceIsListedOnceAsUpcoming()
    {
        var a = Evaluate(Feb(), "2025-02-05T12:00:00Z");
        foreach (var id in new[] { "daily-review", "welfare-checks", "daily-log" })
            a.Obligations.Where(o => o.Id == id && o.Status == ObligationStatus.Upcoming).Should().ContainSingle(id);
    }

    [Fact]
    public void DailyReview_FoundExactlyAtTheFirstDue_NoSecondOccurrence()
    {
        // Found 2 Feb 11:00 = occurrence 1's due: it lapses (not late yet); nothing after, nothing upcoming.
        var reviews = All(Evaluate(Feb(E("found", "2025-02-02T11:00:00Z")), "2025-02-10T00:00:00Z"), "daily-review");
        reviews.Should().ContainSingle().Which.Status.Should().Be(ObligationStatus.Lapsed);
    }

    [Fact]
    public void DailyReview_FoundOneSecondAfterTheFirstDue_TheSecondArisesAndLapses()
    {
        var reviews = All(Evaluate(Feb(E("found", "2025-02-02T11:00:01Z")), "2025-02-10T00:00:00Z"), "daily-review");
        reviews.Select(o => o.Status).Should().Equal(ObligationStatus.Overdue, ObligationStatus.Lapsed);
        reviews.Should().NotContain(o => o.Status == ObligationStatus.Upcoming);
    }

    [Fact]
    public void Schedules_WhileFoundButEvaluatedBeforeTheNextDue_ShowNothingUpcoming()
    {
        // Found 2 Feb 15:00; evaluated the same evening: no schedule shows a next occurrence.
        var a = Evaluate(Feb(E("found", "2025-02-02T15:00:00Z")), "2025-02-02T18:00:00Z");
        a.Obligations.Where(o => o.Occurrence is not null).Should().NotContain(o => o.Status == ObligationStatus.Upcoming);
        All(a, "daily-review").Select(o => o.Status).Should().Equal(ObligationStatus.Overdue, ObligationStatus.Lapsed);
    }

    [Fact]
    public void ReportDatedAfterTheFinding_SchedulesDoNotRunOnToTheEvaluationInstant()
    {
        // Last seen 1 Feb 08:00, found 09:00, reported 11:00 (accepted as recorded). Three months on: one occurrence each at most.
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T08:00:00Z"), E("found", "2025-02-01T09:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z")));
        var a = Evaluate(c, "2025-05-01T12:00:00Z");
        All(a, "daily-review").Should().HaveCount(1);
        foreach (var id in new[] { "welfare-checks", "daily-log", "reviews-from-last", "daily-review" })
        {
            All(a, id).Count.Should().BeLessThanOrEqualTo(1, id);
            a.Obligations.Where(o => o.Id == id && o.Occurrence > 1).Should().BeEmpty(id);
            a.Obligations.Where(o => o.Id == id).Should().NotContain(o => o.Status == ObligationStatus.Upcoming, id);
        }
        a.Assumptions.Should().NotContain(s => s.Contains("only its first"));
    }

    // ---- daily-log: one per calendar day, due 23:59:59 local ---------------------------------------------------

    [Fact]
    public void DailyLog_SpringForward_TheShortDayEndsAt2259Z()
    {
        // Reported Sat 29 Mar 10:00 GMT. Sat ends 23:59:59 GMT = 23:59:59Z; Sun 30 Mar (23 hours) ends 23:59:59 BST = 22:59:59Z;
        // Mon 31 Mar 22:59:59Z; Tue 1 Apr 22:59:59Z (pending at Tue 12:00Z); Wed 2 Apr 22:59:59Z upcoming.
        var logs = All(Evaluate(Reported("2025-03-29T09:00:00Z", "2025-03-29T10:00:00Z"), "2025-04-01T12:00:00Z"), "daily-log");
        logs.Select(o => o.Due!.Utc).Should().Equal(I("2025-03-29T23:59:59Z"), I("2025-03-30T22:59:59Z"), I("2025-03-31T22:59:59Z"), I("2025-04-01T22:59:59Z"), I("2025-04-02T22:59:59Z"));
        (logs[1].Due!.Utc - logs[0].Due!.Utc).Should().Be(Duration.FromHours(23));
        logs.Select(o => o.Status).Should().Equal(ObligationStatus.Overdue, ObligationStatus.Overdue, ObligationStatus.Overdue, ObligationStatus.Pending, ObligationStatus.Upcoming);
        logs[1].Explanation.Should().Contain("Due by 2025-03-30T23:59:59+01:00 (the end of this calendar day).");
        logs[0].Explanation.Should().Contain("Due by 2025-03-29T23:59:59+00:00 (the same day (end of day)).");
    }

    [Fact]
    public void DailyLog_SpringForward_EntriesAtTheLastSecondAndTheFirstSecondOfADayMeetTheirOwnDays()
    {
        // Sat entry at 23:59:59 GMT; Sun entry at 23:59:59 BST (22:59:59Z); Mon entry at 00:00 BST (23:00Z Sun).
        var c = Reported("2025-03-29T09:00:00Z", "2025-03-29T10:00:00Z",
            E("action-completed", "2025-03-29T23:59:59Z", "daily-log"), E("action-completed", "2025-03-30T22:59:59Z", "daily-log"),
            E("action-completed", "2025-03-30T23:00:00Z", "daily-log"));
        var logs = All(Evaluate(c, "2025-03-31T12:00:00Z"), "daily-log");
        logs.Take(3).Select(o => o.Status).Should().Equal(ObligationStatus.MetOnTime, ObligationStatus.MetOnTime, ObligationStatus.MetOnTime);
        logs.Take(3).Select(o => o.MetBy!.At).Should().Equal(I("2025-03-29T23:59:59Z"), I("2025-03-30T22:59:59Z"), I("2025-03-30T23:00:00Z"));
    }

    [Fact]
    public void DailyLog_FallBack_TheLongDayEndsAt2359Z()
    {
        // Reported Sat 25 Oct 10:00Z (11:00 BST). Sat ends 23:59:59 BST = 22:59:59Z; Sun 26 Oct (25 hours) ends 23:59:59 GMT = 23:59:59Z.
        var logs = All(Evaluate(Reported("2025-10-25T09:00:00Z", "2025-10-25T10:00:00Z"), "2025-10-27T12:00:00Z"), "daily-log");
        logs.Select(o => o.Due!.Utc).Take(3).Should().Equal(I("2025-10-25T22:59:59Z"), I("2025-10-26T23:59:59Z"), I("2025-10-27T23:59:59Z"));
        (logs[1].Due!.Utc - logs[0].Due!.Utc).Should().Be(Duration.FromHours(25));
    }

    [Fact]
    public void DailyLog_FallBack_AnEntryJustAfterLocalMidnightBelongsToSunday()
    {
        // Sat 25 Oct ends 22:59:59Z: an entry at 22:59:59Z meets Saturday's; one at 23:00:00Z (00:00 BST Sun) meets Sunday's.
        var sat = All(Evaluate(Reported("2025-10-25T09:00:00Z", "2025-10-25T10:00:00Z", E("action-completed", "2025-10-25T22:59:59Z", "daily-log")), "2025-10-27T12:00:00Z"), "daily-log");
        sat.Select(o => o.Status).Take(2).Should().Equal(ObligationStatus.MetOnTime, ObligationStatus.Overdue);
        var sun = All(Evaluate(Reported("2025-10-25T09:00:00Z", "2025-10-25T10:00:00Z", E("action-completed", "2025-10-25T23:00:00Z", "daily-log")), "2025-10-27T12:00:00Z"), "daily-log");
        sun.Select(o => o.Status).Take(2).Should().Equal(ObligationStatus.Overdue, ObligationStatus.MetOnTime);
    }

    [Fact]
    public void DailyLog_ReportedLateInTheDay_FirstIsDueAtTheEndOfThatDay()
    {
        // Reported 1 Feb 23:30 GMT → due 23:59:59 the same day; the next is 2 Feb 23:59:59.
        var logs = All(Evaluate(Reported("2025-02-01T22:00:00Z", "2025-02-01T23:30:00Z"), "2025-02-02T12:00:00Z"), "daily-log");
        logs.Select(o => o.Due!.Utc).Should().Equal(I("2025-02-01T23:59:59Z"), I("2025-02-02T23:59:59Z"), I("2025-02-03T23:59:59Z"));
    }

    // ---- reviews-from-last: every 5 days from the last held ---------------------------------------------------

    [Fact]
    public void ReviewsFromLast_HeldEarly_TheNextIsCountedFromTheReview()
    {
        // First due 1 Feb 11:00 + 5 days = 6 Feb 11:00; held 3 Feb 09:00 → next due 8 Feb 09:00 (not 11 Feb).
        var reviews = All(Evaluate(Feb(E("review-held", "2025-02-03T09:00:00Z", "review")), "2025-02-05T00:00:00Z"), "reviews-from-last");
        reviews.Should().HaveCount(2);
        reviews[0].Status.Should().Be(ObligationStatus.MetOnTime);
        reviews[0].Due!.Utc.Should().Be(I("2025-02-06T11:00:00Z"));
        reviews[1].Status.Should().Be(ObligationStatus.Pending);
        reviews[1].TriggeredAt.Should().Be(I("2025-02-03T09:00:00Z"));
        reviews[1].CountedFrom.Should().Be(I("2025-02-03T09:00:00Z"));
        reviews[1].Due!.Utc.Should().Be(I("2025-02-08T09:00:00Z"));
        reviews[1].Explanation.Should().Contain("Due by 2025-02-08T09:00:00+00:00 (5 days after the previous one was held, at 2025-02-03T09:00:00+00:00).");
    }

    [Fact]
    public void ReviewsFromLast_SecondUnheld_IsOverdueOneSecondAfterItsDue_AndNothingFollows()
    {
        var c = Feb(E("review-held", "2025-02-03T09:00:00Z", "review"));
        All(Evaluate(c, "2025-02-08T09:00:00Z"), "reviews-from-last")[1].Status.Should().Be(ObligationStatus.Pending);
        var late = All(Evaluate(c, "2025-02-08T09:00:01Z"), "reviews-from-last");
        late.Should().HaveCount(2);
        late[1].Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void ReviewsFromLast_HeldLate_IsMetLate_AndTheNextIsCountedFromTheLateReview()
    {
        // Due 6 Feb 11:00; held 7 Feb 11:00 (1d late) → next due 12 Feb 11:00.
        var reviews = All(Evaluate(Feb(E("review-held", "2025-02-07T11:00:00Z", "review")), "2025-02-08T00:00:00Z"), "reviews-from-last");
        reviews[0].Status.Should().Be(ObligationStatus.MetLate);
        reviews[0].Explanation.Should().Contain("Met late: review-held:review at 2025-02-07T11:00:00+00:00, 1d after it became late.");
        reviews[1].Due!.Utc.Should().Be(I("2025-02-12T11:00:00Z"));
        reviews[1].Status.Should().Be(ObligationStatus.Pending);
    }

    [Theory]
    [InlineData("2025-02-06T11:00:00Z", ObligationStatus.MetOnTime)] // exactly 1 Feb 11:00 + 5 days
    [InlineData("2025-02-06T11:00:01Z", ObligationStatus.MetLate)]
    public void ReviewsFromLast_HeldAtTheDue_IsOnTime_OneSecondLaterIsLate(string held, ObligationStatus status)
    {
        All(Evaluate(Feb(E("review-held", held, "review")), "2025-02-07T00:00:00Z"), "reviews-from-last")[0].Status.Should().Be(status);
    }

    [Fact]
    public void ReviewsFromLast_NotHeld_NoFurtherOccurrence()
    {
        // Due 6 Feb 11:00, never held: one overdue occurrence, no second, none upcoming.
        var reviews = All(Evaluate(Feb(), "2025-02-20T00:00:00Z"), "reviews-from-last");
        reviews.Should().ContainSingle().Which.Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void ReviewsFromLast_ThreeHeld_EachCountsFromThePrevious()
    {
        // Held 4 Feb 10:00 → due 9 Feb 10:00; held 8 Feb 10:00 → due 13 Feb 10:00; held 14 Feb 10:00 (1d late) → due 19 Feb 10:00.
        var c = Feb(E("review-held", "2025-02-04T10:00:00Z", "review"), E("review-held", "2025-02-08T10:00:00Z", "review"), E("review-held", "2025-02-14T10:00:00Z", "review"));
        var reviews = All(Evaluate(c, "2025-02-15T00:00:00Z"), "reviews-from-last");
        reviews.Select(o => o.Due!.Utc).Should().Equal(I("2025-02-06T11:00:00Z"), I("2025-02-09T10:00:00Z"), I("2025-02-13T10:00:00Z"), I("2025-02-19T10:00:00Z"));
        reviews.Select(o => o.Status).Should().Equal(ObligationStatus.MetOnTime, ObligationStatus.MetOnTime, ObligationStatus.MetLate, ObligationStatus.Pending);
    }

    [Fact]
    public void ReviewsFromLast_FoundBeforeTheNextIsDue_TheNextLapses()
    {
        // Held 3 Feb 09:00 → next due 8 Feb 09:00; found 4 Feb 12:00.
        var reviews = All(Evaluate(Feb(E("review-held", "2025-02-03T09:00:00Z", "review"), E("found", "2025-02-04T12:00:00Z")), "2025-02-20T00:00:00Z"), "reviews-from-last");
        reviews.Select(o => o.Status).Should().Equal(ObligationStatus.MetOnTime, ObligationStatus.Lapsed);
    }

    // ---- welfare-checks: every 1 day, or as agreed -------------------------------------------------------------

    [Fact]
    public void WelfareChecks_AgreementExactlyAtAPreviousDue_ChangesTheIntervalFromTheNextOccurrence()
    {
        // Due 2 Feb 11:00, 3 Feb 11:00 (1 day each); "3 days" agreed 3 Feb 11:00 = occurrence 2's due:
        // occurrence 3 due 3 Feb 11:00 + 3 days = 6 Feb 11:00, occurrence 4 9 Feb 11:00 (pending on 7 Feb), occurrence 5 12 Feb 11:00 (upcoming).
        var checks = All(Evaluate(Feb(Agreed("2025-02-03T11:00:00Z", "3 days")), "2025-02-07T00:00:00Z"), "welfare-checks");
        checks.Select(o => o.Due!.Utc).Should().Equal(I("2025-02-02T11:00:00Z"), I("2025-02-03T11:00:00Z"), I("2025-02-06T11:00:00Z"), I("2025-02-09T11:00:00Z"), I("2025-02-12T11:00:00Z"));
        checks[2].Explanation.Should().Contain("Due by 2025-02-06T11:00:00+00:00 (3 days after the previous due time, the interval agreed by frequency-agreed:welfare-check at 2025-02-03T11:00:00+00:00).");
        checks[1].Explanation.Should().Contain("Due by 2025-02-03T11:00:00+00:00 (1 day after the previous due time).");
        checks.Select(o => o.Status).Should().Equal(ObligationStatus.Overdue, ObligationStatus.Overdue, ObligationStatus.Overdue, ObligationStatus.Pending, ObligationStatus.Upcoming);
    }

    [Fact]
    public void WelfareChecks_AgreementOneSecondAfterAPreviousDue_AppliesOnlyFromTheOccurrenceAfter()
    {
        // Agreed 3 Feb 11:00:01, after occurrence 2's due (3 Feb 11:00): occurrence 3 still 1 day → 4 Feb 11:00;
        // occurrence 4 counts from 4 Feb 11:00 (after the agreement) → 7 Feb 11:00; occurrence 5 (upcoming) → 10 Feb 11:00.
        var checks = All(Evaluate(Feb(Agreed("2025-02-03T11:00:01Z", "3 days")), "2025-02-05T00:00:00Z"), "welfare-checks");
        checks.Select(o => o.Due!.Utc).Should().Equal(I("2025-02-02T11:00:00Z"), I("2025-02-03T11:00:00Z"), I("2025-02-04T11:00:00Z"), I("2025-02-07T11:00:00Z"), I("2025-02-10T11:00:00Z"));
        checks[2].Explanation.Should().Contain("Due by 2025-02-04T11:00:00+00:00 (1 day after the previous due time).");
    }

    [Fact]
    public void WelfareChecks_AnElapsedAgreement_IsAddedAsElapsedTime()
    {
        // "12h" agreed 1 Feb 12:00 (before occurrence 1's due 2 Feb 11:00, which stays the deadline's): 2 Feb 23:00, 3 Feb 11:00,
        // 3 Feb 23:00 (pending at 3 Feb 12:00), 4 Feb 11:00 (upcoming).
        var checks = All(Evaluate(Feb(Agreed("2025-02-01T12:00:00Z", "12h")), "2025-02-03T12:00:00Z"), "welfare-checks");
        checks.Select(o => o.Due!.Utc).Should().Equal(I("2025-02-02T11:00:00Z"), I("2025-02-02T23:00:00Z"), I("2025-02-03T11:00:00Z"), I("2025-02-03T23:00:00Z"), I("2025-02-04T11:00:00Z"));
    }

    [Fact]
    public void WelfareChecks_AChildLevelAgreementApplies_ToThisEpisode()
    {
        // Same as the first test, but the agreement is a child-level record.
        var c = new ChildCase(Child(), [Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"))],
            [Agreed("2025-02-03T11:00:00Z", "3 days")]);
        var checks = All(Evaluate(c, "2025-02-07T00:00:00Z"), "welfare-checks");
        checks[2].Due!.Utc.Should().Be(I("2025-02-06T11:00:00Z"));
    }

    [Fact]
    public void WelfareChecks_AnAgreementForAnotherActivity_ChangesNothing()
    {
        var other = new EpisodeEvent(EventType.FrequencyAgreed, I("2025-02-01T12:00:00Z"), Activity: "daily-review") { Every = Amount.Parse("3 days") };
        var checks = All(Evaluate(Feb(other), "2025-02-03T12:00:00Z"), "welfare-checks");
        checks.Select(o => o.Due!.Utc).Should().Equal(I("2025-02-02T11:00:00Z"), I("2025-02-03T11:00:00Z"), I("2025-02-04T11:00:00Z"), I("2025-02-05T11:00:00Z"));
    }

    [Fact]
    public void WelfareChecks_FromAnElapsedToACalendarAgreement_CountsFromThePreviousDue()
    {
        // "12h" agreed 2 Feb 11:00 (= occurrence 1's due): occurrence 2 due 2 Feb 23:00, occurrence 3 3 Feb 11:00.
        // "2 days" agreed 3 Feb 11:00 (= occurrence 3's due): occurrence 4 due 3 Feb 11:00 + 2 days = 5 Feb 11:00, then 7 Feb 11:00.
        var checks = All(Evaluate(Feb(Agreed("2025-02-02T11:00:00Z", "12h"), Agreed("2025-02-03T11:00:00Z", "2 days")), "2025-02-04T00:00:00Z"), "welfare-checks");
        checks.Select(o => o.Due!.Utc).Should().Equal(I("2025-02-02T11:00:00Z"), I("2025-02-02T23:00:00Z"), I("2025-02-03T11:00:00Z"), I("2025-02-05T11:00:00Z"), I("2025-02-07T11:00:00Z"));
        checks[3].Explanation.Should().Contain("Due by 2025-02-05T11:00:00+00:00 (2 days after the previous due time, the interval agreed by frequency-agreed:welfare-check at 2025-02-03T11:00:00+00:00).");
    }
}
