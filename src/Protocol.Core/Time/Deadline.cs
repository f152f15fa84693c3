using NodaTime;
using NodaTime.Text;
using Protocol.Core.Model;

namespace Protocol.Core.Time;

/// <summary>
/// How the due instant of an obligation is computed from its anchor (the trigger, unless
/// <see cref="From"/> names another event), and from when it is late.
/// </summary>
public sealed record Deadline(DeadlineKind Kind, Amount? Amount = null, EventSet? From = null, LocalTime? ByLocalTime = null)
{
    /// <summary>A deadline due at the trigger ("immediately"), never late (no grace set).</summary>
    public static Deadline Immediately { get; } = new(DeadlineKind.Immediately);

    /// <summary>A required duty with no time limit.</summary>
    public static Deadline Untimed { get; } = new(DeadlineKind.Untimed);

    /// <summary>
    /// For <see cref="DeadlineKind.Immediately"/>: how long after the trigger the duty becomes late (the profile's
    /// grace for "immediately"); null means never late. Ignored for other kinds.
    /// </summary>
    public Amount? Grace { get; init; }

    /// <summary>
    /// When <see cref="From"/> names an event that is not recorded: false (the default) waits for it — the duty has no
    /// due time until it is recorded; true counts from the trigger instead, as the profile's reading says. An event
    /// that begins an absence (last seen, the carer's awareness) happened even if unrecorded and always falls back.
    /// </summary>
    public bool FromTriggerIfNotRecorded { get; init; }

    /// <summary>True if the obligation can become overdue: everything except untimed duties and "immediately" without a grace.</summary>
    public bool CanBeOverdue => Kind switch
    {
        DeadlineKind.Untimed => false,
        DeadlineKind.Immediately => Grace is not null,
        _ => true,
    };

    /// <summary>True when the deadline gives a due instant (every kind but <see cref="DeadlineKind.Untimed"/>).</summary>
    public bool HasDueInstant => Kind != DeadlineKind.Untimed;

    /// <summary>The due instant for an anchor; for <see cref="DeadlineKind.Immediately"/> and <see cref="DeadlineKind.AtTrigger"/>, the anchor itself.</summary>
    /// <exception cref="InvalidOperationException">The deadline is untimed.</exception>
    public Instant DueFrom(Instant anchor, WorkingDayCalendar calendar)
    {
        var date = anchor.InZone(calendar.Zone).Date;
        return Kind switch
        {
            DeadlineKind.Immediately or DeadlineKind.AtTrigger => anchor,
            DeadlineKind.SameDay => EndOf(date, calendar, anchor),
            DeadlineKind.SameWorkingDay => EndOf(calendar.SameOrNextWorkingDay(date), calendar, anchor),
            DeadlineKind.NextWorkingDay => EndOf(calendar.NextWorkingDay(date), calendar, anchor),
            DeadlineKind.Within => Amount!.AddTo(anchor, calendar),
            _ => throw new InvalidOperationException("An untimed deadline has no due instant."),
        };
    }

    /// <summary>
    /// The wall-clock time the deadline names, before a skipped or repeated local time is resolved: a schedule that
    /// repeats from it keeps its wall-clock time across clock changes (01:24 stays 01:24 after a day with no 01:24).
    /// </summary>
    public LocalDateTime NominalLocalDue(Instant anchor, WorkingDayCalendar calendar)
    {
        if (Kind == DeadlineKind.Within && Amount is { IsElapsed: false, Unit: not TimeUnit.WorkingDays } amount)
            return anchor.InZone(calendar.Zone).LocalDateTime + amount.ToPeriod();
        return DueFrom(anchor, calendar).InZone(calendar.Zone).LocalDateTime;
    }

    /// <summary>The instant after which the duty is late, for a due instant: null if it is never late.</summary>
    public Instant? LateAfter(Instant due, WorkingDayCalendar calendar) => Kind switch
    {
        DeadlineKind.Untimed => null,
        DeadlineKind.Immediately => Grace?.AddTo(due, calendar),
        _ => due,
    };

    private Instant EndOf(LocalDate date, WorkingDayCalendar calendar, Instant anchor)
    {
        if (ByLocalTime is not { } time) return calendar.EndOfDay(date);
        var due = calendar.At(date, time);
        // A same-day "by 12:00" rule triggered after 12:00 cannot be met that day: it is due at the trigger.
        return due < anchor ? anchor : due;
    }

    /// <summary>Readable form, e.g. "within 72 hours (elapsed), counted from risk-graded:high".</summary>
    public string Describe()
    {
        var by = ByLocalTime is { } t ? $" by {LocalTimePattern.CreateWithInvariantCulture("HH:mm").Format(t)}" : " (end of day)";
        var text = Kind switch
        {
            DeadlineKind.Immediately => Grace is { } g
                ? $"immediately (due at the trigger; late after {g}, the profile's grace for 'immediately')"
                : "immediately (due at the trigger; never overdue by rule)",
            DeadlineKind.AtTrigger => "at the trigger (late the moment after it)",
            DeadlineKind.SameDay => "the same day" + by,
            DeadlineKind.SameWorkingDay => "the same working day" + by,
            DeadlineKind.NextWorkingDay => "the next working day" + by,
            DeadlineKind.Untimed => "no time limit (required; outstanding until done)",
            _ => "within " + Amount!.Describe(),
        };
        return From is null ? text : $"{text}, counted from {From}{(FromTriggerIfNotRecorded ? " (or from the trigger if that is not recorded)" : "")}";
    }
}
