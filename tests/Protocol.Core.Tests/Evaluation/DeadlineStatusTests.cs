using Protocol.Core.Evaluation;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>Exactly-at and one-minute-past each kind of deadline.</summary>
public class DeadlineStatusTests
{
    private static Protocol.Core.Model.ChildCase Returned(params Protocol.Core.Model.EpisodeEvent[] more) => Case(Child(),
        Episode("E1", [E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T12:00:00Z"), E("found", "2025-02-02T09:00:00Z"),
            E("return-notified", "2025-02-02T10:00:00Z"), .. more]));

    [Fact]
    public void ReturnInterview_MetExactlyAtTheDeadline_IsOnTime()
    {
        var a = Evaluate(Returned(E("interview-completed", "2025-02-05T10:00:00Z", "interview")), "2025-02-06T00:00:00Z");
        var o = a.Single("return-interview");
        o.Due!.Utc.Should().Be(I("2025-02-05T10:00:00Z"));
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetBy!.At.Should().Be(I("2025-02-05T10:00:00Z"));
        o.Citation.Should().Be("§F2");
    }

    [Fact]
    public void ReturnInterview_MetOneMinuteLate_IsMetLate()
    {
        var a = Evaluate(Returned(E("interview-completed", "2025-02-05T10:01:00Z", "interview")), "2025-02-06T00:00:00Z");
        a.Single("return-interview").Status.Should().Be(ObligationStatus.MetLate);
    }

    [Fact]
    public void ReturnInterview_NotMet_IsPendingAtTheDeadline_AndOverdueOneMinuteAfter()
    {
        var atDue = Evaluate(Returned(), "2025-02-05T10:00:00Z").Single("return-interview");
        atDue.Status.Should().Be(ObligationStatus.Pending);
        atDue.Explanation[^1].Should().Be("Pending: 0s left at 2025-02-05T10:00:00+00:00.");
        Evaluate(Returned(), "2025-02-05T09:59:00Z").Single("return-interview").Explanation[^1]
            .Should().Be("Pending: 1m left at 2025-02-05T09:59:00+00:00.");
        var late = Evaluate(Returned(), "2025-02-05T10:01:00Z").Single("return-interview");
        late.Status.Should().Be(ObligationStatus.Overdue);
        late.Explanation.Should().Contain(l => l.StartsWith("Overdue") && l.Contains("1m past"));
    }

    [Fact]
    public void Record_AfterTheEvaluationInstant_IsNotSeen()
    {
        var a = Evaluate(Returned(E("interview-completed", "2025-02-04T10:00:00Z", "interview")), "2025-02-03T10:00:00Z");
        a.Single("return-interview").Status.Should().Be(ObligationStatus.Pending);
    }

    [Fact]
    public void SameWorkingDay_TriggeredOnSaturday_IsDueEndOfMonday()
    {
        // Reported Sat 8 Feb 2025 → due 23:59:59 GMT Mon 10 Feb.
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-08T08:00:00Z"), E("reported-missing", "2025-02-08T09:00:00Z")));
        var o = Evaluate(c, "2025-02-10T23:59:59Z").Single("under-18-notice");
        o.Due!.Utc.Should().Be(I("2025-02-10T23:59:59Z"));
        o.Status.Should().Be(ObligationStatus.Pending);
        Evaluate(c, "2025-02-11T00:00:00Z").Single("under-18-notice").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void NextWorkingDayByNoon_AfterFridayReport_IsMondayNoon()
    {
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-07T16:00:00Z"), E("reported-missing", "2025-02-07T17:00:00Z")));
        Evaluate(c, "2025-02-07T18:00:00Z").Single("school-notice").Due!.Utc.Should().Be(I("2025-02-10T12:00:00Z"));
    }

    [Fact]
    public void Immediately_IsNeverOverdue_AndShownAsImmediate()
    {
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z")));
        var o = Evaluate(c, "2025-02-09T10:00:00Z").Single("strategy-72h");
        o.Due!.Immediate.Should().BeTrue();
        o.Due.Utc.Should().Be(I("2025-02-04T10:00:00Z"));
        o.Status.Should().Be(ObligationStatus.Pending);
    }

    [Fact]
    public void EveryResult_CarriesItsCitation_AndAnExplanation()
    {
        var a = Evaluate(Returned(), "2025-02-10T00:00:00Z");
        a.Obligations.Should().NotBeEmpty();
        a.Obligations.Should().OnlyContain(o => o.Citation.StartsWith("§F") && o.Explanation.Count > 0);
    }
}
