using NodaTime;
using NodaTime.Text;
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

    [Fact]
    public void Describe_NamesTheCountingRule()
    {
        new Deadline(DeadlineKind.Within, Amount.Parse("72h")).Describe().Should().Be("within 72 hours (elapsed)");
        new Deadline(DeadlineKind.Within, Amount.Parse("5 working days")).Describe().Should().Contain("working days");
    }
}
