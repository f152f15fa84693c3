using System.Collections.Immutable;
using NodaTime;

namespace Protocol.Core.Model;

/// <summary>
/// The facts about a child that a protocol needs. There is deliberately no field for a name or any
/// other identifying detail: <see cref="Id"/> is an opaque reference into the consumer's own system.
/// </summary>
public sealed record Child
{
    /// <summary>Opaque identifier (never a name).</summary>
    public required string Id { get; init; }

    /// <summary>Date of birth, if known.</summary>
    public LocalDate? DateOfBirth { get; init; }

    /// <summary>Care status.</summary>
    public CareStatus CareStatus { get; init; } = CareStatus.LivingAtHome;

    /// <summary>The authority responsible for the child (for a looked-after child, the placing authority).</summary>
    public string? ResponsibleAuthority { get; init; }

    /// <summary>The authority where the child lives or is placed.</summary>
    public string? HostAuthority { get; init; }

    /// <summary>The placement or establishment (e.g. a children's home) the child lives in, if any.</summary>
    public string? Placement { get; init; }

    /// <summary>Named flags, as declared by the profile (e.g. <c>exploitation-risk</c>).</summary>
    public ImmutableHashSet<string> Flags { get; init; } = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>Age in whole years at an instant, in the given zone; null if the date of birth is unknown.</summary>
    public int? AgeAt(Instant instant, DateTimeZone zone)
    {
        if (DateOfBirth is not { } dob) return null;
        var today = instant.InZone(zone).Date;
        var years = today.Year - dob.Year;
        if (today.Month < dob.Month || (today.Month == dob.Month && today.Day < dob.Day)) years--;
        return years;
    }
}
