using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>Counting repeat episodes in a window; rungs reached on entry.</summary>
public class LadderTests
{
    private static Episode Reported(string id, string date) =>
        Episode(id, E("last-seen", $"{date}T09:00:00Z"), E("reported-missing", $"{date}T10:00:00Z"), E("found", $"{date}T20:00:00Z"));

    [Fact]
    public void ThirdEpisode_On90thDayOfTheWindow_ReachesStage1()
    {
        // Trigger 31 Mar 2025; 90 days ending on it start on 1 Jan 2025 (89 days earlier).
        var c = Case(Child(), Reported("E1", "2025-01-01"), Reported("E2", "2025-02-10"), Reported("E3", "2025-03-31"));
        var a = Evaluate(c, "2025-04-01T00:00:00Z");
        var e = a.Escalations.Where(x => x.LadderId == "repeat").Should().ContainSingle().Subject;
        e.RungId.Should().Be("stage-1");
        e.Count.Should().Be(3);
        e.WindowFrom.Should().Be(new NodaTime.LocalDate(2025, 1, 1));
        e.TriggerEpisodeId.Should().Be("E3");
        // Reported Mon 31 Mar 10:00Z; working days Tue 1, Wed 2, Thu 3, Fri 4, Mon 7 Apr → 23:59:59 BST = 22:59:59Z.
        e.Due!.Utc.Should().Be(I("2025-04-07T22:59:59Z"));
        e.Chair!.Id.Should().Be("manager");
    }

    [Fact]
    public void FirstEpisode_On91stDay_FallsOutsideTheWindow()
    {
        var c = Case(Child(), Reported("E1", "2024-12-31"), Reported("E2", "2025-02-10"), Reported("E3", "2025-03-31"));
        Evaluate(c, "2025-04-01T00:00:00Z").Escalations.Where(x => x.LadderId == "repeat").Should().BeEmpty();
    }

    [Fact]
    public void FourthEpisode_InsideTheRung_DoesNotReachItAgain()
    {
        var c = Case(Child(), Reported("E1", "2025-01-01"), Reported("E2", "2025-01-10"), Reported("E3", "2025-01-20"), Reported("E4", "2025-01-30"));
        var a = Evaluate(c, "2025-02-01T00:00:00Z");
        a.Escalations.Where(x => x.LadderId == "repeat").Should().ContainSingle(e => e.RungId == "stage-1").Which.TriggerEpisodeId.Should().Be("E3");
        a.Ladders.Should().ContainSingle(l => l.LadderId == "repeat").Which.HighestRungReached.Should().Be("stage-1");
    }

    [Fact]
    public void SixthEpisode_ReachesStage2()
    {
        var episodes = Enumerable.Range(1, 6).Select(i => Reported($"E{i}", $"2025-01-{i * 3:00}")).ToArray();
        var a = Evaluate(Case(Child(), episodes), "2025-02-01T00:00:00Z");
        a.Escalations.Where(x => x.LadderId == "repeat").Select(e => (e.RungId, e.TriggerEpisodeId)).Should().Equal(("stage-1", "E3"), ("stage-2", "E6"));
    }

    [Fact]
    public void MeetingRecordedAtChildLevel_MeetsTheRung()
    {
        var c = new ChildCase(Child(), [Reported("E1", "2025-01-01"), Reported("E2", "2025-01-10"), Reported("E3", "2025-01-20")],
            [E("meeting-held", "2025-01-22T10:00:00Z", "stage-1-meeting")]);
        Evaluate(c, "2025-02-01T00:00:00Z").Escalations.Single(x => x.LadderId == "repeat").Status.Should().Be(ObligationStatus.MetOnTime);
    }

    [Fact]
    public void UnreportedAbsences_DoNotCount()
    {
        var absent = Episode("A1", E("last-seen", "2025-01-05T09:00:00Z"), E("found", "2025-01-05T12:00:00Z"));
        var c = Case(Child(), Reported("E1", "2025-01-01"), absent, Reported("E2", "2025-01-10"));
        Evaluate(c, "2025-02-01T00:00:00Z").Escalations.Where(x => x.LadderId == "repeat").Should().BeEmpty();
    }
}
