using NodaTime;
using NodaTime.Text;
using Protocol.Core.Time;

namespace Protocol.Core.Tests.Time;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static LocalDate D(string text) => LocalDatePattern.Iso.Parse(text).Value;

    [Theory]
    [InlineData("2011-04-29")] // royal wedding
    [InlineData("2012-06-05")] // Diamond Jubilee
    [InlineData("2020-05-08")] // VE day, moved early May bank holiday
    [InlineData("2022-09-19")] // state funeral
    [InlineData("2023-05-08")] // coronation
    [InlineData("2025-04-18")] // Good Friday
    [InlineData("2025-12-26")] // Boxing Day
    [InlineData("2030-08-26")] // summer bank holiday, last Monday of August
    public void IsBankHoliday_KnownHolidays(string date)
    {
        Calendar.IsBankHoliday(D(date)).Should().BeTrue();
        Calendar.IsWorkingDay(D(date)).Should().BeFalse();
    }

    [Theory]
    [InlineData("2020-05-04")] // the early May bank holiday that moved to 8 May
    [InlineData("2022-05-30")] // the spring bank holiday that moved to 2 June
    [InlineData("2025-04-22")] // Tuesday after Easter Monday
    public void IsWorkingDay_OrdinaryWeekdays(string date)
    {
        Calendar.IsWorkingDay(D(date)).Should().BeTrue();
    }

    [Fact]
    public void Coverage_Is2011To2030()
    {
        Calendar.CoversFrom.Should().Be(new LocalDate(2011, 1, 1));
        Calendar.CoversTo.Should().Be(new LocalDate(2030, 12, 31));
        Calendar.Covers(new LocalDate(2031, 1, 1)).Should().BeFalse();
    }

    [Fact]
    public void NextWorkingDay_OverChristmas2025_IsMonday29()
    {
        // Wed 24 Dec → Thu 25 and Fri 26 are bank holidays, then the weekend.
        Calendar.NextWorkingDay(D("2025-12-24")).Should().Be(D("2025-12-29"));
    }

    [Fact]
    public void SameOrNextWorkingDay_OnSaturday_IsMonday()
    {
        Calendar.SameOrNextWorkingDay(D("2025-03-29")).Should().Be(D("2025-03-31"));
        Calendar.SameOrNextWorkingDay(D("2025-03-31")).Should().Be(D("2025-03-31"));
    }
}
