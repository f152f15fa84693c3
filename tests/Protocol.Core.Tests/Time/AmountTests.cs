using NodaTime;
using NodaTime.Text;
using Protocol.Core.Time;

namespace Protocol.Core.Tests.Time;

public class AmountTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static Instant I(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    [Theory]
    [InlineData("72h", 72, TimeUnit.Hours)]
    [InlineData("72 hours", 72, TimeUnit.Hours)]
    [InlineData("30m", 30, TimeUnit.Minutes)]
    [InlineData("5 days", 5, TimeUnit.Days)]
    [InlineData("1 day", 1, TimeUnit.Days)]
    [InlineData("6 weeks", 6, TimeUnit.Weeks)]
    [InlineData("3 months", 3, TimeUnit.Months)]
    [InlineData("5 working days", 5, TimeUnit.WorkingDays)]
    [InlineData("1 working day", 1, TimeUnit.WorkingDays)]
    public void Parse_KnownForms_GiveValueAndUnit(string text, int value, TimeUnit unit)
    {
        Amount.Parse(text).Should().Be(new Amount(value, unit));
    }

    [Theory]
    [InlineData("-5 days", "negative")]
    [InlineData("72", "number and a unit")]
    [InlineData("5 fortnights", "number and a unit")]
    [InlineData("", "number and a unit")]
    public void Parse_BadForms_ExplainWhy(string text, string fragment)
    {
        Amount.TryParse(text, out var amount, out var error).Should().BeFalse();
        amount.Should().BeNull();
        error.Should().Contain(fragment);
    }

    [Fact]
    public void Hours_AcrossSpringClockChange_AreAlwaysElapsed()
    {
        // Fri 28 Mar 2025 20:00 GMT; clocks go forward at 01:00Z on Sun 30 Mar. 72h later is 20:00Z on Mon 31 Mar (21:00 BST).
        var due = Amount.Parse("72h").AddTo(I("2025-03-28T20:00:00Z"), Calendar);
        due.Should().Be(I("2025-03-31T20:00:00Z"));
    }

    [Fact]
    public void Days_AcrossSpringClockChange_KeepWallClock_71ElapsedHours()
    {
        // 20:00 GMT Fri 28 Mar + 3 calendar days = 20:00 BST Mon 31 Mar = 19:00Z: 71 elapsed hours.
        var start = I("2025-03-28T20:00:00Z");
        var due = Amount.Parse("3 days").AddTo(start, Calendar);
        due.Should().Be(I("2025-03-31T19:00:00Z"));
        (due - start).Should().Be(Duration.FromHours(71));
    }

    [Fact]
    public void Days_AcrossAutumnClockChange_KeepWallClock_73ElapsedHours()
    {
        // 20:00 BST Fri 24 Oct 2025 (19:00Z) + 3 days = 20:00 GMT Mon 27 Oct = 20:00Z: 73 elapsed hours.
        var start = I("2025-10-24T19:00:00Z");
        var due = Amount.Parse("3 days").AddTo(start, Calendar);
        due.Should().Be(I("2025-10-27T20:00:00Z"));
        (due - start).Should().Be(Duration.FromHours(73));
    }

    [Fact]
    public void Days_OntoASkippedLocalTime_MoveForwardByTheGap()
    {
        // 01:30 GMT Sat 29 Mar 2025 + 1 day = 01:30 on 30 Mar, which does not exist (01:00→02:00): 02:30 BST = 01:30Z.
        var due = Amount.Parse("1 day").AddTo(I("2025-03-29T01:30:00Z"), Calendar);
        due.Should().Be(I("2025-03-30T01:30:00Z"));
    }

    [Fact]
    public void Days_OntoARepeatedLocalTime_TakeTheLater()
    {
        // 01:30 BST Sat 25 Oct 2025 (00:30Z) + 1 day = 01:30 on 26 Oct, which happens twice: the later is 01:30 GMT = 01:30Z.
        var due = Amount.Parse("1 day").AddTo(I("2025-10-25T00:30:00Z"), Calendar);
        due.Should().Be(I("2025-10-26T01:30:00Z"));
    }

    [Fact]
    public void Months_ClampToTheEndOfAShortMonth()
    {
        var due = Amount.Parse("1 month").AddTo(I("2025-01-31T10:00:00Z"), Calendar);
        due.Should().Be(I("2025-02-28T10:00:00Z"));
    }

    [Fact]
    public void WorkingDays_SkipEasterBankHolidaysAndTheWeekend()
    {
        // Thu 17 Apr 2025. Not counted: Good Friday 18, Sat 19, Sun 20, Easter Monday 21.
        // Counted: Tue 22 (1), Wed 23 (2), Thu 24 (3), Fri 25 (4), Mon 28 (5) → 23:59:59 BST Mon 28 Apr = 22:59:59Z.
        var due = Amount.Parse("5 working days").AddTo(I("2025-04-17T09:00:00Z"), Calendar);
        due.Should().Be(I("2025-04-28T22:59:59Z"));
    }

    [Fact]
    public void WorkingDays_FromASaturday_StartCountingOnMonday()
    {
        // Sat 8 Mar 2025 → Mon 10 (1) … Fri 14 (5) → 23:59:59 GMT Fri 14 Mar.
        var due = Amount.Parse("5 working days").AddTo(I("2025-03-08T15:00:00Z"), Calendar);
        due.Should().Be(I("2025-03-14T23:59:59Z"));
    }
}
