using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>exploitation-meeting (a "consider" duty): a decision is required until the meeting is held or a decision on it is recorded.</summary>
public class ConsiderDutyTests
{
    // Mon 3 Feb 2025 11:00 GMT report; 5 working days (Tue 4 … Mon 10 Feb) → due Mon 10 Feb 23:59:59.
    private static ChildCase Reported(params EpisodeEvent[] more) => Case(Child(flags: "exploitation-risk"), Episode("E1",
        [E("last-seen", "2025-02-03T10:00:00Z"), E("reported-missing", "2025-02-03T11:00:00Z"), .. more]));

    [Theory]
    [InlineData("2025-02-03T11:00:00Z", ObligationStatus.DecisionRequired)]
    [InlineData("2025-02-10T23:59:59Z", ObligationStatus.DecisionRequired)]
    [InlineData("2025-02-11T00:00:00Z", ObligationStatus.Overdue)]
    public void ExploitationMeeting_Undecided_IsDecisionRequiredUntilDue(string at, ObligationStatus status)
    {
        var o = Evaluate(Reported(), at).Single("exploitation-meeting");
        o.Status.Should().Be(status);
        o.Due!.Utc.Should().Be(I("2025-02-10T23:59:59Z"));
    }

    [Theory]
    [InlineData("meeting-held")]
    [InlineData("decision-recorded")]
    public void ExploitationMeeting_MetByTheMeetingOrADecisionOnIt(string type)
    {
        var o = Evaluate(Reported(E(type, "2025-02-05T10:00:00Z", "stage-1-meeting")), "2025-02-12T00:00:00Z").Single("exploitation-meeting");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetBy!.Event.Should().Be($"{type}:stage-1-meeting");
    }

    [Fact]
    public void ExploitationMeeting_DecisionRecordedAfterTheDeadline_IsMetLate()
    {
        var o = Evaluate(Reported(E("decision-recorded", "2025-02-11T00:00:00Z", "stage-1-meeting")), "2025-02-12T00:00:00Z").Single("exploitation-meeting");
        o.Status.Should().Be(ObligationStatus.MetLate);
    }

    [Fact]
    public void ExploitationMeeting_DecisionOnAnotherActivity_DoesNotMeetIt()
    {
        var o = Evaluate(Reported(E("decision-recorded", "2025-02-05T10:00:00Z", "stage-2-meeting")), "2025-02-06T00:00:00Z").Single("exploitation-meeting");
        o.Status.Should().Be(ObligationStatus.DecisionRequired);
        o.MetBy.Should().BeNull();
    }

    [Fact]
    public void ExploitationMeeting_DecisionBeforeTheReport_DoesNotMeetIt()
    {
        var o = Evaluate(Reported(E("decision-recorded", "2025-02-03T10:30:00Z", "stage-1-meeting")), "2025-02-06T00:00:00Z").Single("exploitation-meeting");
        o.Status.Should().Be(ObligationStatus.DecisionRequired);
    }

    [Fact]
    public void OrdinaryDuty_DecisionRecordedOnItsActivity_DoesNotMeetIt()
    {
        // high-risk-meeting is a duty, not a "consider": a decision on the strategy meeting is not the meeting.
        var o = Evaluate(Reported(E("risk-graded", "2025-02-03T11:00:00Z", "high"), E("decision-recorded", "2025-02-03T12:00:00Z", "strategy-meeting")),
            "2025-02-04T00:00:00Z").Single("high-risk-meeting");
        o.Status.Should().Be(ObligationStatus.Pending);
    }
}
