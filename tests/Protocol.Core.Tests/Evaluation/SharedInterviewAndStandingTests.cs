using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// rhi-72h: one interview may cover episodes that began within 7 days of each other, and a standing arrangement
/// recorded before the episode (lasting 6 months unless ended) meets it.
/// </summary>
public class SharedInterviewAndStandingTests
{
    private static EpisodeEvent Rhi(string at) =>
        new(EventType.InterviewCompleted, I(at), Activity: "rhi") { By = "social-worker" };

    private static Episode Found(string id, string lastSeen, string found, params EpisodeEvent[] more) =>
        Episode(id, [E("last-seen", lastSeen), E("reported-missing", lastSeen), E("found", found), .. more]);

    private static ObligationResult RhiOf(Assessment a, string episode) =>
        a.Obligations.Single(o => o.Id == "rhi-72h" && o.EpisodeId == episode);

    [Fact]
    public void Rhi_InterviewRecordedOnTheSecondEpisode_MeetsTheFirst_WhenTheyBeganWithin7Days()
    {
        // E1: last seen Sat 1 Feb 10:00, found 20:00 → due Tue 4 Feb 20:00. E2 begins Mon 3 Feb 10:00 (2 days later),
        // found 18:00; the interview on E2 at Tue 4 Feb 10:00 meets both, on time.
        var c = Case(Child(),
            Found("E1", "2025-02-01T10:00:00Z", "2025-02-01T20:00:00Z"),
            Found("E2", "2025-02-03T10:00:00Z", "2025-02-03T18:00:00Z", Rhi("2025-02-04T10:00:00Z")));
        var a = Evaluate(c, "2025-02-05T00:00:00Z");
        var first = RhiOf(a, "E1");
        first.Status.Should().Be(ObligationStatus.MetOnTime);
        first.MetBy!.At.Should().Be(I("2025-02-04T10:00:00Z"));
        first.Due!.Utc.Should().Be(I("2025-02-04T20:00:00Z"));
        RhiOf(a, "E2").Status.Should().Be(ObligationStatus.MetOnTime);
    }

    [Fact]
    public void Rhi_InterviewRecordedOnAnEpisode3WeeksLater_DoesNotMeetTheFirst()
    {
        // E1 (1 Feb) due 4 Feb 20:00; E2 begins 22 Feb: the interview on 23 Feb meets E2 only.
        var c = Case(Child(),
            Found("E1", "2025-02-01T10:00:00Z", "2025-02-01T20:00:00Z"),
            Found("E2", "2025-02-22T10:00:00Z", "2025-02-22T18:00:00Z", Rhi("2025-02-23T10:00:00Z")));
        var a = Evaluate(c, "2025-02-24T00:00:00Z");
        RhiOf(a, "E1").Status.Should().Be(ObligationStatus.Overdue);
        RhiOf(a, "E1").MetBy.Should().BeNull();
        RhiOf(a, "E2").Status.Should().Be(ObligationStatus.MetOnTime);
    }

    [Theory]
    [InlineData("2025-02-08T10:00:00Z", true)]    // began exactly 7 days after E1 (1 Feb 10:00)
    [InlineData("2025-02-08T10:01:00Z", false)]   // 7 days and a minute
    public void Rhi_SharedWindow_7DaysBetweenTheStarts(string secondStart, bool shared)
    {
        // E1's due time (4 Feb 20:00) has passed before E2 begins: a shared interview meets it late.
        var c = Case(Child(),
            Found("E1", "2025-02-01T10:00:00Z", "2025-02-01T20:00:00Z"),
            Episode("E2", E("last-seen", secondStart), E("reported-missing", secondStart), E("found", "2025-02-08T18:00:00Z"), Rhi("2025-02-09T10:00:00Z")));
        var first = RhiOf(Evaluate(c, "2025-02-10T00:00:00Z"), "E1");
        first.Status.Should().Be(shared ? ObligationStatus.MetLate : ObligationStatus.Overdue);
        (first.MetBy is not null).Should().Be(shared);
    }

    [Fact]
    public void Rhi_SharedInterviewDoneByTheCarer_DoesNotMeetEither()
    {
        var carer = new EpisodeEvent(EventType.InterviewCompleted, I("2025-02-04T10:00:00Z"), Activity: "rhi") { By = "carer" };
        var c = Case(Child(),
            Found("E1", "2025-02-01T10:00:00Z", "2025-02-01T20:00:00Z"),
            Found("E2", "2025-02-03T10:00:00Z", "2025-02-03T18:00:00Z", carer));
        var a = Evaluate(c, "2025-02-04T12:00:00Z");
        RhiOf(a, "E1").Status.Should().Be(ObligationStatus.Pending);
        RhiOf(a, "E2").Status.Should().Be(ObligationStatus.Pending);
    }

    [Fact]
    public void ReturnInterview_NotShared_InterviewOnAnotherEpisodeDoesNotMeetIt()
    {
        // return-interview has no 'shared-across-episodes': the interview recorded on E2 meets E2's only.
        var c = Case(Child(),
            Found("E1", "2025-02-01T10:00:00Z", "2025-02-01T20:00:00Z", E("return-notified", "2025-02-01T21:00:00Z")),
            Found("E2", "2025-02-03T10:00:00Z", "2025-02-03T18:00:00Z", E("return-notified", "2025-02-03T19:00:00Z"),
                E("interview-completed", "2025-02-04T10:00:00Z", "interview")));
        var a = Evaluate(c, "2025-02-04T12:00:00Z");
        a.Obligations.Single(o => o.Id == "return-interview" && o.EpisodeId == "E1").Status.Should().Be(ObligationStatus.Pending);
        a.Obligations.Single(o => o.Id == "return-interview" && o.EpisodeId == "E2").Status.Should().Be(ObligationStatus.MetOnTime);
    }

    // --- Standing arrangements -------------------------------------------------------------------------------------

    private static EpisodeEvent Action(string activity, string at) => E("action-completed", at, activity);

    // Found Sat 1 Mar 2025 12:00 GMT → rhi-72h raised then, due Tue 4 Mar 12:00.
    private static ChildCase WithRecords(params EpisodeEvent[] records) =>
        new(Child(), [Found("E1", "2025-03-01T08:00:00Z", "2025-03-01T12:00:00Z")], records);

    [Fact]
    public void Rhi_StandingArrangementBeforeTheEpisode_MeetsIt()
    {
        var a = Evaluate(WithRecords(Action("standing-arrangement", "2025-01-15T10:00:00Z")), "2025-03-10T00:00:00Z");
        var o = a.Single("rhi-72h");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetBy!.Event.Should().Be("action-completed:standing-arrangement");
        o.MetBy.At.Should().Be(I("2025-01-15T10:00:00Z"));
        o.Explanation.Should().Contain("Met on time: a standing arrangement in force at the trigger (action-completed:standing-arrangement at 2025-01-15T10:00:00+00:00).");
    }

    [Theory]
    [InlineData("2024-09-01T11:00:00Z", true)]   // 12:00 BST 1 Sep + 6 months = 12:00 GMT 1 Mar: exactly at the trigger
    [InlineData("2024-09-01T10:59:00Z", false)]  // 11:59 BST 1 Sep + 6 months = 11:59 GMT 1 Mar: ran out a minute before
    [InlineData("2024-08-31T11:00:00Z", false)]  // 12:00 BST 31 Aug + 6 months = 12:00 GMT 28 Feb (no 31 Feb): ran out a day before
    [InlineData("2024-09-02T11:00:00Z", true)]   // well inside
    public void Rhi_StandingArrangement_Lasts6Months(string recorded, bool inForce)
    {
        var o = Evaluate(WithRecords(Action("standing-arrangement", recorded)), "2025-03-10T00:00:00Z").Single("rhi-72h");
        o.Status.Should().Be(inForce ? ObligationStatus.MetOnTime : ObligationStatus.Overdue);
    }

    [Fact]
    public void Rhi_StandingArrangementEndedBeforeTheEpisode_DoesNotMeetIt()
    {
        var o = Evaluate(WithRecords(Action("standing-arrangement", "2025-01-15T10:00:00Z"), Action("arrangement-ended", "2025-02-15T10:00:00Z")),
            "2025-03-10T00:00:00Z").Single("rhi-72h");
        o.Status.Should().Be(ObligationStatus.Overdue);
        o.MetBy.Should().BeNull();
    }

    [Fact]
    public void Rhi_StandingArrangementEndedAfterTheTrigger_StillMetIt()
    {
        // In force when the child was found (1 Mar 12:00); ended on 2 Mar.
        var o = Evaluate(WithRecords(Action("standing-arrangement", "2025-01-15T10:00:00Z"), Action("arrangement-ended", "2025-03-02T10:00:00Z")),
            "2025-03-10T00:00:00Z").Single("rhi-72h");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
    }

    [Fact]
    public void Rhi_ArrangementEndedThenAgreedAgain_TheNewOneMeetsIt()
    {
        var o = Evaluate(WithRecords(Action("standing-arrangement", "2025-01-15T10:00:00Z"), Action("arrangement-ended", "2025-02-01T10:00:00Z"),
            Action("standing-arrangement", "2025-02-10T10:00:00Z")), "2025-03-10T00:00:00Z").Single("rhi-72h");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetBy!.At.Should().Be(I("2025-02-10T10:00:00Z"));
    }

    [Fact]
    public void Rhi_StandingArrangementAfterTheTrigger_DoesNotMeetIt()
    {
        var o = Evaluate(WithRecords(Action("standing-arrangement", "2025-03-02T10:00:00Z")), "2025-03-10T00:00:00Z").Single("rhi-72h");
        o.Status.Should().Be(ObligationStatus.Overdue);
    }
}
