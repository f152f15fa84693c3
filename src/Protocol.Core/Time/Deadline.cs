using NodaTime;
using NodaTime.Text;
using Protocol.Core.Model;

namespace Protocol.Core.Time;

/// <summary>
/// How the due instant of an obligation is computed from its anchor (the trigger, unless
/// <see cref="From"/> names another event).
/// </summary>
public sealed record Deadline(DeadlineKind Kind, Amount? Amount = null, EventSet? From = null, LocalTime? ByLocalTime = null)
{
    /// <summary>A deadline due at the trigger ("immediately").</summary>
    public static Deadline Immediately { get; } = new(DeadlineKind.Immediately);

    /// <summary>True if the obligation can become overdue (everything except "immediately").</summary>
    public bool CanBeOverdue => Kind != DeadlineKind.Immediately;

    /// <summary>The due instant for an anchor; for <see cref="DeadlineKind.Immediately"/>, the anchor itself.</summary>
    public Instant DueFrom(Instant anchor, WorkingDayCalendar calendar)
    {
        var date = anchor.InZone(calendar.Zone).Date;
        return Kind switch
        {
            DeadlineKind.Immediately => anchor,
            DeadlineKind.SameDay => EndOf(date, calendar, anchor),
            DeadlineKind.SameWorkingDay => EndOf(calendar.SameOrNextWorkingDay(date), calendar, anchor),
            DeadlineKind.NextWorkingDay => EndOf(calendar.NextWorkingDay(date), calendar, anchor),
            DeadlineKind.Within => Amount!.AddTo(anchor, calendar),
            _ => throw new InvalidOperationException(),
        };
    }

    private Instant EndOf(LocalDate date, WorkingDayCalendar calendar, Instant anchor)
    {
        if (ByLocalTime is not { } time) return calendar.EndOfDay(date);
        var due = calendar.At(date, time);
        // A same-day "by 12:00" rule triggered after 12:00 cannot be met that day: it is due at the trigger.
        return due < anchor ? anchor : due;
    }

    /// <summary>Readable form, e.g. "within 72 hours (elapsed) of risk-graded:high".</summary>
    public string Describe()
    {
        var by = ByLocalTime is { } t ? $" by {LocalTimePattern.CreateWithInvariantCulture("HH:mm").Format(t)}" : " (end of day)";
        var text = Kind switch
        {
            DeadlineKind.Immediately => "immediately (due at the trigger; never overdue by rule)",
            DeadlineKind.SameDay => "the same day" + by,
            DeadlineKind.SameWorkingDay => "the same working day" + by,
            DeadlineKind.NextWorkingDay => "the next working day" + by,
            _ => "within " + Amount!.Describe(),
        };
        return From is null ? text : $"{text}, counted from {From}";
    }
}
