using Protocol.Core.Model;

namespace Protocol.Core.Cases;

/// <summary>
/// Where each part of a case read from input came from: the input position of each episode, the input
/// path of each event (by reference, so equal events stay distinct), and the flags in input order. Lets
/// <see cref="CaseValidator"/> name records by their input paths although the model keeps them sorted.
/// </summary>
internal sealed class CaseSource
{
    public Dictionary<Episode, int> Episodes { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<EpisodeEvent, Origin> Events { get; } = new(ReferenceEqualityComparer.Instance);

    public List<(int Index, string Flag)> Flags { get; } = [];

    public Dictionary<CircumstanceChange, int> Changes { get; } = new(ReferenceEqualityComparer.Instance);
}

/// <summary>An event's input path (<c>episodes[1].events[3]</c>) and its index in its input list.</summary>
internal readonly record struct Origin(string Path, int Index);
