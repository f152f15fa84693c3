using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// Duties raised when a fact about the child changes (child scope): a flag identified (a dated flag period begins),
/// a new placement, becoming looked after. Each dated change raises the duty once, at the instant it took effect;
/// a fact with no date raises nothing.
/// </summary>
public class ChangeTriggerTests
{
    private static Child Flagged(params (string From, string? Until)[] periods) =>
        Child() with { FlagPeriods = [.. periods.Select(p => new FlagPeriod("exploitation-risk", I(p.From), p.Until is null ? null : I(p.Until)))] };

    private static ChildCase NoEpisodes(Child child, params EpisodeEvent[] records) => new(child, [], records);

    // exploitation-plan: flag identified Wed 5 Feb 2025 10:00 GMT + 5 working days (Thu 6, Fri 7, Mon 10, Tue 11, Wed 12)
    // → Wed 12 Feb 23:59:59 GMT.
    [Theory]
    [InlineData("2025-02-12T23:59:59Z", ObligationStatus.Pending)]
    [InlineData("2025-02-13T00:00:00Z", ObligationStatus.Overdue)]
    public void FlagIdentified_RaisesTheDutyAtTheStartOfItsPeriod(string at, ObligationStatus status)
    {
        var o = Evaluate(NoEpisodes(Flagged(("2025-02-05T10:00:00Z", null))), at).Single("exploitation-plan");
        o.TriggeredAt.Should().Be(I("2025-02-05T10:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-02-12T23:59:59Z"));
        o.Status.Should().Be(status);
        o.Trigger.Should().Be("when 'exploitation-risk' is identified at 2025-02-05T10:00:00+00:00");
    }

    [Fact]
    public void FlagIdentified_MidEpisode_IsRaisedOnce_AndMetByARecordAfterIt()
    {
        var episode = Episode("E1", E("last-seen", "2025-02-04T20:00:00Z"), E("reported-missing", "2025-02-04T21:00:00Z"),
            E("found", "2025-02-06T09:00:00Z"), E("action-completed", "2025-02-07T15:00:00Z", "exploitation-plan"));
        var o = Evaluate(Case(Flagged(("2025-02-05T10:00:00Z", null)), episode), "2025-03-01T00:00:00Z").Single("exploitation-plan");
        o.Status.Should().Be(ObligationStatus.MetOnTime);
        o.MetBy!.At.Should().Be(I("2025-02-07T15:00:00Z"));
    }

    [Fact]
    public void EachPeriodOfTheFlag_RaisesItAgain_ButAFlagThatAlwaysAppliesRaisesNothing()
    {
        var twice = Evaluate(NoEpisodes(Flagged(("2025-01-06T09:00:00Z", "2025-01-20T09:00:00Z"), ("2025-03-03T09:00:00Z", null))), "2025-04-01T00:00:00Z");
        twice.Obligations.Where(o => o.Id == "exploitation-plan").Select(o => o.TriggeredAt)
            .Should().Equal(I("2025-01-06T09:00:00Z"), I("2025-03-03T09:00:00Z"));
        Evaluate(NoEpisodes(Child(flags: "exploitation-risk")), "2025-04-01T00:00:00Z").Obligations.Should().NotContain(o => o.Id == "exploitation-plan");
    }

    [Fact]
    public void FlagIdentified_AfterTheEvaluationInstant_OrForAnAdult_IsNotRaised()
    {
        Evaluate(NoEpisodes(Flagged(("2025-02-05T10:00:00Z", null))), "2025-02-05T09:59:59Z").Obligations.Should().NotContain(o => o.Id == "exploitation-plan");
        // Born 15 June 2010: 18 from 15 June 2028; the rule is for under-18s only.
        Evaluate(NoEpisodes(Flagged(("2028-07-01T10:00:00Z", null))), "2028-08-01T00:00:00Z").Obligations.Should().NotContain(o => o.Id == "exploitation-plan");
    }

    // placement-risk-assessment: within 72h of each dated change of placement of a looked-after child.
    [Fact]
    public void NewPlacement_RaisesTheRiskAssessment_OnlyWhenThePlacementChanges()
    {
        var child = Child() with
        {
            Placement = "home-a",
            Changes =
            [
                new CircumstanceChange { From = I("2025-03-01T12:00:00Z"), Placement = "home-b" },
                new CircumstanceChange { From = I("2025-03-10T12:00:00Z"), Placement = "home-b" },       // the same placement again: no change
                new CircumstanceChange { From = I("2025-03-20T12:00:00Z"), HostAuthority = "other-la" }, // not a placement change
            ],
        };
        var a = Evaluate(NoEpisodes(child, E("action-completed", "2025-03-04T12:00:01Z", "placement-risk-assessment")), "2025-04-01T00:00:00Z");
        var o = a.Obligations.Should().ContainSingle(x => x.Id == "placement-risk-assessment").Subject;
        o.TriggeredAt.Should().Be(I("2025-03-01T12:00:00Z"));
        o.Due!.Utc.Should().Be(I("2025-03-04T12:00:00Z"));
        o.Status.Should().Be(ObligationStatus.MetLate);
    }

    [Fact]
    public void NewPlacement_OfAChildNotLookedAfterAtThatTime_IsNotRaised()
    {
        var child = Child(care: CareStatus.LivingAtHome) with
        {
            Changes = [new CircumstanceChange { From = I("2025-03-01T12:00:00Z"), Placement = "relative" }],
        };
        Evaluate(NoEpisodes(child), "2025-04-01T00:00:00Z").Obligations.Should().NotContain(o => o.Id == "placement-risk-assessment");
    }

    [Fact]
    public void BecomingLookedAfter_RaisesTheUntimedPlan_LeavingCareDoesNot()
    {
        var child = Child(care: CareStatus.LivingAtHome) with
        {
            Changes =
            [
                new CircumstanceChange { From = I("2025-03-01T12:00:00Z"), CareStatus = CareStatus.LookedAfter },
                new CircumstanceChange { From = I("2026-03-01T12:00:00Z"), CareStatus = CareStatus.CareLeaver },
            ],
        };
        var a = Evaluate(NoEpisodes(child), "2026-04-01T00:00:00Z");
        var o = a.Obligations.Should().ContainSingle(x => x.Id == "entering-care-plan").Subject;
        o.TriggeredAt.Should().Be(I("2025-03-01T12:00:00Z"));
        o.Status.Should().Be(ObligationStatus.Pending);
        o.Due.Should().BeNull();
        o.Trigger.Should().StartWith("on becoming looked-after at ");
    }

    [Fact]
    public void BecomingLookedAfter_ThePlanIsMetByACarePlanRecord_NotByAnotherActivity()
    {
        var child = Child(care: CareStatus.LivingAtHome) with
        {
            Changes = [new CircumstanceChange { From = I("2025-03-01T12:00:00Z"), CareStatus = CareStatus.LookedAfter }],
        };
        var other = Evaluate(NoEpisodes(child, E("action-completed", "2025-03-02T12:00:00Z", "exploitation-plan")), "2025-04-01T00:00:00Z");
        other.Single("entering-care-plan").Status.Should().Be(ObligationStatus.Pending);
        var plan = Evaluate(NoEpisodes(child, E("action-completed", "2025-03-02T12:00:00Z", "care-plan")), "2025-04-01T00:00:00Z").Single("entering-care-plan");
        plan.Status.Should().Be(ObligationStatus.MetOnTime);
        plan.MetBy!.At.Should().Be(I("2025-03-02T12:00:00Z"));
        plan.Explanation[^1].Should().Be("Met on time: action-completed:care-plan at 2025-03-02T12:00:00+00:00.");
    }
}
