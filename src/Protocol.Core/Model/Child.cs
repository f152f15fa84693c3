using System.Collections.Immutable;
using NodaTime;

namespace Protocol.Core.Model;

/// <summary>
/// The facts about a child that a protocol needs. There is deliberately no field for a name or any
/// other identifying detail: <see cref="Id"/> is an opaque reference into the consumer's own system.
/// <para>
/// Facts may change over time: <see cref="FlagPeriods"/> hold flags that apply for a period, and
/// <see cref="Changes"/> record dated changes of care status, placement and authorities. The plain
/// properties (<see cref="CareStatus"/>, <see cref="Placement"/>, …) hold the facts before the first change.
/// </para>
/// </summary>
public sealed record Child
{
    /// <summary>Opaque identifier (never a name).</summary>
    public required string Id { get; init; }

    /// <summary>Date of birth, if known.</summary>
    public LocalDate? DateOfBirth { get; init; }

    /// <summary>Care status (before the first of <see cref="Changes"/>, or always if there are none).</summary>
    public CareStatus CareStatus { get; init; } = CareStatus.LivingAtHome;

    /// <summary>The authority responsible for the child (for a looked-after child, the placing authority).</summary>
    public string? ResponsibleAuthority { get; init; }

    /// <summary>The authority where the child lives or is placed.</summary>
    public string? HostAuthority { get; init; }

    /// <summary>The placement or establishment (e.g. a children's home) the child lives in, if any.</summary>
    public string? Placement { get; init; }

    /// <summary>Named flags that always apply, as declared by the profile (e.g. <c>exploitation-risk</c>).</summary>
    public ImmutableHashSet<string> Flags { get; init; } = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>Named flags that apply for a period only (from a date, until a date, or both).</summary>
    public ImmutableArray<FlagPeriod> FlagPeriods { get; init; } = [];

    /// <summary>Dated changes of care status, placement and authorities, in time order.</summary>
    public ImmutableArray<CircumstanceChange> Changes { get; init; } = [];

    /// <summary>True if the child had the flag at the instant: always, or within one of its periods.</summary>
    public bool HasFlagAt(string flag, Instant at)
    {
        if (Flags.Contains(flag)) return true;
        foreach (var p in FlagPeriods)
            if (p.Flag == flag && p.Covers(at)) return true;
        return false;
    }

    /// <summary>Every flag name the child carries at some time (always or for a period).</summary>
    public IEnumerable<string> AllFlagNames() => Flags.Concat(FlagPeriods.Select(p => p.Flag)).Distinct(StringComparer.Ordinal);

    /// <summary>The next instant after <paramref name="after"/> at which one of the flag's periods begins or ends, if any.</summary>
    public Instant? NextFlagChange(string flag, Instant after)
    {
        if (Flags.Contains(flag)) return null;
        Instant? next = null;
        foreach (var p in FlagPeriods)
        {
            if (p.Flag != flag) continue;
            if (p.From is { } f && f > after && (next is null || f < next)) next = f;
            if (p.Until is { } u && u > after && (next is null || u < next)) next = u;
        }
        return next;
    }

    /// <summary>Care status, authorities and placement in force at the instant.</summary>
    public Circumstances CircumstancesAt(Instant at)
    {
        var c = new Circumstances(CareStatus, ResponsibleAuthority, HostAuthority, Placement);
        foreach (var change in Changes)
        {
            if (change.From > at) break;
            c = new Circumstances(change.CareStatus ?? c.CareStatus, change.ResponsibleAuthority ?? c.ResponsibleAuthority,
                change.HostAuthority ?? c.HostAuthority, change.Placement ?? c.Placement);
        }
        return c;
    }

    /// <summary>Age in whole years at an instant, in the given zone; null if the date of birth is unknown.</summary>
    public int? AgeAt(Instant instant, DateTimeZone zone)
    {
        if (DateOfBirth is not { } dob) return null;
        var today = instant.InZone(zone).Date;
        var years = today.Year - dob.Year;
        if (today.Month < dob.Month || (today.Month == dob.Month && today.Day < dob.Day)) years--;
        return years;
    }

    /// <summary>The first birthday strictly after the instant, as the start of that local day; null if the date of birth is unknown.</summary>
    public Instant? NextBirthday(Instant instant, DateTimeZone zone)
    {
        if (DateOfBirth is not { } dob) return null;
        var today = instant.InZone(zone).Date;
        for (var year = today.Year; year <= today.Year + 1; year++)
        {
            // 29 February birthdays fall on 28 February in other years (the day before 1 March, as NodaTime clamps).
            var birthday = dob.PlusYears(year - dob.Year);
            var start = zone.AtStartOfDay(birthday).ToInstant();
            if (start > instant) return start;
        }
        return null;
    }
}

/// <summary>A flag that applies for a period: from <see cref="From"/> (inclusive) until <see cref="Until"/> (exclusive); an open end is unbounded.</summary>
/// <param name="Flag">The flag, as declared by the profile.</param>
/// <param name="From">When it began to apply, if it did not always.</param>
/// <param name="Until">When it stopped applying, if it has.</param>
public sealed record FlagPeriod(string Flag, Instant? From, Instant? Until)
{
    /// <summary>True if the period covers the instant.</summary>
    public bool Covers(Instant at) => (From is null || at >= From) && (Until is null || at < Until);
}

/// <summary>A dated change of a child's circumstances; a null field is unchanged.</summary>
public sealed record CircumstanceChange
{
    /// <summary>When the change took effect.</summary>
    public required Instant From { get; init; }
    /// <summary>The new care status, if it changed.</summary>
    public CareStatus? CareStatus { get; init; }
    /// <summary>The new responsible authority, if it changed.</summary>
    public string? ResponsibleAuthority { get; init; }
    /// <summary>The new host authority, if it changed.</summary>
    public string? HostAuthority { get; init; }
    /// <summary>The new placement, if it changed.</summary>
    public string? Placement { get; init; }
}

/// <summary>A child's care status, authorities and placement at one instant.</summary>
public sealed record Circumstances(CareStatus CareStatus, string? ResponsibleAuthority, string? HostAuthority, string? Placement);
