namespace Protocol.Core.Time;

/// <summary>The unit of an <see cref="Amount"/>, which also fixes how it is counted.</summary>
public enum TimeUnit
{
    /// <summary>Elapsed minutes: always exactly 60 seconds each, whatever the clock does.</summary>
    Minutes,
    /// <summary>Elapsed hours: "72 hours" is always 72 hours, across clock changes.</summary>
    Hours,
    /// <summary>Calendar days: the same wall-clock time in Europe/London N days later (71 or 73 elapsed hours over a clock change for 3 days).</summary>
    Days,
    /// <summary>Calendar weeks: 7 calendar days each.</summary>
    Weeks,
    /// <summary>Calendar months, at the same wall-clock time (clamped to the month's last day).</summary>
    Months,
    /// <summary>Working days: Monday to Friday, excluding England and Wales bank holidays; ends at the end of the last working day.</summary>
    WorkingDays,
}
