using NodaTime;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>Horizon edges: an item due, or late, exactly at the evaluation instant; ties in the order; arguments.</summary>
public class HorizonEdgeTests
{
    // Sat 1 Feb 2025 (GMT): last seen 10:00, reported 11:00.
    private static ChildCase Still() =>
        Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z")));

    [Fact]
    public void DueExactlyAtTheEvaluationInstant_WithNoLateTime_IsListed_ASecondLaterItIsNot()
    {
        // report-at-6h: "immediately" at 10:00 + 6h = 16:00, never late (no late time): listed only while its due is in the horizon.
        var at16 = Evaluate(Still(), "2025-02-01T16:00:00Z");
        at16.Single("report-at-6h").Due!.LateAfter.Should().BeNull();
        Horizon.Coming(at16, Duration.Zero).Should().ContainSingle(i => i.Id == "report-at-6h")
            .Which.Due!.Utc.Should().Be(I("2025-02-01T16:00:00Z"));
        Horizon.Coming(Evaluate(Still(), "2025-02-01T16:00:01Z"), Duration.FromHours(1)).Should().NotContain(i => i.Id == "report-at-6h");
    }

    [Fact]
    public void LateExactlyAtTheEvaluationInstant_DueEarlier_IsListed()
    {
        // tell-carer-immediately: due 11:00, late after 12:00. At 12:00 itself it is still pending and becomes late now.
        var a = Evaluate(Still(), "2025-02-01T12:00:00Z");
        var item = Horizon.Coming(a, Duration.Zero).Should().ContainSingle(i => i.Id == "tell-carer-immediately").Subject;
        item.Status.Should().Be(ObligationStatus.Pending);
        item.Due!.Utc.Should().Be(I("2025-02-01T11:00:00Z"));
        item.Due!.LateAfter.Should().Be(I("2025-02-01T12:00:00Z"));
    }

    [Fact]
    public void SameDue_OrderedByArising_ThenById()
    {
        // At Sun 2 Feb 09:00: due 2 Feb 11:00, all arising 1 Feb 11:00 → by id: daily-review, referral-if-not-open, welfare-checks.
        // Due Mon 3 Feb 23:59:59: tell-people ×3 and under-18-notice arose 1 Feb 11:00, daily-log occurrence 3 arises 2 Feb 23:59:59 → last.
        var items = Horizon.Coming(Evaluate(Still(), "2025-02-02T09:00:00Z"), Duration.FromDays(2));
        items.Where(i => i.Due!.Utc == I("2025-02-02T11:00:00Z")).Select(i => i.Id)
            .Should().Equal("daily-review", "referral-if-not-open", "welfare-checks");
        items.Where(i => i.Due!.Utc == I("2025-02-03T23:59:59Z")).Select(i => (i.Id, i.ArisesAt)).Should().Equal(
            ("tell-people", I("2025-02-01T11:00:00Z")), ("tell-people", I("2025-02-01T11:00:00Z")), ("tell-people", I("2025-02-01T11:00:00Z")),
            ("under-18-notice", I("2025-02-01T11:00:00Z")), ("daily-log", I("2025-02-02T23:59:59Z")));
    }

    [Fact]
    public void NullAssessment_ThrowsArgumentNull()
    {
        var act = () => Horizon.Coming(null!, Duration.Zero);
        act.Should().Throw<ArgumentNullException>().WithParameterName("assessment");
    }

    [Fact]
    public void NegativeHorizon_SaysSo()
    {
        var act = () => Horizon.Coming(Evaluate(Still(), "2025-02-02T09:00:00Z"), Duration.FromSeconds(-1));
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("within")
            .Which.Message.Should().StartWith("The horizon cannot be negative.");
    }
}
