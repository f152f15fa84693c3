using System.Collections.Frozen;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Protocol.Core.Time;

/// <summary>
/// Working days (Monday to Friday, excluding bank holidays) and local-time rules in one time zone.
/// The shipped <see cref="EnglandAndWales"/> calendar uses Europe/London and the England and Wales
/// bank holidays 2011–2030. Immutable and thread-safe.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly FrozenSet<LocalDate> _holidays;

    /// <summary>Creates a calendar from a zone and a list of bank holidays covering [first, last].</summary>
    public WorkingDayCalendar(string id, DateTimeZone zone, IEnumerable<LocalDate> bankHolidays, LocalDate coversFrom, LocalDate coversTo)
    {
        Id = id;
        Zone = zone;
        _holidays = bankHolidays.ToFrozenSet();
        CoversFrom = coversFrom;
        CoversTo = coversTo;
    }

    private static readonly Lazy<WorkingDayCalendar> Shipped = new(LoadEnglandAndWales);

    /// <summary>England and Wales: Europe/London, bank holidays 2011–2030.</summary>
    public static WorkingDayCalendar EnglandAndWales => Shipped.Value;

    /// <summary>Calendar identifier, e.g. <c>england-and-wales</c>.</summary>
    public string Id { get; }

    /// <summary>The zone in which days, working days and wall-clock times are counted.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>First date the bank-holiday list covers.</summary>
    public LocalDate CoversFrom { get; }

    /// <summary>Last date the bank-holiday list covers.</summary>
    public LocalDate CoversTo { get; }

    /// <summary>True if the bank-holiday list covers the date.</summary>
    public bool Covers(LocalDate date) => date >= CoversFrom && date <= CoversTo;

    /// <summary>True if the date is a bank holiday.</summary>
    public bool IsBankHoliday(LocalDate date) => _holidays.Contains(date);

    /// <summary>True for Monday to Friday that is not a bank holiday.</summary>
    public bool IsWorkingDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>The first working day strictly after the date.</summary>
    public LocalDate NextWorkingDay(LocalDate date)
    {
        var d = date.PlusDays(1);
        while (!IsWorkingDay(d)) d = d.PlusDays(1);
        return d;
    }

    /// <summary>The date itself if a working day, otherwise the next working day.</summary>
    public LocalDate SameOrNextWorkingDay(LocalDate date) => IsWorkingDay(date) ? date : NextWorkingDay(date);

    /// <summary>The Nth working day after the date (the date itself is not counted).</summary>
    public LocalDate AddWorkingDays(LocalDate date, int count)
    {
        var d = date;
        for (var i = 0; i < count; i++) d = NextWorkingDay(d);
        return d;
    }

    /// <summary>The last second of the local date (23:59:59 Europe/London).</summary>
    public Instant EndOfDay(LocalDate date) => At(date, new LocalTime(23, 59, 59));

    /// <summary>A local date and time as an instant; a skipped time moves forward, a repeated time takes the later.</summary>
    public Instant At(LocalDate date, LocalTime time) => Resolve(date + time);

    /// <summary>
    /// A local date-time as an instant. A time that does not exist (clocks go forward) moves forward by
    /// the gap; a time that occurs twice (clocks go back) takes the later, so a deadline is never earlier
    /// than the wall clock suggests.
    /// </summary>
    public Instant Resolve(LocalDateTime local) => Zone.ResolveLocal(local, Resolver).ToInstant();

    private static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnForwardShifted);

    private static WorkingDayCalendar LoadEnglandAndWales()
    {
        var assembly = typeof(WorkingDayCalendar).Assembly;
        using var stream = assembly.GetManifestResourceStream("Protocol.Core.Time.england-and-wales-bank-holidays.txt")
            ?? throw new InvalidOperationException("The England and Wales bank-holiday list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var dates = new List<LocalDate>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var text = line.Split('\t', 2)[0].Trim();
            dates.Add(LocalDatePattern.Iso.Parse(text).GetValueOrThrow());
        }
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        return new WorkingDayCalendar("england-and-wales", zone, dates,
            new LocalDate(dates.Min().Year, 1, 1), new LocalDate(dates.Max().Year, 12, 31));
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} ({Zone.Id}, bank holidays {CoversFrom:yyyy}–{CoversTo:yyyy})");
}
