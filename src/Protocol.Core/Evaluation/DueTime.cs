using NodaTime;
using NodaTime.Text;

namespace Protocol.Core.Evaluation;

/// <summary>A due instant, in UTC and as Europe/London local time, with the rule that set it.</summary>
/// <param name="Utc">The due instant.</param>
/// <param name="Local">The same instant in the profile's zone, ISO-8601 with offset.</param>
/// <param name="Rule">The deadline rule, in words.</param>
/// <param name="Immediate">True when due "immediately" (shown as such; late only after the profile's grace, if any).</param>
public sealed record DueTime(Instant Utc, string Local, string Rule, bool Immediate)
{
    private static readonly OffsetDateTimePattern LocalPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    /// <summary>
    /// The instant after which it is late: the due instant itself for most deadlines, later for "immediately" with a
    /// grace, and null when it can never be late ("immediately" without a grace).
    /// </summary>
    public Instant? LateAfter { get; init; }

    /// <summary>Creates a due time, formatting the local time in the zone.</summary>
    public static DueTime Create(Instant utc, DateTimeZone zone, string rule, bool immediate, Instant? lateAfter) =>
        new(utc, FormatLocal(utc, zone), rule, immediate) { LateAfter = lateAfter };

    /// <summary>ISO-8601 local time with offset, e.g. <c>2025-03-30T14:00:00+01:00</c>.</summary>
    public static string FormatLocal(Instant instant, DateTimeZone zone) =>
        LocalPattern.Format(instant.InZone(zone).ToOffsetDateTime());
}
