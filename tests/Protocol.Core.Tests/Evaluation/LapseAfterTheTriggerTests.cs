using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// A lapse event counts only once the duty has arisen (docs/lifecycle.md), even where an earlier record may meet it
/// (met-since: episode-start): whereabouts known and then lost again before the 2-hour mark do not lapse the plan.
/// </summary>
public class LapseAfterTheTriggerTests
{
    // Last seen 10:00; the contingency plan arises at 12:00 (missing 2h), due 13:00.
    private static Episode Episode(params EpisodeEvent[] more) =>
        Fixtures.Fixture.Episode("E1", [E("last-seen", "2025-02-03T10:00:00Z"), E("reported-missing", "2025-02-03T10:05:00Z"), .. more]);

    [Fact]
    public void WhereaboutsKnownBeforeTheDutyArose_DoesNotLapseIt()
    {
        var c = Case(Child(), Episode(E("whereabouts-known", "2025-02-03T10:30:00Z"), E("whereabouts-lost", "2025-02-03T11:00:00Z")));
        var o = Evaluate(c, "2025-02-03T12:30:00Z").Single("contingency-plan");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Due!.Utc.Should().Be(I("2025-02-03T13:00:00Z"));
    }

    [Theory]
    [InlineData("2025-02-03T12:00:00Z", ObligationStatus.Lapsed)]   // at the moment it arose
    [InlineData("2025-02-03T12:15:00Z", ObligationStatus.Lapsed)]
    [InlineData("2025-02-03T13:00:01Z", ObligationStatus.Overdue)]  // after it became late: already late
    public void WhereaboutsKnownAfterItArose_LapsesIt_UnlessAlreadyLate(string known, ObligationStatus status)
    {
        var c = Case(Child(), Episode(E("whereabouts-known", known)));
        Evaluate(c, "2025-02-03T14:00:00Z").Single("contingency-plan").Status.Should().Be(status);
    }

    [Fact]
    public void APlanMadeBeforeTheMark_StillMeetsIt()
    {
        var c = Case(Child(), Episode(E("action-completed", "2025-02-03T11:00:00Z", "contingency-plan")));
        Evaluate(c, "2025-02-03T14:00:00Z").Single("contingency-plan").Status.Should().Be(ObligationStatus.MetOnTime);
    }

    [Fact]
    public void ADutyRaisedAfterTheChildWasBack_LapsesAtOnce_OnTheEventThatEndedTheAbsence()
    {
        // Last seen 08:00, found 10:00, reported 11:00 (a report made after the return): the search is not needed.
        var c = Case(Child(), Fixtures.Fixture.Episode("E1", E("last-seen", "2025-02-03T08:00:00Z"), E("found", "2025-02-03T10:00:00Z"),
            E("reported-missing", "2025-02-03T11:00:00Z")));
        var o = Evaluate(c, "2025-02-03T14:00:00Z").Single("search-while-missing");
        o.Status.Should().Be(ObligationStatus.Lapsed);
        o.TriggeredAt.Should().Be(I("2025-02-03T11:00:00Z"));
        o.Explanation.Should().Contain("Lapsed: found at 2025-02-03T10:00:00+00:00, before it was met or due.");
    }

    [Fact]
    public void ADutyRaisedWhileTheChildIsStillMissing_IsNotLapsedByAnEarlierEpisodesReturn()
    {
        var c = Case(Child(),
            Fixtures.Fixture.Episode("E1", E("last-seen", "2025-02-01T08:00:00Z"), E("reported-missing", "2025-02-01T09:00:00Z"), E("found", "2025-02-01T12:00:00Z")),
            Fixtures.Fixture.Episode("E2", E("last-seen", "2025-02-03T08:00:00Z"), E("reported-missing", "2025-02-03T11:00:00Z")));
        Evaluate(c, "2025-02-03T11:30:00Z").Obligations.Single(o => o.Id == "search-while-missing" && o.EpisodeId == "E2").Status.Should().Be(ObligationStatus.Pending);
    }
}
