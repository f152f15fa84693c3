using NodaTime;
using NodaTime.Text;
using Protocol.Core.Cases;
using Protocol.Core.Evaluation;

namespace Protocol.Profiles.Tests;

/// <summary>
/// One looked-after child, three police-reported episodes (12 Sep, 10 Oct, 31 Oct 2025; the third graded
/// high risk, found on 2 Nov), evaluated under every shipped profile at 12:00Z on 5 Nov 2025
/// (samples/comparison-case.json, the timeline of docs/comparison.md). Each protocol asks for something
/// different; these are the points where the five documents disagree, read from their own text.
/// </summary>
public class CrossProfileTests
{
    private static readonly Instant At = InstantPattern.ExtendedIso.Parse("2025-11-05T12:00:00Z").Value;

    private static Assessment Evaluate(string id)
    {
        var profile = ProfileCatalog.Shipped.Get(id);
        var read = CaseReader.Read(File.ReadAllText(Repository.Path_("samples", "comparison-case.json")), profile);
        read.Errors.Should().BeEmpty();
        return Evaluator.Evaluate(profile, read.Case!, At);
    }

    private static ObligationResult Third(Assessment a, string id) =>
        a.Obligations.Should().ContainSingle(o => o.Id == id && o.EpisodeId == "E-3", $"{a.ProfileId} has {id} for E-3").Subject;

    private static string Utc(Instant i) => InstantPattern.ExtendedIso.Format(i);

    [Fact]
    public void AllFiveProfiles_AreCompared()
    {
        ProfileCatalog.Shipped.Ids.Should().BeEquivalentTo(["bcp", "bedfordshire", "liverpool", "warwickshire", "west-mercia"]);
    }

    [Fact]
    public void TheFiveAssessments_AreDifferent()
    {
        // Compare what each assessment requires in time (due instants and statuses, rung counts), not the
        // titles or ids, which differ between profiles whatever they require.
        var fingerprints = ProfileCatalog.Shipped.Ids.Select(id =>
        {
            var a = Evaluate(id);
            return string.Join("\n", a.Obligations.Where(o => o.Status != ObligationStatus.NotApplicable)
                    .Select(o => $"{o.Due?.Utc}|{o.Status}").Order(StringComparer.Ordinal)
                .Concat(a.Escalations.Select(e => $"{e.Count}|{e.Due?.Utc}").Order(StringComparer.Ordinal)));
        }).ToList();
        fingerprints.Should().OnlyHaveUniqueItems();
        fingerprints.Should().OnlyContain(f => f.Length > 0);
    }

    [Fact]
    public void Warwickshire_ReturnConversation_RunsFromTheNotificationOfReturn_AndStage1MimAtThreeEpisodes()
    {
        var a = Evaluate("warwickshire");
        // "within 72 hours of notification of the return": notified 09:00Z on 3 Nov.
        var rc = Third(a, "return-conversation");
        Utc(rc.Due!.Utc).Should().Be("2025-11-06T09:00:00Z");
        rc.Status.Should().Be(ObligationStatus.Pending);
        // Prevention Interview within 24 hours of being located (10:00Z on 2 Nov): overdue.
        Third(a, "prevention-interview").Status.Should().Be(ObligationStatus.Overdue);
        // 3 episodes in 90 days: Stage 1 meeting within 5 working days of Friday 31 Oct.
        var mim = a.Escalations.Should().ContainSingle(e => e.RungId == "mim-stage-1").Subject;
        mim.Count.Should().Be(3);
        mim.Due!.Local.Should().StartWith("2025-11-07T23:59:59");
    }

    [Fact]
    public void Liverpool_ReturnInterview_RunsFromBeingLocated_AndLevel1AtThreeInNinetyDays()
    {
        var a = Evaluate("liverpool");
        var rhi = Third(a, "return-interview-care");
        Utc(rhi.Due!.Utc).Should().Be("2025-11-05T10:00:00Z");
        rhi.Status.Should().Be(ObligationStatus.Overdue);
        a.Escalations.Should().ContainSingle(e => e.RungId == "intervention-level-1" && e.Count == 3);
    }

    [Fact]
    public void Bcp_HighRiskSafeAndWellCheck_IsOneHour_AndTwoReportsInFourWeeksCallAMeeting()
    {
        var a = Evaluate("bcp");
        // High risk: within 1 hour of the find (10:00Z), not 3 hours.
        Utc(Third(a, "safe-and-well-check").Due!.Utc).Should().Be("2025-11-02T11:00:00Z");
        // 12 Sep and 10 Oct are inside one 4-week period: the repeat-missing meeting is raised at the second.
        var rung = a.Escalations.Should().ContainSingle(e => e.RungId == "repeat-missing-meeting").Subject;
        rung.TriggerEpisodeId.Should().Be("E-2");
        rung.Count.Should().Be(2);
    }

    [Fact]
    public void WestMercia_Level1MeetingWithinAWeek_AndReturnInterviewFromBeingLocated()
    {
        var a = Evaluate("west-mercia");
        var l1 = a.Escalations.Should().ContainSingle(e => e.RungId == "intervention-meeting-l1").Subject;
        Utc(l1.Due!.Utc).Should().Be("2025-11-07T23:30:00Z");   // a week after the report at 23:30Z on 31 Oct
        var rhi = Third(a, "rhi-complete");
        Utc(rhi.Due!.Utc).Should().Be("2025-11-05T10:00:00Z");
    }

    [Fact]
    public void Bedfordshire_StrategyMeetingWithinTheFirst24Hours_AndNoRepeatLadderRung()
    {
        var a = Evaluate("bedfordshire");
        a.Classification.Should().Be("missing-from-care");
        // Last seen 20:00Z on 31 Oct: the strategy meeting was due within 24 hours of the absence.
        var sm = Third(a, "strategy-meeting-first-24h");
        Utc(sm.Due!.Utc).Should().Be("2025-11-01T20:00:00Z");
        sm.Status.Should().Be(ObligationStatus.Overdue);
        Utc(Third(a, "sw-return-interview-72h").Due!.Utc).Should().Be("2025-11-05T10:00:00Z");
        // Its repeat ladder counts missing-from-home episodes only (8.0); this child is in care.
        a.Escalations.Should().BeEmpty();
    }
}
