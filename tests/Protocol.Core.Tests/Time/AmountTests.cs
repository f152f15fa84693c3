using NodaTime;
using NodaTime.Text;
using Protocol.Core.Time;

namespace Protocol.Core.Tests.Time;

public class AmountTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static Instant I(string text) => InstantPattern.ExtendedIso.Parse(text).Value;

    [Theory]
    [InlineData("30m", 30, TimeUnit.Minutes)]
    [InlineData("30 min", 30, TimeUnit.Minutes)]
    [InlineData("30 mins", 30, TimeUnit.Minutes)]
    [InlineData("1 minute", 1, TimeUnit.Minutes)]
    [InlineData("30 minutes", 30, TimeUnit.Minutes)]
    [InlineData("72h", 72, TimeUnit.Hours)]
    [InlineData("1 hr", 1, TimeUnit.Hours)]
    [InlineData("72 hrs", 72, TimeUnit.Hours)]
    [InlineData("1 hour", 1, TimeUnit.Hours)]
    [InlineData("72 hours", 72, TimeUnit.Hours)]
    [InlineData("5d", 5, TimeUnit.Days)]
    [InlineData("1 day", 1, TimeUnit.Days)]
    [InlineData("5 days", 5, TimeUnit.Days)]
    [InlineData("6w", 6, TimeUnit.Weeks)]
    [InlineData("1 week", 1, TimeUnit.Weeks)]
    [InlineData("6 weeks", 6, TimeUnit.Weeks)]
    [InlineData("1 month", 1, TimeUnit.Months)]
    [InlineData("3 months", 3, TimeUnit.Months)]
    [InlineData("1 working day", 1, TimeUnit.WorkingDays)]
    [InlineData("5 working days", 5, TimeUnit.WorkingDays)]
    [InlineData("  5 Working \t Days ", 5, TimeUnit.WorkingDays)] // any case and white space
    [InlineData("72 HOURS", 72, TimeUnit.Hours)]
    public void Parse_EverySpelling_GivesValueAndUnit(string text, int value, TimeUnit unit)
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
    public void Parse_Null_AsksForANumberAndAUnit()
    {
        Amount.TryParse(null!, out var amount, out var error).Should().BeFalse();
        amount.Should().BeNull();
        error.Should().Be("expected a number and a unit, e.g. '72h', '5 days', '6 weeks', '3 months' or '5 working days'");
    }

    [Fact]
    public void Parse_BadForm_ThrowsFormatExceptionWithTheReason()
    {
        var act = () => Amount.Parse("-5 days");
        act.Should().Throw<FormatException>().WithMessage("a length of time cannot be negative");
    }

    [Theory]
    [InlineData(30, TimeUnit.Minutes, "30m")]
    [InlineData(1, TimeUnit.Minutes, "1m")]
    [InlineData(72, TimeUnit.Hours, "72h")]
    [InlineData(1, TimeUnit.Hours, "1h")]
    [InlineData(1, TimeUnit.Days, "1 day")]
    [InlineData(5, TimeUnit.Days, "5 days")]
    [InlineData(1, TimeUnit.Weeks, "1 week")]
    [InlineData(6, TimeUnit.Weeks, "6 weeks")]
    [InlineData(1, TimeUnit.Months, "1 month")]
    [InlineData(3, TimeUnit.Months, "3 months")]
    [InlineData(1, TimeUnit.WorkingDays, "1 working day")]
    [InlineData(5, TimeUnit.WorkingDays, "5 working days")]
    public void ToString_IsTheCanonicalText_SingularAndPlural(int value, TimeUnit unit, string expected)
    {
        new Amount(value, unit).ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData(1, TimeUnit.Minutes, "1 minute (elapsed)")]
    [InlineData(30, TimeUnit.Minutes, "30 minutes (elapsed)")]
    [InlineData(1, TimeUnit.Hours, "1 hour (elapsed)")]
    [InlineData(72, TimeUnit.Hours, "72 hours (elapsed)")]
    [InlineData(1, TimeUnit.Days, "1 day (calendar, Europe/London wall clock)")]
    [InlineData(5, TimeUnit.Days, "5 days (calendar, Europe/London wall clock)")]
    [InlineData(1, TimeUnit.Weeks, "1 week (calendar, Europe/London wall clock)")]
    [InlineData(6, TimeUnit.Weeks, "6 weeks (calendar, Europe/London wall clock)")]
    [InlineData(1, TimeUnit.Months, "1 month (calendar, Europe/London wall clock)")]
    [InlineData(3, TimeUnit.Months, "3 months (calendar, Europe/London wall clock)")]
    [InlineData(1, TimeUnit.WorkingDays, "1 working day (end of the last working day)")]
    [InlineData(5, TimeUnit.WorkingDays, "5 working days (end of the last working day)")]
    public void Describe_NamesTheCountingRule(int value, TimeUnit unit, string expected)
    {
        new Amount(value, unit).Describe().Should().Be(expected);
    }

    [Theory]
    [InlineData("30 minutes", 30)]
    [InlineData("72 hours", 72 * 60)]
    public void ToDuration_OfAnElapsedAmount_IsExact(string text, int minutes)
    {
        Amount.Parse(text).ToDuration().Should().Be(Duration.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("5 days", "5 days is not an elapsed duration")]
    [InlineData("1 month", "1 month is not an elapsed duration")]
    [InlineData("5 working days", "5 working days is not an elapsed duration")]
    public void ToDuration_OfANonElapsedAmount_ThrowsNamingIt(string text, string message)
    {
        var act = () => Amount.Parse(text).ToDuration();
        act.Should().Throw<InvalidOperationException>().WithMessage(message);
    }

    [Theory]
    [InlineData("5 days", 0, 0, 5)]
    [InlineData("6 weeks", 0, 0, 42)]
    [InlineData("3 months", 0, 3, 0)]
    public void ToPeriod_OfACalendarAmount_IsThatPeriod(string text, int years, int months, int days)
    {
        Amount.Parse(text).ToPeriod().Normalize().Should().Be(new PeriodBuilder { Years = years, Months = months, Days = days }.Build());
    }

    [Theory]
    [InlineData("72h", "72h is not a calendar period")]
    [InlineData("30m", "30m is not a calendar period")]
    [InlineData("5 working days", "5 working days is not a calendar period")]
    public void ToPeriod_OfANonCalendarAmount_ThrowsNamingIt(string text, string message)
    {
        var act = () => Amount.Parse(text).ToPeriod();
        act.Should().Throw<InvalidOperationException>().WithMessage(message);
    }

    [Fact]
    public void Times_MultipliesTheValue_KeepingTheUnit()
    {
        new Amount(5, TimeUnit.Days).Times(3).Should().Be(new Amount(15, TimeUnit.Days));
    }

    [Fact]
    public void Times_ThatOverflows_ThrowsRatherThanWrapping()
    {
        var act = () => new Amount(999_999, TimeUnit.Minutes).Times(int.MaxValue);
        act.Should().Throw<OverflowException>();
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
