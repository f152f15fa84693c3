using System.Collections.Immutable;

namespace Protocol.Core.Model;

/// <summary>
/// Everything evaluated for one child: the child, their history of episodes (oldest first), and
/// activity records that belong to the child rather than to one episode (e.g. a repeat-missing meeting).
/// </summary>
public sealed class ChildCase
{
    /// <summary>Creates a case; episodes are ordered by their start.</summary>
    public ChildCase(Child child, IEnumerable<Episode> episodes, IEnumerable<EpisodeEvent>? records = null)
    {
        Child = child;
        Episodes = episodes.OrderBy(e => e.Start ?? NodaTime.Instant.MaxValue).ToImmutableArray();
        Records = (records ?? []).OrderBy(e => e.At).ToImmutableArray();
    }

    /// <summary>Input positions when the case was read by <see cref="Cases.CaseReader"/>; null for a case built in code.</summary>
    internal Cases.CaseSource? Source { get; init; }

    /// <summary>The child.</summary>
    public Child Child { get; }

    /// <summary>The child's episodes, oldest first.</summary>
    public ImmutableArray<Episode> Episodes { get; }

    /// <summary>Child-level activity records, in time order.</summary>
    public ImmutableArray<EpisodeEvent> Records { get; }

    /// <summary>Every event of the child: all episodes' events and the child-level records, in time order.</summary>
    public IEnumerable<EpisodeEvent> AllEvents() =>
        Episodes.SelectMany(e => e.Events).Concat(Records).OrderBy(e => e.At);
}
