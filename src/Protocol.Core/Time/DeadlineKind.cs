namespace Protocol.Core.Time;

/// <summary>The named ways a protocol sets a deadline.</summary>
public enum DeadlineKind
{
    /// <summary>
    /// "Immediately", "without delay", "as soon as practicable": due at the trigger, shown as such; late only after the
    /// profile's grace for "immediately" (a named setting, which may be "never").
    /// </summary>
    Immediately,
    /// <summary>Due at the trigger itself, late the moment after it ("must be done if missing 24 hours": at the 24-hour mark).</summary>
    AtTrigger,
    /// <summary>By the end of the trigger's local date (23:59:59 Europe/London), or by a stated local time that day.</summary>
    SameDay,
    /// <summary>By the end of the trigger's date if a working day, otherwise by the end of the next working day.</summary>
    SameWorkingDay,
    /// <summary>By the end (or a stated local time) of the first working day after the trigger's date.</summary>
    NextWorkingDay,
    /// <summary>Within an amount of time: elapsed hours, calendar days/weeks/months, or working days (see <see cref="TimeUnit"/>).</summary>
    Within,
    /// <summary>Required, but the text sets no time: outstanding until done, never overdue and never late.</summary>
    Untimed,
}
