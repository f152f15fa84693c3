using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// Duties to tell several people (one result per recipient, each met by a record naming them) and duties that must,
/// or must not, be done by a given role.
/// </summary>
public class RecipientsAndPerformersTests
{
    private static EpisodeEvent Notice(string at, string? recipient) =>
        new(EventType.NotificationSent, I(at), Activity: "missing-notice") { Recipient = recipient };

    private static EpisodeEvent Interview(string activity, string at, string? by) =>
        new(EventType.InterviewCompleted, I(at), Activity: activity) { By = by };

    // Mon 3 Feb 2025 (GMT): last seen 10:00, reported 11:00 → tell-people due the same working day, 23:59:59.
    private static ChildCase Reported(params EpisodeEvent[] more) => Case(Child(),
        Episode("E1", [E("last-seen", "2025-02-03T10:00:00Z"), E("reported-missing", "2025-02-03T11:00:00Z"), .. more]));

    private static List<ObligationResult> TellPeople(Assessment a) => a.Obligations.Where(o => o.Id == "tell-people").ToList();

    [Fact]
    public void TellPeople_GivesOneResultPerRecipient()
    {
        var results = TellPeople(Evaluate(Reported(), "2025-02-03T12:00:00Z"));
        results.Select(o => o.Recipient!.Id).Should().BeEquivalentTo("police", "parent", "head-teacher");
        results.Should().OnlyContain(o => o.Status == ObligationStatus.Pending && o.Due!.Utc == I("2025-02-03T23:59:59Z"));
        results.Should().Contain(o => o.Recipient!.Id == "head-teacher" && o.Explanation.Contains("Recipient: Head teacher (head-teacher); met by a record naming them."));
    }

    [Fact]
    public void TellPeople_EachRecipientMetOnlyByANoticeNamingThem_OneOutstandingIsVisibleOnItsOwn()
    {
        var a = Evaluate(Reported(Notice("2025-02-03T12:00:00Z", "parent"), Notice("2025-02-03T13:00:00Z", "police")), "2025-02-04T00:00:00Z");
        var byRecipient = TellPeople(a).ToDictionary(o => o.Recipient!.Id);
        byRecipient["parent"].Status.Should().Be(ObligationStatus.MetOnTime);
        byRecipient["parent"].MetBy!.At.Should().Be(I("2025-02-03T12:00:00Z"));
        byRecipient["police"].Status.Should().Be(ObligationStatus.MetOnTime);
        byRecipient["police"].MetBy!.At.Should().Be(I("2025-02-03T13:00:00Z"));
        byRecipient["head-teacher"].Status.Should().Be(ObligationStatus.Overdue); // past 3 Feb 23:59:59
        byRecipient["head-teacher"].MetBy.Should().BeNull();
    }

    [Theory]
    [InlineData("2025-02-03T23:59:59Z", ObligationStatus.Pending)]
    [InlineData("2025-02-04T00:00:00Z", ObligationStatus.Overdue)]
    public void TellPeople_OutstandingRecipient_PendingToTheEndOfTheWorkingDay(string at, ObligationStatus status)
    {
        var a = Evaluate(Reported(Notice("2025-02-03T12:00:00Z", "parent"), Notice("2025-02-03T12:00:00Z", "police")), at);
        TellPeople(a).Single(o => o.Recipient!.Id == "head-teacher").Status.Should().Be(status);
    }

    [Theory]
    [InlineData(null)]       // a notice that names nobody
    [InlineData("carer")]    // a notice to someone not on the list
    public void TellPeople_NoticeNotNamingARecipientOnTheList_MeetsNone(string? recipient)
    {
        var a = Evaluate(Reported(Notice("2025-02-03T12:00:00Z", recipient)), "2025-02-03T13:00:00Z");
        TellPeople(a).Should().HaveCount(3).And.OnlyContain(o => o.Status == ObligationStatus.Pending && o.MetBy == null);
        // The single-result duty met by the same activity takes it, whoever it names (notice at 12:00, 1h after the report).
        a.Single("tell-carer-immediately").Status.Should().Be(ObligationStatus.MetOnTime);
    }

    [Fact]
    public void TellPeople_NoticeBeforeTheReport_DoesNotMeetIt()
    {
        var a = Evaluate(Reported(Notice("2025-02-03T10:30:00Z", "parent")), "2025-02-03T13:00:00Z");
        TellPeople(a).Single(o => o.Recipient!.Id == "parent").Status.Should().Be(ObligationStatus.Pending);
    }

    // --- Performers ----------------------------------------------------------------------------------------------------

    // Found Mon 3 Feb 20:00 → rhi-72h due Thu 6 Feb 20:00; independent-debrief due 5 days later, Sat 8 Feb 20:00.
    private static ChildCase Found(params EpisodeEvent[] more) => Case(Child(), Episode("E1",
        [E("last-seen", "2025-02-03T10:00:00Z"), E("reported-missing", "2025-02-03T11:00:00Z"), E("found", "2025-02-03T20:00:00Z"), .. more]));

    [Fact]
    public void Rhi_InterviewByTheCarer_DoesNotMeetIt_AndTheExplanationSaysWhy()
    {
        var o = Evaluate(Found(Interview("rhi", "2025-02-04T10:00:00Z", "carer")), "2025-02-05T10:00:00Z").Single("rhi-72h");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.MetBy.Should().BeNull();
        o.Explanation.Should().Contain("Not met by interview-completed:rhi at 2025-02-04T10:00:00+00:00: it was done by carer, and it must not be done by carer.");
        Evaluate(Found(Interview("rhi", "2025-02-04T10:00:00Z", "carer")), "2025-02-06T20:00:01Z").Single("rhi-72h").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void Rhi_InterviewBySocialWorker_MeetsIt()
    {
        var a = Evaluate(Found(Interview("rhi", "2025-02-04T10:00:00Z", "social-worker")), "2025-02-07T00:00:00Z");
        var o = a.Single("rhi-72h");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetBy!.At.Should().Be(I("2025-02-04T10:00:00Z"));
        a.Assumptions.Should().NotContain(s => s.StartsWith("rhi-72h"));
    }

    [Fact]
    public void Rhi_CarerThenSocialWorker_MetByTheSocialWorkersInterview()
    {
        var a = Evaluate(Found(Interview("rhi", "2025-02-04T10:00:00Z", "carer"), Interview("rhi", "2025-02-06T20:00:00Z", "social-worker")), "2025-02-07T00:00:00Z");
        var o = a.Single("rhi-72h");
        o.Status.Should().Be(ObligationStatus.MetOnTime); // exactly at the deadline, 20:00 + 72h
        o.MetBy!.At.Should().Be(I("2025-02-06T20:00:00Z"));
        o.Explanation.Should().Contain(l => l.StartsWith("Not met by interview-completed:rhi at 2025-02-04T10:00:00+00:00"));
    }

    [Fact]
    public void Rhi_InterviewThatDoesNotSayWhoDidIt_MeetsIt_WithAnAssumption()
    {
        var a = Evaluate(Found(Interview("rhi", "2025-02-04T10:00:00Z", null)), "2025-02-07T00:00:00Z");
        a.Single("rhi-72h").Status.Should().Be(ObligationStatus.MetOnTime);
        a.Assumptions.Should().Contain("rhi-72h (episode E1): a record that meets it does not say who did it; it is taken not to be carer.");
    }

    [Theory]
    [InlineData(null, false, "it does not say who did it")]
    [InlineData("social-worker", false, "it was done by social-worker")]
    [InlineData("independent-worker", true, null)]
    public void IndependentDebrief_MetOnlyByARecordDoneByTheIndependentWorker(string? by, bool met, string? reason)
    {
        var a = Evaluate(Found(Interview("debrief", "2025-02-05T10:00:00Z", by)), "2025-02-06T00:00:00Z");
        var o = a.Single("independent-debrief");
        o.Status.Should().Be(met ? ObligationStatus.MetOnTime : ObligationStatus.Pending);
        o.Due!.Utc.Should().Be(I("2025-02-08T20:00:00Z"));
        if (reason is not null)
            o.Explanation.Should().Contain($"Not met by interview-completed:debrief at 2025-02-05T10:00:00+00:00: {reason}, and it must be done by independent-worker.");
        // The plain debrief duty (no performer rule) is met by the same record, whoever did it.
        a.Single("debrief").Status.Should().Be(ObligationStatus.MetOnTime);
    }
}
