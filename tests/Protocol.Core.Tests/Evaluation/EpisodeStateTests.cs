using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// Episodes that change state: absent → missing when a looked-after child's whereabouts are lost or the police
/// re-categorise; a duty whose trigger came while the episode was absent arises when it became missing.
/// </summary>
public class EpisodeStateTests
{
    private static EpisodeEvent Categorised(string at, string category) => new(EventType.Categorised, I(at)) { Category = category };

    // Sat 1 Feb 2025 (GMT): last seen 10:00, whereabouts known 11:00, lost 20:00; never reported. Aged 14.
    private static ChildCase LostAgain(CareStatus care) => Case(Child(care: care), Episode("E1",
        E("last-seen", "2025-02-01T10:00:00Z"), E("whereabouts-known", "2025-02-01T11:00:00Z"), E("whereabouts-lost", "2025-02-01T20:00:00Z")));

    [Theory]
    [InlineData("2025-02-01T19:59:59Z", "absent")]
    [InlineData("2025-02-01T20:00:00Z", "missing")]
    public void LookedAfterChild_WhereaboutsKnownThenLost_BecomesMissingAtTheLostInstant(string at, string classification)
    {
        Evaluate(LostAgain(CareStatus.LookedAfter), at).Classification.Should().Be(classification);
    }

    [Fact]
    public void LookedAfterChild_WhereaboutsLost_HistoryListsEachClassification()
    {
        var summary = Evaluate(LostAgain(CareStatus.LookedAfter), "2025-02-02T00:00:00Z").Episodes.Single();
        summary.History.Should().HaveCount(2);
        summary.History[0].Should().Be(new ClassificationChange(I("2025-02-01T10:00:00Z"), "absent", "no classification rule matched", null));
        summary.History[1].Should().Be(new ClassificationChange(I("2025-02-01T20:00:00Z"), "missing",
            "A child in care whose whereabouts were known and then lost again", "§F32"));
        summary.Reason.Should().Be("A child in care whose whereabouts were known and then lost again");
        summary.Open.Should().BeTrue();
    }

    [Fact]
    public void ChildLivingAtHome_WhereaboutsLost_StaysAbsent()
    {
        var a = Evaluate(LostAgain(CareStatus.LivingAtHome), "2025-02-02T00:00:00Z");
        a.Classification.Should().Be("absent");
        a.Episodes.Single().History.Should().ContainSingle();
        var o = a.Single("report-at-6h");
        o.Status.Should().Be(ObligationStatus.NotApplicable);
        o.Explanation.Should().Contain(l => l.Contains("classified 'absent'"));
    }

    [Theory]
    [InlineData("2025-02-01T10:00:00Z", CareStatus.LivingAtHome, CareStatus.LookedAfter, "missing")]   // into care at last seen: in care for this episode
    [InlineData("2025-02-01T10:00:01Z", CareStatus.LivingAtHome, CareStatus.LookedAfter, "absent")]    // into care after it began: not
    [InlineData("2025-02-01T12:00:00Z", CareStatus.LookedAfter, CareStatus.LivingAtHome, "missing")]   // left care after it began: still in care for it
    public void WhereaboutsLostRule_UsesTheCareStatusWhenTheEpisodeBegan(string changedAt, CareStatus before, CareStatus after, string classification)
    {
        var child = Child(care: before) with { Changes = [new CircumstanceChange { From = I(changedAt), CareStatus = after }] };
        var c = Case(child, Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("whereabouts-known", "2025-02-01T11:00:00Z"), E("whereabouts-lost", "2025-02-01T20:00:00Z")));
        Evaluate(c, "2025-02-02T00:00:00Z").Classification.Should().Be(classification);
    }

    [Fact]
    public void ReportAt6h_ThresholdPassedWhileAbsent_ArisesWhenTheEpisodeBecameMissing()
    {
        // 6h from last seen (10:00) = 16:00, while absent; missing from the loss of whereabouts at 20:00.
        var o = Evaluate(LostAgain(CareStatus.LookedAfter), "2025-02-01T20:30:00Z").Single("report-at-6h");
        o.TriggeredAt.Should().Be(I("2025-02-01T20:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-02-01T20:00:00Z")); // immediately, from the moment it arose
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Explanation.Should().Contain(l => l.StartsWith("Triggered: still missing at 6h after the first of last-seen, carer-aware"));
        o.Explanation.Should().Contain("The episode was 'absent' then; it became 'missing' at 2025-02-01T20:00:00+00:00: the duty arose at that moment.");
    }

    [Fact]
    public void ReportAt6h_BeforeTheEpisodeBecameMissing_DoesNotApplyYet()
    {
        // At 19:00 the 6h mark (16:00) has passed but the episode is still absent.
        var o = Evaluate(LostAgain(CareStatus.LookedAfter), "2025-02-01T19:00:00Z").Single("report-at-6h");
        o.Status.Should().Be(ObligationStatus.NotApplicable);
        o.Explanation.Should().Contain(l => l.StartsWith("Does not apply: the episode is classified 'absent'"));
    }

    // Mon 3 Feb 2025 (GMT): last seen 10:00, reported 11:00 and categorised absent by the police at once.
    private static Episode AbsentThenMissing(string recategorised, params EpisodeEvent[] more) => Episode("E1",
        [E("last-seen", "2025-02-03T10:00:00Z"), E("reported-missing", "2025-02-03T11:00:00Z"), Categorised("2025-02-03T11:00:00Z", "absent"),
         Categorised(recategorised, "missing"), .. more]);

    [Fact]
    public void Under18Notice_ReportCategorisedAbsent_ArisesAtTheRecategorisationAsMissing()
    {
        var a = Evaluate(Case(Child(), AbsentThenMissing("2025-02-03T15:00:00Z")), "2025-02-03T16:00:00Z");
        a.Classification.Should().Be("missing");
        var o = a.Single("under-18-notice");
        o.TriggeredAt.Should().Be(I("2025-02-03T15:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-02-03T23:59:59Z")); // same working day: Mon 3 Feb, 23:59:59 GMT
        o.Explanation.Should().Contain("The episode was 'absent' then; it became 'missing' at 2025-02-03T15:00:00+00:00: the duty arose at that moment.");
        // A step for each change of label or of the rule that gives it: absent by default, absent as categorised, missing.
        a.Episodes.Single().History.Select(h => (h.From, h.Classification, h.Citation)).Should().Equal(
            (I("2025-02-03T10:00:00Z"), "absent", (string?)null),
            (I("2025-02-03T11:00:00Z"), "absent", "§F30"),
            (I("2025-02-03T15:00:00Z"), "missing", "§F0"));
    }

    [Fact]
    public void Under18Notice_RecategorisedOnSaturday_IsDueOnMondayNotOnTheDayOfTheReport()
    {
        // Reported Fri 7 Feb 11:00 (absent); re-categorised missing Sat 8 Feb 10:00 → same working day = Mon 10 Feb 23:59:59.
        var e = Episode("E1", E("last-seen", "2025-02-07T10:00:00Z"), E("reported-missing", "2025-02-07T11:00:00Z"),
            Categorised("2025-02-07T11:00:00Z", "absent"), Categorised("2025-02-08T10:00:00Z", "missing"));
        var o = Evaluate(Case(Child(), e), "2025-02-10T23:59:59Z").Single("under-18-notice");
        o.TriggeredAt.Should().Be(I("2025-02-08T10:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-02-10T23:59:59Z"));
        o.Status.Should().Be(ObligationStatus.Pending);
        Evaluate(Case(Child(), e), "2025-02-11T00:00:00Z").Single("under-18-notice").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void Under18Notice_CategorisedAbsentAndNeverRecategorised_DoesNotApply()
    {
        var e = Episode("E1", E("last-seen", "2025-02-03T10:00:00Z"), E("reported-missing", "2025-02-03T11:00:00Z"), Categorised("2025-02-03T11:00:00Z", "absent"));
        var a = Evaluate(Case(Child(), e), "2025-02-04T12:00:00Z");
        a.Classification.Should().Be("absent");
        a.Single("under-18-notice").Status.Should().Be(ObligationStatus.NotApplicable);
    }

    [Fact]
    public void ReportCategorisedAbsent_ReasonAndCitationAreThoseOfThePoliceCategory()
    {
        // Absent by default from last seen (10:00), then absent because reported and categorised absent (11:00).
        var e = Episode("E1", E("last-seen", "2025-02-03T10:00:00Z"), E("reported-missing", "2025-02-03T11:00:00Z"), Categorised("2025-02-03T11:00:00Z", "absent"));
        var a = Evaluate(Case(Child(), e), "2025-02-04T12:00:00Z");
        a.ClassificationReason.Should().Be("Reported, and categorised absent by the police");
        a.Episodes.Single().Citation.Should().Be("§F30");
        a.Episodes.Single().History[^1].Should().Be(new ClassificationChange(I("2025-02-03T11:00:00Z"), "absent", "Reported, and categorised absent by the police", "§F30"));
    }

    [Fact]
    public void SecondReport_DutiesCountFromTheFirst()
    {
        // Reported 11:00 and formally again at 14:00: under-18-notice and the carer's notice arise at 11:00;
        // tell-carer-immediately is due at 11:00, late after its 1h grace (12:00): a notice at 13:00 is late.
        var e = Episode("E1", E("last-seen", "2025-02-03T10:00:00Z"), E("reported-missing", "2025-02-03T11:00:00Z"),
            E("reported-missing", "2025-02-03T14:00:00Z"), E("notification-sent", "2025-02-03T13:00:00Z", "missing-notice"));
        var a = Evaluate(Case(Child(), e), "2025-02-03T15:00:00Z");
        a.Single("under-18-notice").TriggeredAt.Should().Be(I("2025-02-03T11:00:00Z"));
        var carer = a.Single("tell-carer-immediately");
        carer.TriggeredAt.Should().Be(I("2025-02-03T11:00:00Z"));
        carer.Due!.Utc.Should().Be(I("2025-02-03T11:00:00Z"));
        carer.Status.Should().Be(ObligationStatus.MetLate);
        a.Episodes.Single().History.Should().ContainSingle(h => h.Classification == "missing").Which.From.Should().Be(I("2025-02-03T11:00:00Z"));
    }

    [Fact]
    public void Strategy72h_ThresholdReachedWhileAbsent_IsRaisedWhenTheEpisodeBecameMissing()
    {
        // 72h from last seen (Mon 3 Feb 10:00) = Thu 6 Feb 10:00, while absent; re-categorised missing Fri 7 Feb 09:00.
        var c = Case(Child(), AbsentThenMissing("2025-02-07T09:00:00Z"));
        var o = Evaluate(c, "2025-02-07T10:00:00Z").Single("strategy-72h");
        o.TriggeredAt.Should().Be(I("2025-02-07T09:00:00Z"));
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Explanation.Should().Contain(l => l.Contains("i.e. from 2025-02-06T10:00:00+00:00"));
        o.Explanation.Should().Contain("The episode was 'absent' then; it became 'missing' at 2025-02-07T09:00:00+00:00: the duty arose at that moment.");
    }

    [Fact]
    public void NotifyAt24h_MarkPassedWhileAbsent_IsDueWhenTheEpisodeBecameMissing()
    {
        // at-trigger: 24h from last seen = Tue 4 Feb 10:00 (absent then); missing from Wed 5 Feb 09:00 → due then.
        var c = Case(Child(), AbsentThenMissing("2025-02-05T09:00:00Z"));
        var o = Evaluate(c, "2025-02-05T09:30:00Z").Single("notify-at-24h");
        o.TriggeredAt.Should().Be(I("2025-02-05T09:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-02-05T09:00:00Z"));
        o.Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void Strategy72h_EpisodeRecategorisedMissingOnlyAfterItEnded_IsNeverMissingBeforeTheEnd_ButIsMissingNow()
    {
        // Found Wed 5 Feb 09:00 (missing 71h: no 72h mark); re-categorised missing on 6 Feb: the classification changes by record.
        var c = Case(Child(), AbsentThenMissing("2025-02-06T12:00:00Z", E("found", "2025-02-05T09:00:00Z")));
        var a = Evaluate(c, "2025-02-07T00:00:00Z");
        a.Classification.Should().Be("missing");
        a.Episodes.Single().History[^1].From.Should().Be(I("2025-02-06T12:00:00Z"));
        a.Single("strategy-72h").Status.Should().Be(ObligationStatus.NotApplicable);
    }
}
