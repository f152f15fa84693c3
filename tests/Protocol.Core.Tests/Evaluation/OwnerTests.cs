using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// Duties the profile gives to the responsible (placing) or the host authority: this authority's (test-la) when it is
/// that authority or when it is not recorded, otherwise external — shown, never overdue.
/// </summary>
public class OwnerTests
{
    // Mon 3 Feb 2025 (GMT): last seen 10:00, reported 11:00, found 20:00.
    // placing-review: found + 5 working days (Tue 4 … Mon 10 Feb) → Mon 10 Feb 23:59:59.
    // host-notice: the same working day as the report → Mon 3 Feb 23:59:59.
    private static ChildCase Returned(Child child, params EpisodeEvent[] more) => Case(child, Episode("E1",
        [E("last-seen", "2025-02-03T10:00:00Z"), E("reported-missing", "2025-02-03T11:00:00Z"), E("found", "2025-02-03T20:00:00Z"), .. more]));

    private static Child Placed(string? responsible, string? host) => Child() with { ResponsibleAuthority = responsible, HostAuthority = host };

    private const string LongAfter = "2025-03-01T00:00:00Z";

    [Fact]
    public void PlacedHereByAnotherAuthority_PlacingReviewIsExternal_NeverOverdue()
    {
        var o = Evaluate(Returned(Placed("other-la", "test-la")), LongAfter).Single("placing-review");
        o.Status.Should().Be(ObligationStatus.External);
        o.Owner.Should().Be("responsible authority");
        o.Due!.Utc.Should().Be(I("2025-02-10T23:59:59Z"));
        o.Explanation.Should().Contain("External: owed by the child's responsible (placing) authority, not by this authority; shown for information, never overdue here.");
    }

    [Fact]
    public void PlacedHereByAnotherAuthority_HostNoticeIsThisAuthoritys()
    {
        var a = Evaluate(Returned(Placed("other-la", "test-la")), "2025-02-04T00:00:00Z");
        var o = a.Single("host-notice");
        o.Status.Should().Be(ObligationStatus.Overdue); // past Mon 3 Feb 23:59:59
        o.Owner.Should().Be("host authority");
        o.Explanation.Should().Contain(l => l.Contains("holds: placed outside the responsible authority's area"));
        Evaluate(Returned(Placed("other-la", "test-la")), "2025-02-03T23:59:59Z").Single("host-notice").Status.Should().Be(ObligationStatus.Pending);
    }

    [Fact]
    public void PlacedElsewhereByThisAuthority_PlacingReviewIsOurs_HostNoticeIsExternal()
    {
        var a = Evaluate(Returned(Placed("test-la", "other-la")), LongAfter);
        a.Single("placing-review").Status.Should().Be(ObligationStatus.Overdue);
        var host = a.Single("host-notice");
        host.Status.Should().Be(ObligationStatus.External);
        host.Explanation.Should().Contain(l => l.StartsWith("External: owed by the authority where the child lives or is placed (the host authority)"));
    }

    [Theory]
    [InlineData("2025-02-10T23:59:59Z", ObligationStatus.Pending)]
    [InlineData("2025-02-11T00:00:00Z", ObligationStatus.Overdue)]
    public void PlacingReview_OursForOurOwnChild_DueAfter5WorkingDays(string at, ObligationStatus status)
    {
        Evaluate(Returned(Placed("test-la", "test-la")), at).Single("placing-review").Status.Should().Be(status);
    }

    [Fact]
    public void ExternalDuty_RecordedAsDone_StaysExternal_AndSaysSo()
    {
        var review = E("review-held", "2025-02-05T10:00:00Z", "placing-review");
        var o = Evaluate(Returned(Placed("other-la", "test-la"), review), LongAfter).Single("placing-review");
        o.Status.Should().Be(ObligationStatus.External);
        o.MetBy!.At.Should().Be(I("2025-02-05T10:00:00Z"));
        o.Explanation.Should().Contain(l => l.EndsWith("(recorded as done: review-held:placing-review at 2025-02-05T10:00:00+00:00)."));
    }

    [Fact]
    public void ResponsibleAuthorityNotRecorded_PlacingReviewIsOurs_WithAnAssumption()
    {
        var a = Evaluate(Returned(Placed(null, "test-la")), LongAfter);
        a.Single("placing-review").Status.Should().Be(ObligationStatus.Overdue);
        a.Assumptions.Should().Contain("The responsible authority is not recorded: duties the profile gives to it are taken to be this authority's.");
        // Not known to be placed out of area: the host notice does not apply.
        a.Single("host-notice").Status.Should().Be(ObligationStatus.NotApplicable);
    }

    [Fact]
    public void AuthorityCodes_AreCompared_IgnoringCase()
    {
        Evaluate(Returned(Placed("TEST-LA", "other-la")), LongAfter).Single("placing-review").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void Owner_TakenFromTheAuthoritiesWhenTheEpisodeBegan()
    {
        // Placed here by other-la when last seen (10:00); this authority becomes responsible at 15:00, before the find.
        var child = Placed("other-la", "test-la") with
        {
            Changes = [new CircumstanceChange { From = I("2025-02-03T15:00:00Z"), ResponsibleAuthority = "test-la" }],
        };
        var a = Evaluate(Returned(child), LongAfter);
        a.Single("placing-review").Status.Should().Be(ObligationStatus.External);
        a.Single("host-notice").Status.Should().Be(ObligationStatus.Overdue);
    }

    [Fact]
    public void Owner_ChangeBeforeTheEpisodeBegan_Applies()
    {
        // This authority became responsible at 09:59, a minute before last seen: both duties are this authority's,
        // and host and responsible are the same, so the host notice does not apply.
        var child = Placed("other-la", "test-la") with
        {
            Changes = [new CircumstanceChange { From = I("2025-02-03T09:59:00Z"), ResponsibleAuthority = "test-la" }],
        };
        var a = Evaluate(Returned(child), LongAfter);
        a.Single("placing-review").Status.Should().Be(ObligationStatus.Overdue);
        a.Single("host-notice").Status.Should().Be(ObligationStatus.NotApplicable);
    }

    // --- Rungs the profile gives to the placing authority (the care-only ladder's 2+ meeting) ------------------------
    // Two missing episodes (1 and 10 Jan 2025), each dated by its report (10:00): the second reaches 2+, due 15 Jan 10:00.
    private static ChildCase TwoEpisodes(Child child) => Case(child,
        Episode("E1", E("last-seen", "2025-01-01T09:00:00Z"), E("reported-missing", "2025-01-01T10:00:00Z"), E("found", "2025-01-01T20:00:00Z")),
        Episode("E2", E("last-seen", "2025-01-10T09:00:00Z"), E("reported-missing", "2025-01-10T10:00:00Z"), E("found", "2025-01-10T20:00:00Z")));

    [Fact]
    public void Rung_OwnedByThePlacingAuthority_IsExternal_ForAChildPlacedHereByAnother()
    {
        var e = Evaluate(TwoEpisodes(Placed("other-la", "test-la")), LongAfter).Escalations.Single(x => x.RungId == "care-meeting");
        e.Status.Should().Be(ObligationStatus.External);
        e.Owner.Should().Be("responsible authority");
        e.Due!.Utc.Should().Be(I("2025-01-15T09:00:00Z"));
        e.Explanation.Should().Contain("External: owed by the child's responsible (placing) authority, not by this authority; shown for information, never overdue here.");
    }

    [Fact]
    public void Rung_OwnedByThePlacingAuthority_IsOurs_ForOurOwnChild_AndWhenNotRecorded()
    {
        Evaluate(TwoEpisodes(Placed("test-la", "other-la")), LongAfter).Escalations.Single(x => x.RungId == "care-meeting").Status.Should().Be(ObligationStatus.Overdue);
        var a = Evaluate(TwoEpisodes(Placed(null, null)), LongAfter);
        a.Escalations.Single(x => x.RungId == "care-meeting").Status.Should().Be(ObligationStatus.Overdue);
        a.Assumptions.Should().Contain("The responsible authority is not recorded: duties the profile gives to it are taken to be this authority's.");
    }

    [Fact]
    public void Rung_Ownership_FollowsTheAuthoritiesInForceWhenTheTriggerEpisodeBegan()
    {
        // Placed here by another authority until 5 Jan, then this authority took responsibility: E2 (10 Jan) is ours.
        var child = Placed("other-la", "test-la") with { Changes = [new CircumstanceChange { From = I("2025-01-05T00:00:00Z"), ResponsibleAuthority = "test-la" }] };
        Evaluate(TwoEpisodes(child), LongAfter).Escalations.Single(x => x.RungId == "care-meeting").Status.Should().Be(ObligationStatus.Overdue);
    }
}
