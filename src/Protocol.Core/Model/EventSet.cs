namespace Protocol.Core.Model;

/// <summary>
/// One or more kinds of event, read as "the first of these to happen" — e.g. a clock that starts at
/// <c>[found, returned]</c>, or starts at <c>last-seen</c> and falls back to <c>carer-aware</c> when the
/// case has no last-seen (<c>[last-seen, carer-aware]</c>).
/// </summary>
public sealed record EventSet
{
    /// <summary>Creates a set from one or more references.</summary>
    public EventSet(IReadOnlyList<EventReference> events)
    {
        if (events.Count == 0) throw new ArgumentException("An event set needs at least one event.", nameof(events));
        Events = events;
    }

    /// <summary>A set of one event.</summary>
    public static implicit operator EventSet(EventReference reference) => new([reference]);

    /// <summary>The references.</summary>
    public IReadOnlyList<EventReference> Events { get; }

    /// <summary>True if the event matches any reference.</summary>
    public bool Matches(EpisodeEvent e) => Events.Any(r => r.Matches(e));

    /// <summary>The earliest matching event in the episode at or before <paramref name="asAt"/>.</summary>
    public EpisodeEvent? FirstIn(Episode episode, NodaTime.Instant asAt) => episode.FirstOf(Events, asAt);

    /// <inheritdoc />
    public bool Equals(EventSet? other) => other is not null && Events.SequenceEqual(other.Events);

    /// <inheritdoc />
    public override int GetHashCode() => Events.Aggregate(17, (h, e) => h * 31 + e.GetHashCode());

    /// <summary>e.g. "found", or "the first of found, returned".</summary>
    public override string ToString() => Events.Count == 1 ? Events[0].ToString() : $"the first of {string.Join(", ", Events)}";
}
