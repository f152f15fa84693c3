using NodaTime;
using NodaTime.Text;
using Protocol.Core.Model;
using Protocol.Core.Time;

namespace Protocol.Core.Tests.Time;

public class DeadlineTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static Instant I(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    [Fact]
    public void Immediately_IsDueAtTheTrigger_AndNeverOverdue()
    {
        var d = Deadline.Immediately;
        d.DueFrom(I("2025-06-01T10:00:00Z"), Calendar).Should().Be(I("2025-06-01T10:00:00Z"));
        d.CanBeOverdue.Should().BeFalse();
    }

    [Fact]
    public void SameDay_EndsAt235959LocalTime_InSummer()
    {
        // 23:30 BST Tue 10 Jun 2025 is 22:30Z; the day ends 23:59:59 BST = 22:59:59Z.
        new Deadline(DeadlineKind.SameDay).DueFrom(I("2025-06-10T22:30:00Z"), Calendar).Should().Be(I("2025-06-10T22:59:59Z"));
    }

    [Fact]
    public void SameWorkingDay_OnASaturday_IsTheEndOfMonday()
    {
        // Sat 29 Mar 2025 (GMT) → Mon 31 Mar, after the clock change: 23:59:59 BST = 22:59:59Z.
        new Deadline(DeadlineKind.SameWorkingDay).DueFrom(I("2025-03-29T10:00:00Z"), Calendar).Should().Be(I("2025-03-31T22:59:59Z"));
    }

    [Fact]
    public void SameWorkingDay_OnAWorkingDay_IsThatDay()
    {
        new Deadline(DeadlineKind.SameWorkingDay).DueFrom(I("2025-01-15T09:00:00Z"), Calendar).Should().Be(I("2025-01-15T23:59:59Z"));
    }

    [Fact]
    public void NextWorkingDayBy1200_FromFriday_IsMondayNoon()
    {
        new Deadline(DeadlineKind.NextWorkingDay, ByLocalTime: new LocalTime(12, 0))
            .DueFrom(I("2025-12-19T18:00:00Z"), Calendar).Should().Be(I("2025-12-22T12:00:00Z"));
    }

    [Theory]
    [InlineData(DeadlineKind.Untimed, false)]
    [InlineData(DeadlineKind.AtTrigger, true)]
    [InlineData(DeadlineKind.SameDay, true)]
    [InlineData(DeadlineKind.SameWorkingDay, true)]
    [InlineData(DeadlineKind.NextWorkingDay, true)]
    [InlineData(DeadlineKind.Within, true)]
    public void CanBeOverdue_EveryKindButUntimed(DeadlineKind kind, bool expected)
    {
        new Deadline(kind, Amount.Parse("72h")).CanBeOverdue.Should().Be(expected);
    }

    [Fact]
    public void CanBeOverdue_ImmediatelyWithAGrace()
    {
        (Deadline.Immediately with { Grace = Amount.Parse("2h") }).CanBeOverdue.Should().BeTrue();
    }

    [Theory]
    [InlineData(DeadlineKind.Untimed, false)]
    [InlineData(DeadlineKind.Immediately, true)]
    [InlineData(DeadlineKind.SameDay, true)]
    public void HasDueInstant_EveryKindButUntimed(DeadlineKind kind, bool expected)
    {
        new Deadline(kind).HasDueInstant.Should().Be(expected);
    }

    [Fact]
    public void Untimed_HasNoDueInstant_AndSaysSo()
    {
        var act = () => Deadline.Untimed.DueFrom(I("2025-06-01T10:00:00Z"), Calendar);
        act.Should().Throw<InvalidOperationException>().WithMessage("An untimed deadline has no due instant.");
    }

    [Theory]
    [InlineData("2025-06-10T10:59:59Z", "2025-06-10T11:00:00Z")] // 11:59:59 BST: due at 12:00 BST
    [InlineData("2025-06-10T11:00:00Z", "2025-06-10T11:00:00Z")] // at 12:00 BST: due then
    [InlineData("2025-06-10T11:00:01Z", "2025-06-10T11:00:01Z")] // 12:00:01 BST: too late for 12:00, due at the trigger
    [InlineData("2025-06-10T18:00:00Z", "2025-06-10T18:00:00Z")] // evening: due at the trigger, not the next day
    [InlineData("2025-01-15T11:59:59Z", "2025-01-15T12:00:00Z")] // GMT: 12:00 is 12:00Z
    [InlineData("2025-01-15T12:00:01Z", "2025-01-15T12:00:01Z")]
    public void SameDayBy1200_TriggeredAfterNoon_IsDueAtTheTrigger(string trigger, string due)
    {
        new Deadline(DeadlineKind.SameDay, ByLocalTime: new LocalTime(12, 0)).DueFrom(I(trigger), Calendar).Should().Be(I(due));
    }

    [Fact]
    public void SameDayBy0130_OnTheSpringClockChange_MovesForwardByTheGap()
    {
        // Sun 30 Mar 2025: 01:30 local does not exist (01:00 GMT → 02:00 BST); it resolves to 02:30 BST = 01:30Z.
        new Deadline(DeadlineKind.SameDay, ByLocalTime: new LocalTime(1, 30))
            .DueFrom(I("2025-03-30T00:15:00Z"), Calendar).Should().Be(I("2025-03-30T01:30:00Z"));
    }

    [Fact]
    public void SameDayBy0130_OnTheAutumnClockChange_TakesTheLaterOccurrence()
    {
        // Sun 26 Oct 2025: 01:30 happens twice; triggered at 01:45 BST (00:45Z), after the first 01:30 (00:30Z),
        // the deadline is the second, 01:30 GMT = 01:30Z, not the trigger.
        new Deadline(DeadlineKind.SameDay, ByLocalTime: new LocalTime(1, 30))
            .DueFrom(I("2025-10-26T00:45:00Z"), Calendar).Should().Be(I("2025-10-26T01:30:00Z"));
    }

    [Theory]
    [InlineData("2025-03-30T00:30:00Z", "2025-03-30T22:59:59Z")] // spring change day: ends 23:59:59 BST
    [InlineData("2025-10-26T00:30:00Z", "2025-10-26T23:59:59Z")] // autumn change day (01:30 BST): ends 23:59:59 GMT
    public void SameDay_OnAClockChangeDay_EndsAt235959LocalTime(string trigger, string due)
    {
        new Deadline(DeadlineKind.SameDay).DueFrom(I(trigger), Calendar).Should().Be(I(due));
    }

    public static TheoryData<Deadline, string> Descriptions => new()
    {
        { Deadline.Immediately, "immediately (due at the trigger; never overdue by rule)" },
        { Deadline.Immediately with { Grace = Amount.Parse("2h") }, "immediately (due at the trigger; late after 2h, the profile's grace for 'immediately')" },
        { new Deadline(DeadlineKind.AtTrigger), "at the trigger (late the moment after it)" },
        { new Deadline(DeadlineKind.SameDay), "the same day (end of day)" },
        { new Deadline(DeadlineKind.SameDay, ByLocalTime: new LocalTime(12, 0)), "the same day by 12:00" },
        { new Deadline(DeadlineKind.SameWorkingDay), "the same working day (end of day)" },
        { new Deadline(DeadlineKind.SameWorkingDay, ByLocalTime: new LocalTime(9, 30)), "the same working day by 09:30" },
        { new Deadline(DeadlineKind.NextWorkingDay), "the next working day (end of day)" },
        { new Deadline(DeadlineKind.NextWorkingDay, ByLocalTime: new LocalTime(17, 0)), "the next working day by 17:00" },
        { Deadline.Untimed, "no time limit (required; outstanding until done)" },
        { new Deadline(DeadlineKind.Within, Amount.Parse("72h")), "within 72 hours (elapsed)" },
        { new Deadline(DeadlineKind.Within, Amount.Parse("5 days")), "within 5 days (calendar, Europe/London wall clock)" },
        { new Deadline(DeadlineKind.Within, Amount.Parse("5 working days")), "within 5 working days (end of the last working day)" },
        {
            new Deadline(DeadlineKind.Within, Amount.Parse("72h"), From: new EventReference(EventType.RiskGraded, "high")),
            "within 72 hours (elapsed), counted from risk-graded:high"
        },
        {
            new Deadline(DeadlineKind.Within, Amount.Parse("72h"), From: new EventReference(EventType.Found)) { FromTriggerIfNotRecorded = true },
            "within 72 hours (elapsed), counted from found (or from the trigger if that is not recorded)"
        },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Describe_GivesTheExactWording(Deadline deadline, string expected)
    {
        deadline.Describe().Should().Be(expected);
    }
}
