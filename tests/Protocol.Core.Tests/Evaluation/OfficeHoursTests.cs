using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// duty-call applies in office hours (09:00–17:00 on working days, Friday 09:00–16:30, Europe/London), or out of hours
/// only if high risk or looked after; judged at the report.
/// </summary>
public class OfficeHoursTests
{
    private static ChildCase ReportedAt(string report, CareStatus care = CareStatus.LivingAtHome, params EpisodeEvent[] more)
    {
        var at = I(report);
        return Case(Child(care: care), Episode("E1",
            [new EpisodeEvent(EventType.LastSeen, at - NodaTime.Duration.FromHours(1)), new EpisodeEvent(EventType.ReportedMissing, at), .. more]));
    }

    [Theory]
    [InlineData("2025-02-06T16:45:00Z", true)]   // Thu 6 Feb 16:45 GMT: before 17:00
    [InlineData("2025-02-06T16:59:59Z", true)]   // Thu, a second before closing
    [InlineData("2025-02-06T17:00:00Z", false)]  // Thu 17:00: closed (the end is exclusive)
    [InlineData("2025-02-07T16:29:00Z", true)]   // Fri 7 Feb 16:29: before the Friday close at 16:30
    [InlineData("2025-02-07T16:30:00Z", false)]  // Fri 16:30: closed
    [InlineData("2025-02-07T16:45:00Z", false)]  // Fri 16:45: open on other days, not on Friday
    [InlineData("2025-02-08T12:00:00Z", false)]  // Sat 8 Feb noon
    [InlineData("2025-02-03T08:59:00Z", false)]  // Mon 3 Feb 08:59 GMT
    [InlineData("2025-02-03T09:00:00Z", true)]   // Mon 09:00 GMT: open (the start is inclusive)
    [InlineData("2025-05-26T11:00:00Z", false)]  // Mon 26 May 12:00 BST: bank holiday
    [InlineData("2025-05-27T11:00:00Z", true)]   // Tue 27 May 12:00 BST: the working day after
    [InlineData("2025-06-03T07:59:00Z", false)]  // Tue 3 Jun 08:59 BST
    [InlineData("2025-06-03T08:00:00Z", true)]   // Tue 3 Jun 09:00 BST (08:00Z, which would be before 09:00 in GMT)
    [InlineData("2025-06-03T15:59:00Z", true)]   // 16:59 BST
    [InlineData("2025-06-03T16:00:00Z", false)]  // 17:00 BST (16:00Z, which would be open in GMT)
    [InlineData("2025-06-06T15:29:00Z", true)]   // Fri 6 Jun 16:29 BST
    [InlineData("2025-06-06T15:30:00Z", false)]  // Fri 6 Jun 16:30 BST
    public void DutyCall_ChildAtHomeNotHighRisk_AppliesOnlyInOfficeHours(string report, bool applies)
    {
        var o = Evaluate(ReportedAt(report), report).Single("duty-call");
        (o.Status != ObligationStatus.NotApplicable).Should().Be(applies, string.Join(" | ", o.Explanation));
        o.Explanation.Should().Contain(l => l.Contains($"{(applies ? "holds" : "does not hold")}: within office hours"));
        if (applies)
        {
            o.Due!.Utc.Should().Be(I(report) + NodaTime.Duration.FromHours(1)); // within 1h of the report
            o.Status.Should().Be(ObligationStatus.Pending);
        }
    }

    [Theory]
    [InlineData("2025-02-07T16:45:00Z")] // Friday after closing
    [InlineData("2025-02-08T12:00:00Z")] // Saturday
    [InlineData("2025-05-26T11:00:00Z")] // bank holiday
    public void DutyCall_OutOfHours_AppliesToALookedAfterChild(string report)
    {
        var o = Evaluate(ReportedAt(report, CareStatus.LookedAfter), report).Single("duty-call");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Explanation.Should().Contain(l => l.Contains("holds: care status is looked-after"));
    }

    [Theory]
    [InlineData("high", true)]
    [InlineData("medium", false)]
    public void DutyCall_OutOfHours_AppliesToAChildAtHomeOnlyIfHighRisk(string risk, bool applies)
    {
        // Sat 8 Feb 12:00, graded at the report.
        var report = "2025-02-08T12:00:00Z";
        var o = Evaluate(ReportedAt(report, CareStatus.LivingAtHome, new EpisodeEvent(EventType.RiskGraded, I(report), Level: risk)), "2025-02-08T12:30:00Z").Single("duty-call");
        (o.Status != ObligationStatus.NotApplicable).Should().Be(applies);
    }

    [Fact]
    public void DutyCall_MetByTheCall_OnTimeWithinTheHour()
    {
        var report = "2025-02-06T16:45:00Z";
        var call = new EpisodeEvent(EventType.NotificationSent, I("2025-02-06T17:45:00Z"), Activity: "duty-call");
        Evaluate(ReportedAt(report, CareStatus.LivingAtHome, call), "2025-02-07T00:00:00Z").Single("duty-call").Status.Should().Be(ObligationStatus.MetOnTime);
    }

    [Fact]
    public void DutyCall_ReportInHours_RecategorisedMissingAfterHours_IsJudgedWhenItBecameMissing()
    {
        // Reported Thu 6 Feb 16:45 (in hours) but categorised absent; re-categorised missing at 18:00 (out of hours):
        // the duty arises at 18:00, when office hours do not hold.
        var c = ReportedAt("2025-02-06T16:45:00Z", CareStatus.LivingAtHome,
            new EpisodeEvent(EventType.Categorised, I("2025-02-06T16:45:00Z")) { Category = "absent" },
            new EpisodeEvent(EventType.Categorised, I("2025-02-06T18:00:00Z")) { Category = "missing" });
        var o = Evaluate(c, "2025-02-06T19:00:00Z").Single("duty-call");
        o.Status.Should().Be(ObligationStatus.NotApplicable);
        o.TriggeredAt.Should().Be(I("2025-02-06T18:00:00Z"));
        o.Explanation.Should().Contain(l => l.Contains("does not hold: within office hours"));
    }
}
