using NodaTime;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// Facts as they stood: flags with a period, circumstances that change, age and risk are judged at the moment a duty
/// arises (care status, authorities and placement at the start of the episode), not at the evaluation instant.
/// </summary>
public class FactsOverTimeTests
{
    // Mon 3 Feb 2025 (GMT): last seen 10:00, reported 11:00. The child (born 15 Jun 2010, 14) is looked after.
    private const string LastSeen = "2025-02-03T10:00:00Z";
    private const string Report = "2025-02-03T11:00:00Z";

    private static Episode Reported(params EpisodeEvent[] more) =>
        Episode("E1", [E("last-seen", LastSeen), E("reported-missing", Report), .. more]);

    private static Child WithFlag(string flag, string? from, string? until) =>
        Child() with { FlagPeriods = [new FlagPeriod(flag, from is null ? null : I(from), until is null ? null : I(until))] };

    // --- Flags with a period ------------------------------------------------------------------------------------------

    [Fact]
    public void ExploitationMeeting_FlagCoveringTheReport_Applies()
    {
        var c = Case(WithFlag("exploitation-risk", "2025-01-01T00:00:00Z", null), Reported());
        var o = Evaluate(c, "2025-02-03T12:00:00Z").Single("exploitation-meeting");
        o.Status.Should().Be(ObligationStatus.DecisionRequired);
        o.Explanation.Should().Contain(l => l.Contains("holds: the child has the flag 'exploitation-risk'"));
    }

    [Fact]
    public void ExploitationMeeting_FlagIdentifiedAfterTheReport_DoesNotMakeTheEarlierEpisodesDutyApply()
    {
        // The flag is recorded from 4 Feb, a day after the report; evaluated on 10 Feb, when the child has it.
        var c = Case(WithFlag("exploitation-risk", "2025-02-04T09:00:00Z", null), Reported());
        var o = Evaluate(c, "2025-02-10T12:00:00Z").Single("exploitation-meeting");
        o.Status.Should().Be(ObligationStatus.NotApplicable);
        o.Explanation.Should().Contain(l => l.Contains("does not hold: the child has the flag 'exploitation-risk'"));
    }

    [Fact]
    public void ExploitationMeeting_FlagThatEndedBeforeTheReport_DoesNotApply()
    {
        var c = Case(WithFlag("exploitation-risk", "2024-06-01T00:00:00Z", "2025-01-01T00:00:00Z"), Reported());
        Evaluate(c, "2025-02-03T12:00:00Z").Single("exploitation-meeting").Status.Should().Be(ObligationStatus.NotApplicable);
    }

    [Theory]
    [InlineData("2025-02-03T11:00:00Z", null, true)]                   // from exactly the report instant (from is inclusive)
    [InlineData("2025-02-03T11:00:01Z", null, false)]                  // from one second after the report
    [InlineData(null, "2025-02-03T11:00:00Z", false)]                  // until exactly the report instant (until is exclusive)
    [InlineData(null, "2025-02-03T11:00:01Z", true)]                   // until one second after the report
    public void ExploitationMeeting_FlagPeriodBoundaries_AtTheReportInstant(string? from, string? until, bool applies)
    {
        var c = Case(WithFlag("exploitation-risk", from, until), Reported());
        var o = Evaluate(c, "2025-02-04T12:00:00Z").Single("exploitation-meeting");
        (o.Status != ObligationStatus.NotApplicable).Should().Be(applies, string.Join(" | ", o.Explanation));
    }

    [Fact]
    public void ReferralIfNotOpen_CaseOpenedMidEpisode_DoesNotRemoveTheDuty()
    {
        // Opened at 15:00 on the day of the report; the duty arose at the report (11:00) → due 11:00 + 24h = 4 Feb 11:00.
        var c = Case(WithFlag("open-case", "2025-02-03T15:00:00Z", null), Reported());
        var o = Evaluate(c, "2025-02-04T12:00:00Z").Single("referral-if-not-open");
        o.Status.Should().Be(ObligationStatus.Overdue);
        o.Due!.Utc.Should().Be(I("2025-02-04T11:00:00Z"));
        o.Explanation.Should().ContainInOrder("Applies: its conditions held at the trigger.", "holds: none of this", "  does not hold: the child has the flag 'open-case'");
    }

    [Theory]
    [InlineData("2025-01-01T00:00:00Z", null, false)]                  // open before the report
    [InlineData("2025-02-03T11:00:00Z", null, false)]                  // opened exactly at the report
    [InlineData("2025-02-03T11:00:01Z", null, true)]                   // opened a second later
    [InlineData("2024-01-01T00:00:00Z", "2025-02-03T11:00:00Z", true)] // closed exactly at the report
    [InlineData("2024-01-01T00:00:00Z", "2025-02-03T11:00:01Z", false)]// closed a second after it
    public void ReferralIfNotOpen_JudgedAtTheReport(string? from, string? until, bool applies)
    {
        var c = Case(WithFlag("open-case", from, until), Reported());
        var o = Evaluate(c, "2025-02-05T12:00:00Z").Single("referral-if-not-open");
        (o.Status != ObligationStatus.NotApplicable).Should().Be(applies, string.Join(" | ", o.Explanation));
    }

    // --- Circumstances in force when the episode began ------------------------------------------------------------

    // Sat 8 Feb 2025: out of office hours; not graded. duty-call then applies only to a looked-after child.
    private static Episode SaturdayEpisode() =>
        Episode("E1", E("last-seen", "2025-02-08T10:00:00Z"), E("reported-missing", "2025-02-08T12:00:00Z"));

    private static Child TakenIntoCare(string from) => Child(care: CareStatus.LivingAtHome) with
    {
        Changes = [new CircumstanceChange { From = I(from), CareStatus = CareStatus.LookedAfter }],
    };

    [Theory]
    [InlineData("2025-02-08T09:59:59Z", true)]   // in care before last seen (10:00)
    [InlineData("2025-02-08T10:00:00Z", true)]   // from exactly the start of the episode
    [InlineData("2025-02-08T10:00:01Z", false)]  // a second after it began (still before the report at 12:00)
    [InlineData("2025-02-08T13:00:00Z", false)]  // after the report
    public void DutyCall_CareStatusCondition_UsesTheStatusWhenTheEpisodeBegan(string intoCare, bool applies)
    {
        var o = Evaluate(Case(TakenIntoCare(intoCare), SaturdayEpisode()), "2025-02-08T14:00:00Z").Single("duty-call");
        (o.Status != ObligationStatus.NotApplicable).Should().Be(applies, string.Join(" | ", o.Explanation));
        if (!applies) o.Explanation.Should().Contain(l => l.Contains("does not hold: care status is looked-after"));
    }

    [Fact]
    public void DutyCall_ChildLeavingCareMidEpisode_KeepsTheLookedAfterDuty()
    {
        // Looked after when last seen; home from 11:00, before the report at 12:00 → still looked after for this episode.
        var child = Child() with { Changes = [new CircumstanceChange { From = I("2025-02-08T11:00:00Z"), CareStatus = CareStatus.LivingAtHome }] };
        var o = Evaluate(Case(child, SaturdayEpisode()), "2025-02-08T12:30:00Z").Single("duty-call");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Due!.Utc.Should().Be(I("2025-02-08T13:00:00Z")); // 12:00 + 1h
    }

    private static Episode R(string id, string date) =>
        Episode(id, E("last-seen", $"{date}T09:00:00Z"), E("reported-missing", $"{date}T10:00:00Z"), E("found", $"{date}T20:00:00Z"));

    [Theory]
    [InlineData("2025-01-01T08:59:00Z", true)]   // in care before E1 began (09:00) → E1 and E2 both count → 2+
    [InlineData("2025-01-01T09:00:00Z", true)]   // from the very start of E1
    [InlineData("2025-01-01T09:01:00Z", false)]  // taken into care during E1 → only E2 counts
    public void CareOnlyLadder_CountsAnEpisodeByTheCareStatusWhenItBegan(string intoCare, bool reached)
    {
        var c = Case(TakenIntoCare(intoCare), R("E1", "2025-01-01"), R("E2", "2025-01-10"));
        var a = Evaluate(c, "2025-02-01T00:00:00Z");
        if (reached)
        {
            var e = a.Escalations.Should().ContainSingle(x => x.LadderId == "care-only").Subject;
            e.TriggerEpisodeId.Should().Be("E2");
            // dated-by [reported-missing, last-seen] is the first of these to happen: last seen 10 Jan 09:00 + 5 days.
            e.Due!.Utc.Should().Be(I("2025-01-15T09:00:00Z"));
        }
        else a.Escalations.Should().NotContain(x => x.LadderId == "care-only");
    }

    // --- Age at the trigger ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2025-06-01T22:59:00Z", true)]   // 23:59 BST on Sun 1 Jun: still 17
    [InlineData("2025-06-01T23:00:00Z", false)]  // 00:00 BST on Mon 2 Jun: the 18th birthday
    public void Under18Notice_AgeTakenAtTheReport_InLocalTime(string report, bool applies)
    {
        var c = Case(Child(dob: "2007-06-02"), Episode("E1", E("last-seen", "2025-06-01T20:00:00Z"), E("reported-missing", report)));
        var a = Evaluate(c, "2025-06-10T12:00:00Z");
        a.Age.Should().Be(18);
        var o = a.Single("under-18-notice");
        (o.Status != ObligationStatus.NotApplicable).Should().Be(applies, string.Join(" | ", o.Explanation));
        if (applies)
        {
            // Reported on Sunday → the same working day is Mon 2 Jun, to 23:59:59 BST = 22:59:59Z; not met by 10 Jun.
            o.Due!.Utc.Should().Be(I("2025-06-02T22:59:59Z"));
            o.Status.Should().Be(ObligationStatus.Overdue);
        }
    }

    // Born 15 Jun 2014: 10 until 14 Jun 2025, 11 from 00:00 BST on 15 Jun (14 Jun 23:00Z).
    private static Child TenYearOld() => Child(dob: "2014-06-15", care: CareStatus.LivingAtHome);

    [Fact]
    public void AgeClassification_TenYearOldsEpisode_StaysMissingWhenEvaluatedAfterThe11thBirthday()
    {
        // Never reported; whereabouts never known; found the same day, aged 10.
        var c = Case(TenYearOld(), Episode("E1", E("last-seen", "2025-06-10T10:00:00Z"), E("found", "2025-06-10T18:00:00Z")));
        var a = Evaluate(c, "2025-07-01T12:00:00Z");
        a.Age.Should().Be(11);
        a.Classification.Should().Be("missing");
        a.Episodes.Single().Citation.Should().Be("§F31");
        a.Episodes.Single().History.Should().ContainSingle().Which.Classification.Should().Be("missing");
        // A missing-only duty raised by the find: 18:00 + 4h.
        var o = a.Single("return-check");
        o.Status.Should().Be(ObligationStatus.Overdue);
        o.Due!.Utc.Should().Be(I("2025-06-10T22:00:00Z"));
    }

    [Theory]
    [InlineData("2025-06-14T22:00:00Z", "missing")] // 23:00–23:59 BST on 14 Jun: aged 10 throughout
    [InlineData("2025-06-14T23:00:00Z", "absent")]  // 00:00–00:59 BST on 15 Jun: aged 11 throughout
    public void AgeClassification_BoundaryAtThe11thBirthday_InLocalTime(string lastSeen, string classification)
    {
        var seen = I(lastSeen);
        var c = Case(TenYearOld(), Episode("E1", new EpisodeEvent(EventType.LastSeen, seen), new EpisodeEvent(EventType.Found, seen + Duration.FromMinutes(59))));
        Evaluate(c, "2025-07-01T12:00:00Z").Classification.Should().Be(classification);
    }

    [Fact]
    public void AgeClassification_TenYearOldStillMissingAcrossThe11thBirthday_StaysMissing()
    {
        // Last seen 14 Jun 12:00Z aged 10; still missing, never reported, on 16 Jun (aged 11).
        // strategy-72h: 72h from last seen = 17 Jun 12:00Z; evaluated a minute later.
        var c = Case(TenYearOld(), Episode("E1", E("last-seen", "2025-06-14T12:00:00Z")));
        var a = Evaluate(c, "2025-06-17T12:01:00Z");
        a.Classification.Should().Be("missing");
        a.Episodes.Single().History.Should().ContainSingle();
        var o = a.Single("strategy-72h");
        o.Status.Should().Be(ObligationStatus.Pending);
        o.TriggeredAt.Should().Be(I("2025-06-17T12:00:00Z"));
    }

    // --- A duty met while its condition held ----------------------------------------------------------------------

    [Fact]
    public void HighRiskMeeting_MetWhileHigh_StaysMetWhenTheRiskIsLaterRegradedLow()
    {
        // Graded high 12:00 → due 12:00 + 48h = 5 Feb 12:00; meeting 4 Feb 09:00; graded low 4 Feb 15:00.
        var c = Case(Child(), Reported(E("risk-graded", "2025-02-03T12:00:00Z", "high"),
            E("meeting-held", "2025-02-04T09:00:00Z", "strategy-meeting"), E("risk-graded", "2025-02-04T15:00:00Z", "low")));
        var a = Evaluate(c, "2025-02-10T12:00:00Z");
        a.CurrentRisk.Should().Be("low");
        var o = a.Single("high-risk-meeting");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetBy!.At.Should().Be(I("2025-02-04T09:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-02-05T12:00:00Z"));
    }

    [Fact]
    public void HighRiskMeeting_RegradedLowBeforeTheMeeting_DutyRaisedByTheHighGradingStillStands()
    {
        // Graded high 12:00, low at 15:00, no meeting: still due 5 Feb 12:00 and overdue a second after.
        var c = Case(Child(), Reported(E("risk-graded", "2025-02-03T12:00:00Z", "high"), E("risk-graded", "2025-02-03T15:00:00Z", "low")));
        Evaluate(c, "2025-02-05T12:00:00Z").Single("high-risk-meeting").Status.Should().Be(ObligationStatus.Pending);
        Evaluate(c, "2025-02-05T12:00:01Z").Single("high-risk-meeting").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Theory]
    [InlineData("2025-02-08T11:00:00Z", true)]   // graded high at the report instant
    [InlineData("2025-02-08T11:01:00Z", false)]  // graded high a minute after the report
    public void DutyCall_RiskJudgedAtTheReport(string gradedAt, bool applies)
    {
        // Sat 8 Feb is out of hours; a child living at home needs high risk at the report.
        var c = Case(Child(care: CareStatus.LivingAtHome), Episode("E1", E("last-seen", "2025-02-08T10:00:00Z"),
            E("reported-missing", "2025-02-08T11:00:00Z"), E("risk-graded", gradedAt, "high")));
        var o = Evaluate(c, "2025-02-08T14:00:00Z").Single("duty-call");
        (o.Status != ObligationStatus.NotApplicable).Should().Be(applies, string.Join(" | ", o.Explanation));
    }
}
