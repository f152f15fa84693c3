using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>Event sets, strict duration conditions, ladder conditions, windows in conditions, recurrence boundaries.</summary>
public class LanguageFeatureTests
{
    [Theory]
    [InlineData("found", "2025-02-02T10:00:00Z", "returned", "2025-02-02T12:00:00Z", "2025-02-02T14:00:00Z")]
    [InlineData("returned", "2025-02-02T09:00:00Z", "found", "2025-02-02T12:00:00Z", "2025-02-02T13:00:00Z")]
    public void OnAList_TriggersOnTheFirstToHappen(string firstType, string firstAt, string secondType, string secondAt, string due)
    {
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"),
            E(firstType, firstAt), E(secondType, secondAt)));
        Evaluate(c, "2025-02-03T00:00:00Z").Single("return-check").Due!.Utc.Should().Be(I(due));
    }

    [Fact]
    public void FromAList_FallsBackWhenTheFirstEventIsNotRecorded()
    {
        var withoutLastSeen = Case(Child(), Episode("E1", E("carer-aware", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T12:00:00Z")));
        Evaluate(withoutLastSeen, "2025-02-01T20:00:00Z").Single("report-at-6h").TriggeredAt.Should().Be(I("2025-02-01T16:00:00Z"));
        var withBoth = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T08:00:00Z"), E("carer-aware", "2025-02-01T10:00:00Z")));
        Evaluate(withBoth, "2025-02-01T20:00:00Z").Single("report-at-6h").TriggeredAt.Should().Be(I("2025-02-01T14:00:00Z"));
    }

    [Fact]
    public void DeadlineFromAnEarlierEvent_KeepsTheProtocolsDueTime_EvenWhenItPassedBeforeTheTrigger()
    {
        // "within 24 hours of going missing", raised by a report made 30 hours after last seen: due 24 hours
        // after last seen, already overdue when raised; the clock start is reported as CountedFrom.
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T08:00:00Z"), E("reported-missing", "2025-02-02T14:00:00Z")));
        var o = Evaluate(c, "2025-02-02T15:00:00Z").Single("bureau-notice");
        o.TriggeredAt.Should().Be(I("2025-02-02T14:00:00Z"));
        o.CountedFrom.Should().Be(I("2025-02-01T08:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-02-02T08:00:00Z"));
        o.Status.Should().Be(ObligationStatus.Overdue);
        o.Explanation.Should().Contain(l => l.Contains("before the trigger: it had already passed when the duty arose"));
    }

    [Fact]
    public void RecurrenceBeyondItsMax_IsNotDroppedSilently()
    {
        // daily-review recurs every day until found, at most 30 times (fixture): 40 days missing.
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T08:00:00Z"), E("reported-missing", "2025-02-01T09:00:00Z"), E("risk-graded", "2025-02-01T09:10:00Z", "high")));
        var a = Evaluate(c, "2025-03-13T09:00:00Z");
        var max = a.Obligations.Count(o => o.Id == "daily-review");
        max.Should().Be(30);
        a.Assumptions.Should().Contain(s => s.StartsWith($"daily-review (episode E1): only its first {max} occurrences are assessed", StringComparison.Ordinal));
        Evaluate(c, "2025-02-05T09:00:00Z").Assumptions.Should().NotContain(s => s.StartsWith("daily-review", StringComparison.Ordinal));
    }

    [Fact]
    public void DeadlineFromAnUnrecordedEvent_IsCountedFromTheTrigger_AndTheAssessmentSaysSo()
    {
        var c = Case(Child(), Episode("E1", E("carer-aware", "2025-02-01T08:00:00Z"), E("reported-missing", "2025-02-01T10:00:00Z")));
        var a = Evaluate(c, "2025-02-01T12:00:00Z");
        var o = a.Single("bureau-notice");
        o.CountedFrom.Should().Be(I("2025-02-01T10:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-02-02T10:00:00Z"));
        a.Assumptions.Should().Contain("bureau-notice (episode E1): its deadline is counted from last-seen, which is not recorded; it is counted from the trigger instead.");
    }

    [Theory]
    [InlineData("2025-02-02T10:00:00Z", false)] // exactly 24h: not "more than"
    [InlineData("2025-02-02T10:01:00Z", true)]
    public void StrictMissingFor_Condition_NeedsMoreThanTheMark(string found, bool applies)
    {
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"), E("found", found)));
        var o = Evaluate(c, "2025-02-03T00:00:00Z").Single("over-24h-review");
        (o.Status != ObligationStatus.NotApplicable).Should().Be(applies);
    }

    [Fact]
    public void MissingFor20WorkingDays_TriggersAtTheEndOfThe20thWorkingDay()
    {
        // Last seen Mon 3 Mar 2025: 20 working days → Mon 31 Mar (no bank holidays), 23:59:59 BST = 22:59:59Z.
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-03-03T10:00:00Z"), E("reported-missing", "2025-03-03T11:00:00Z")));
        var before = Evaluate(c, "2025-03-31T22:59:58Z").Single("long-absence-conference");
        before.Status.Should().Be(ObligationStatus.Upcoming);
        before.TriggeredAt.Should().Be(I("2025-03-31T22:59:59Z"));
        var raised = Evaluate(c, "2025-03-31T22:59:59Z").Single("long-absence-conference");
        raised.Status.Should().Be(ObligationStatus.Pending);
        raised.TriggeredAt.Should().Be(I("2025-03-31T22:59:59Z"));
    }

    [Fact]
    public void MissingDuring_IncludesTheEndOfTheMissingPeriod()
    {
        // Found exactly at 00:00 local: the child was still missing at 00:00.
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-01-31T18:00:00Z"), E("reported-missing", "2025-01-31T18:00:00Z"), E("found", "2025-02-01T00:00:00Z")));
        Evaluate(c, "2025-02-03T00:00:00Z").Single("overnight-review").Status.Should().NotBe(ObligationStatus.NotApplicable);
    }

    [Theory]
    [InlineData("2025-03-04", true)]   // 28th day of the 4 weeks ending 31 Mar
    [InlineData("2025-03-03", false)]  // the day before
    public void EpisodesWithin_CountsLikeALadderWindow(string earlierDate, bool applies)
    {
        var c = Case(Child(),
            Episode("E1", E("last-seen", $"{earlierDate}T09:00:00Z"), E("reported-missing", $"{earlierDate}T10:00:00Z"), E("found", $"{earlierDate}T12:00:00Z")),
            Episode("A1", E("last-seen", "2025-03-20T09:00:00Z"), E("found", "2025-03-20T12:00:00Z")),
            Episode("E2", E("last-seen", "2025-03-31T08:00:00Z"), E("reported-missing", "2025-03-31T09:00:00Z")));
        var o = Evaluate(c, "2025-03-31T10:00:00Z").Obligations.Single(x => x.Id == "two-reports-in-4-weeks" && x.EpisodeId == "E2");
        (o.Status != ObligationStatus.NotApplicable).Should().Be(applies, "the unreported absence A1 does not count");
    }

    [Fact]
    public void LadderWhere_CountsOnlyEpisodesWhoseConditionHolds()
    {
        Episode R(string id, string date) => Episode(id, E("last-seen", $"{date}T09:00:00Z"), E("reported-missing", $"{date}T10:00:00Z"), E("found", $"{date}T20:00:00Z"));
        Evaluate(Case(Child(care: CareStatus.LookedAfter), R("E1", "2025-01-01"), R("E2", "2025-01-10")), "2025-02-01T00:00:00Z")
            .Escalations.Should().ContainSingle(e => e.RungId == "care-meeting");
        Evaluate(Case(Child(care: CareStatus.LivingAtHome), R("E1", "2025-01-01"), R("E2", "2025-01-10")), "2025-02-01T00:00:00Z")
            .Escalations.Should().NotContain(e => e.RungId == "care-meeting");
    }

    [Fact]
    public void Recurrence_ARecordOnABoundaryMeetsOnlyTheOccurrenceItIsDueFor()
    {
        // Regression: a meeting exactly at the end of the first 5 days also met the next 5 days.
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-06-02T08:00:00Z"), E("reported-missing", "2025-06-02T09:00:00Z"),
            E("meeting-held", "2025-06-05T15:00:00Z", "strategy-meeting"), E("meeting-held", "2025-06-10T15:00:00Z", "decline-meeting")));
        var occurrences = Evaluate(c, "2025-06-16T00:00:00Z").Obligations.Where(o => o.Id == "five-day-meetings").ToList();
        occurrences[0].Status.Should().Be(ObligationStatus.MetOnTime);
        occurrences[0].Due!.Utc.Should().Be(I("2025-06-10T15:00:00Z"));
        occurrences[1].Status.Should().Be(ObligationStatus.Overdue);
        occurrences[1].Due!.Utc.Should().Be(I("2025-06-15T15:00:00Z"));
    }
}
