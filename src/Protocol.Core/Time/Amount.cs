using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Protocol.Core.Time;

/// <summary>
/// A length of time whose unit says how it is counted: elapsed (<c>72h</c>, <c>30m</c>), calendar
/// (<c>5 days</c>, <c>6 weeks</c>, <c>3 months</c>) or working (<c>5 working days</c>).
/// </summary>
public sealed partial record Amount(int Value, TimeUnit Unit)
{
    [GeneratedRegex(@"^\s*(?<n>[0-9]{1,6})\s*(?<u>m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks|month|months|working\s+days?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Parses forms like <c>72h</c>, <c>72 hours</c>, <c>5 days</c>, <c>6 weeks</c>, <c>3 months</c>, <c>5 working days</c>.</summary>
    public static bool TryParse(string text, out Amount? amount, out string? error)
    {
        amount = null;
        error = null;
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
        {
            error = text is { } t && t.TrimStart().StartsWith('-')
                ? "a length of time cannot be negative"
                : "expected a number and a unit, e.g. '72h', '5 days', '6 weeks', '3 months' or '5 working days'";
            return false;
        }
        var value = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unitText = Regex.Replace(match.Groups["u"].Value.ToLowerInvariant(), @"\s+", " ");
        TimeUnit unit = unitText switch
        {
            "m" or "min" or "mins" or "minute" or "minutes" => TimeUnit.Minutes,
            "h" or "hr" or "hrs" or "hour" or "hours" => TimeUnit.Hours,
            "d" or "day" or "days" => TimeUnit.Days,
            "w" or "week" or "weeks" => TimeUnit.Weeks,
            "month" or "months" => TimeUnit.Months,
            _ => TimeUnit.WorkingDays,
        };
        amount = new Amount(value, unit);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static Amount Parse(string text) =>
        TryParse(text, out var amount, out var error) ? amount! : throw new FormatException(error);

    /// <summary>True for minutes and hours, which are counted as elapsed time.</summary>
    public bool IsElapsed => Unit is TimeUnit.Minutes or TimeUnit.Hours;

    /// <summary>The elapsed duration; only for elapsed units.</summary>
    public Duration ToDuration() => Unit switch
    {
        TimeUnit.Minutes => Duration.FromMinutes(Value),
        TimeUnit.Hours => Duration.FromHours(Value),
        _ => throw new InvalidOperationException($"{this} is not an elapsed duration"),
    };

    /// <summary>The calendar period; only for days, weeks and months.</summary>
    /// <exception cref="InvalidOperationException">The unit is elapsed time or working days.</exception>
    public Period ToPeriod() => Unit switch
    {
        TimeUnit.Days => Period.FromDays(Value),
        TimeUnit.Weeks => Period.FromWeeks(Value),
        TimeUnit.Months => Period.FromMonths(Value),
        _ => throw new InvalidOperationException($"{this} is not a calendar period"),
    };

    /// <summary>This amount multiplied, e.g. the third of a series of "every 5 days" is 15 days on.</summary>
    public Amount Times(int factor) => new(checked(Value * factor), Unit);

    /// <summary>Adds this amount to an instant under the given calendar.</summary>
    public Instant AddTo(Instant start, WorkingDayCalendar calendar) => Unit switch
    {
        TimeUnit.Minutes or TimeUnit.Hours => start + ToDuration(),
        TimeUnit.Days => LocalShift(start, calendar, Period.FromDays(Value)),
        TimeUnit.Weeks => LocalShift(start, calendar, Period.FromWeeks(Value)),
        TimeUnit.Months => LocalShift(start, calendar, Period.FromMonths(Value)),
        TimeUnit.WorkingDays => calendar.EndOfDay(calendar.AddWorkingDays(start.InZone(calendar.Zone).Date, Value)),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Moves the local wall-clock time by a period (see <see cref="WorkingDayCalendar.Resolve"/> for skipped and repeated times).</summary>
    private static Instant LocalShift(Instant start, WorkingDayCalendar calendar, Period period) =>
        calendar.Resolve(start.InZone(calendar.Zone).LocalDateTime + period);

    /// <summary>Canonical text, e.g. <c>72h</c>, <c>5 days</c>, <c>5 working days</c>.</summary>
    public override string ToString() => Unit switch
    {
        TimeUnit.Minutes => $"{Value}m",
        TimeUnit.Hours => $"{Value}h",
        TimeUnit.Days => Value == 1 ? "1 day" : $"{Value} days",
        TimeUnit.Weeks => Value == 1 ? "1 week" : $"{Value} weeks",
        TimeUnit.Months => Value == 1 ? "1 month" : $"{Value} months",
        _ => Value == 1 ? "1 working day" : $"{Value} working days",
    };

    /// <summary>Readable description with the counting rule, e.g. "72 hours (elapsed)".</summary>
    public string Describe() => Unit switch
    {
        TimeUnit.Minutes => Value == 1 ? "1 minute (elapsed)" : $"{Value} minutes (elapsed)",
        TimeUnit.Hours => Value == 1 ? "1 hour (elapsed)" : $"{Value} hours (elapsed)",
        TimeUnit.WorkingDays => $"{this} (end of the last working day)",
        _ => $"{this} (calendar, Europe/London wall clock)",
    };
}
