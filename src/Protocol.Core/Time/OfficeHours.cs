using System.Collections.Frozen;
using NodaTime;
using NodaTime.Text;

namespace Protocol.Core.Time;

/// <summary>
/// The hours a service keeps on working days (Europe/London wall clock), e.g. 09:00–17:00, with other hours on
/// some weekdays (Friday 09:00–16:30). Outside them — evenings, nights, weekends and bank holidays — is "out of
/// hours". Immutable.
/// </summary>
public sealed class OfficeHours
{
    private readonly FrozenDictionary<IsoDayOfWeek, (LocalTime Start, LocalTime End)> _byDay;

    /// <summary>Creates office hours: [start, end) on every working day, except the days given their own hours.</summary>
    /// <exception cref="ArgumentException">An end is not after its start.</exception>
    public OfficeHours(LocalTime start, LocalTime end, IReadOnlyDictionary<IsoDayOfWeek, (LocalTime Start, LocalTime End)>? byDay = null)
    {
        if (end <= start) throw new ArgumentException("Office hours must end after they start.", nameof(end));
        Start = start;
        End = end;
        _byDay = (byDay ?? new Dictionary<IsoDayOfWeek, (LocalTime, LocalTime)>()).ToFrozenDictionary();
        if (_byDay.Values.Any(d => d.End <= d.Start)) throw new ArgumentException("Office hours must end after they start.", nameof(byDay));
    }

    /// <summary>Opening time on working days without their own hours.</summary>
    public LocalTime Start { get; }

    /// <summary>Closing time (exclusive) on working days without their own hours.</summary>
    public LocalTime End { get; }

    /// <summary>Weekdays with their own hours.</summary>
    public IReadOnlyDictionary<IsoDayOfWeek, (LocalTime Start, LocalTime End)> ByDay => _byDay;

    /// <summary>The hours on a date, or null when it is not a working day.</summary>
    public (LocalTime Start, LocalTime End)? On(LocalDate date, WorkingDayCalendar calendar) =>
        !calendar.IsWorkingDay(date) ? null : _byDay.GetValueOrDefault(date.DayOfWeek, (Start, End));

    /// <summary>True if the instant falls within office hours.</summary>
    public bool Contains(Instant instant, WorkingDayCalendar calendar)
    {
        var local = instant.InZone(calendar.Zone).LocalDateTime;
        var hours = On(local.Date, calendar);
        return hours is not null && local.TimeOfDay >= hours.Value.Start && local.TimeOfDay < hours.Value.End;
    }

    /// <summary>The next instant after <paramref name="after"/> at which office hours open or close.</summary>
    public Instant NextChange(Instant after, WorkingDayCalendar calendar)
    {
        var date = after.InZone(calendar.Zone).Date;
        for (var i = 0; i < 400; i++, date = date.PlusDays(1))
        {
            var hours = On(date, calendar);
            if (hours is null) continue;
            var h = hours.Value;
            var open = calendar.At(date, h.Start);
            if (open > after) return open;
            var close = calendar.At(date, h.End);
            if (close > after) return close;
        }
        return Instant.MaxValue;
    }

    /// <summary>e.g. "09:00–17:00 on working days (Friday 09:00–16:30)".</summary>
    public override string ToString()
    {
        var p = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
        var days = _byDay.OrderBy(d => d.Key).Select(d => $"{d.Key} {p.Format(d.Value.Start)}–{p.Format(d.Value.End)}").ToList();
        return $"{p.Format(Start)}–{p.Format(End)} on working days" + (days.Count == 0 ? "" : $" ({string.Join(", ", days)})");
    }
}
