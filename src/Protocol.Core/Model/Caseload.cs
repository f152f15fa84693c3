using System.Collections.Immutable;

namespace Protocol.Core.Model;

/// <summary>
/// Several children evaluated together, so that ladders can count episodes per establishment; with the
/// records that belong to an establishment (e.g. an organisational review held), by establishment id.
/// </summary>
public sealed class Caseload
{
    /// <summary>Creates a caseload.</summary>
    public Caseload(IEnumerable<ChildCase> children, IReadOnlyDictionary<string, ImmutableArray<EpisodeEvent>>? establishmentRecords = null)
    {
        Children = children.ToImmutableArray();
        EstablishmentRecords = establishmentRecords ?? ImmutableDictionary<string, ImmutableArray<EpisodeEvent>>.Empty;
    }

    /// <summary>The children.</summary>
    public ImmutableArray<ChildCase> Children { get; }

    /// <summary>Establishment-level activity records, in time order, by establishment id.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<EpisodeEvent>> EstablishmentRecords { get; }
}
