using System.Reflection;
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
    }

    [Theory]
    [InlineData("2010-12-31", false)] // the day before the list starts
    [InlineData("2011-01-01", true)]  // the first day covered
    [InlineData("2011-01-02", true)]
    [InlineData("2020-06-15", true)]
    [InlineData("2030-12-30", true)]
    [InlineData("2030-12-31", true)]  // the last day covered
    [InlineData("2031-01-01", false)] // the day after
    public void Covers_BothEndsInclusive(string date, bool covered)
    {
        Calendar.Covers(D(date)).Should().Be(covered);
    }

    [Theory]
    [InlineData("2011-01-03", true)]  // first date in the list: New Year's Day (substitute day), a Monday
    [InlineData("2011-01-04", false)]
    [InlineData("2030-12-25", true)]
    [InlineData("2030-12-26", true)]  // last date in the list: Boxing Day, a Thursday
    [InlineData("2030-12-27", false)]
    public void IsBankHoliday_FirstAndLastDatesOfTheList(string date, bool holiday)
    {
        Calendar.IsBankHoliday(D(date)).Should().Be(holiday);
        Calendar.IsWorkingDay(D(date)).Should().Be(!holiday);
    }

    [Theory]
    [InlineData("2010-12-31", "2011-01-04")] // Fri → over the weekend and the first holiday of the list
    [InlineData("2030-12-24", "2030-12-27")] // Tue → over the last two holidays of the list
    public void NextWorkingDay_AtTheEndsOfTheList(string date, string next)
    {
        Calendar.NextWorkingDay(D(date)).Should().Be(D(next));
    }

    [Fact]
    public void ToString_NamesTheZoneAndTheYearsCovered()
    {
        Calendar.ToString().Should().Be("england-and-wales (Europe/London, bank holidays 2011–2030)");
    }

    /// <summary>
    /// The shipped calendar is loaded once per process and cached; this reads the embedded list again, so that the
    /// loader itself is checked (and not only the cached result of an earlier load).
    /// </summary>
    private static WorkingDayCalendar LoadShippedListAgain() =>
        (WorkingDayCalendar)typeof(WorkingDayCalendar)
            .GetMethod("LoadEnglandAndWales", BindingFlags.NonPublic | BindingFlags.Static)!
            .Invoke(null, null)!;

    [Fact]
    public void Loading_TheShippedList_GivesEnglandAndWalesOnLondonTime_2011To2030()
    {
        var calendar = LoadShippedListAgain();
        calendar.Id.Should().Be("england-and-wales");
        calendar.Zone.Id.Should().Be("Europe/London");
        calendar.CoversFrom.Should().Be(D("2011-01-01"));
        calendar.CoversTo.Should().Be(D("2030-12-31"));
        calendar.ToString().Should().Be("england-and-wales (Europe/London, bank holidays 2011–2030)");
    }

    [Fact]
    public void Loading_TheShippedList_ReadsEveryHolidayLineAndSkipsTheComments()
    {
        var calendar = LoadShippedListAgain();
        var holidays = new List<LocalDate>();
        for (var d = D("2011-01-01"); d <= D("2030-12-31"); d = d.PlusDays(1))
            if (calendar.IsBankHoliday(d)) holidays.Add(d);
        holidays.Should().HaveCount(165); // 173 lines, of which 8 are comments
        holidays[0].Should().Be(D("2011-01-03"));
        holidays[^1].Should().Be(D("2030-12-26"));
    }

    [Fact]
    public void Constructor_KeepsWhatItIsGiven()
    {
        var calendar = new WorkingDayCalendar("test", DateTimeZone.Utc, [D("2024-12-25")], D("2024-01-01"), D("2024-12-31"));
        calendar.Id.Should().Be("test");
        calendar.Zone.Should().Be(DateTimeZone.Utc);
        calendar.CoversFrom.Should().Be(D("2024-01-01"));
        calendar.CoversTo.Should().Be(D("2024-12-31"));
        calendar.IsBankHoliday(D("2024-12-25")).Should().BeTrue();
        calendar.IsWorkingDay(D("2024-12-25")).Should().BeFalse();
        calendar.IsWorkingDay(D("2024-12-26")).Should().BeTrue(); // Boxing Day is not in this list
        calendar.ToString().Should().Be("test (UTC, bank holidays 2024–2024)");
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
