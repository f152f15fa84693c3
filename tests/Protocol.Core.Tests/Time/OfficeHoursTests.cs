using NodaTime;
using NodaTime.Text;
using Protocol.Core.Time;

namespace Protocol.Core.Tests.Time;

/// <summary>The <see cref="OfficeHours"/> value itself; how a profile's office hours gate a duty is in Evaluation/OfficeHoursTests.</summary>
public class OfficeHoursTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static Instant I(string text) => InstantPattern.ExtendedIso.Parse(text).Value;
    private static LocalDate D(string text) => LocalDatePattern.Iso.Parse(text).Value;
    private static LocalTime T(string text) => LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text).Value;

    private static OfficeHours NineToFiveFridayHalfFour() =>
        new(T("09:00"), T("17:00"), new Dictionary<IsoDayOfWeek, (LocalTime, LocalTime)> { [IsoDayOfWeek.Friday] = (T("09:00"), T("16:30")) });

    [Theory]
    [InlineData("09:00", "09:00")] // ends as it starts
    [InlineData("09:00", "08:59")] // ends before it starts
    public void Constructor_EndNotAfterStart_Throws(string start, string end)
    {
        var act = () => new OfficeHours(T(start), T(end));
        act.Should().Throw<ArgumentException>().WithMessage("Office hours must end after they start.*")
            .Which.ParamName.Should().Be("end");
    }

    [Fact]
    public void Constructor_EndAMinuteAfterStart_IsAccepted()
    {
        var hours = new OfficeHours(T("09:00"), T("09:01"));
        hours.Start.Should().Be(T("09:00"));
        hours.End.Should().Be(T("09:01"));
        hours.ByDay.Should().BeEmpty();
    }

    [Theory]
    [InlineData("16:30", "16:30")]
    [InlineData("16:30", "16:29")]
    public void Constructor_ADayWhoseEndIsNotAfterItsStart_Throws(string start, string end)
    {
        var act = () => new OfficeHours(T("09:00"), T("17:00"),
            new Dictionary<IsoDayOfWeek, (LocalTime, LocalTime)> { [IsoDayOfWeek.Friday] = (T(start), T(end)) });
        act.Should().Throw<ArgumentException>().WithMessage("Office hours must end after they start.*")
            .Which.ParamName.Should().Be("byDay");
    }

    [Fact]
    public void Constructor_ADayEndingAMinuteAfterItsStart_IsAccepted()
    {
        var hours = new OfficeHours(T("09:00"), T("17:00"),
            new Dictionary<IsoDayOfWeek, (LocalTime, LocalTime)> { [IsoDayOfWeek.Friday] = (T("16:30"), T("16:31")) });
        hours.ByDay.Should().ContainKey(IsoDayOfWeek.Friday).WhoseValue.Should().Be((T("16:30"), T("16:31")));
    }

    [Theory]
    [InlineData("2025-02-06", "09:00", "17:00")] // Thursday: the usual hours
    [InlineData("2025-02-07", "09:00", "16:30")] // Friday: its own hours
    public void On_AWorkingDay_GivesThatDaysHours(string date, string start, string end)
    {
        NineToFiveFridayHalfFour().On(D(date), Calendar).Should().Be((T(start), T(end)));
    }

    [Theory]
    [InlineData("2025-02-08")] // Saturday
    [InlineData("2025-05-26")] // spring bank holiday
    public void On_ADayThatIsNotAWorkingDay_IsNull(string date)
    {
        NineToFiveFridayHalfFour().On(D(date), Calendar).Should().BeNull();
    }

    [Theory]
    [InlineData("2025-02-07T16:29:59Z", true)]  // Friday, a second before its close
    [InlineData("2025-02-07T16:30:00Z", false)] // Friday close (exclusive)
    [InlineData("2025-06-06T15:29:59Z", true)]  // Friday 16:29:59 BST
    [InlineData("2025-06-06T15:30:00Z", false)] // Friday 16:30 BST
    [InlineData("2025-06-05T07:59:59Z", false)] // Thursday 08:59:59 BST
    [InlineData("2025-06-05T08:00:00Z", true)]  // Thursday 09:00 BST
    public void Contains_UsesTheDaysOwnHoursOnLondonTime(string instant, bool inHours)
    {
        NineToFiveFridayHalfFour().Contains(I(instant), Calendar).Should().Be(inHours);
    }

    [Theory]
    [InlineData("2025-02-07T12:00:00Z", "2025-02-07T16:30:00Z")] // Friday in hours → its own close
    [InlineData("2025-02-07T16:30:00Z", "2025-02-10T09:00:00Z")] // at the Friday close → Monday opening
    [InlineData("2025-03-28T17:00:00Z", "2025-03-31T08:00:00Z")] // Friday evening GMT → Monday 09:00 BST
    [InlineData("2025-05-23T16:00:00Z", "2025-05-27T08:00:00Z")] // Friday before the spring bank holiday → Tuesday
    public void NextChange_IsTheNextOpeningOrClosing(string after, string next)
    {
        NineToFiveFridayHalfFour().NextChange(I(after), Calendar).Should().Be(I(next));
    }

    [Fact]
    public void ToString_WithoutDaysOfTheirOwn()
    {
        new OfficeHours(T("09:00"), T("17:00")).ToString().Should().Be("09:00–17:00 on working days");
    }

    [Fact]
    public void ToString_ListsDaysOfTheirOwnInWeekdayOrder()
    {
        var hours = new OfficeHours(T("09:00"), T("17:00"), new Dictionary<IsoDayOfWeek, (LocalTime, LocalTime)>
        {
            [IsoDayOfWeek.Friday] = (T("09:00"), T("16:30")),
            [IsoDayOfWeek.Monday] = (T("10:00"), T("17:00")),
        });
        hours.ToString().Should().Be("09:00–17:00 on working days (Monday 10:00–17:00, Friday 09:00–16:30)");
    }
}
