namespace Protocol.Core.Model;

/// <summary>How an <see cref="EventSet"/> of several events picks its instant.</summary>
public enum EventSetMode
{
    /// <summary>The first of these to happen (e.g. found or returned, whichever is first).</summary>
    FirstOf,
    /// <summary>The last of these, once every one has happened (e.g. after police, social worker and parents have all been told).</summary>
    LastOf,
}

/// <summary>
/// One or more kinds of event, read as "the first of these to happen" — e.g. a clock that starts at
/// <c>[found, returned]</c>, or starts at <c>last-seen</c> and falls back to <c>carer-aware</c> when the
/// case has no last-seen (<c>[last-seen, carer-aware]</c>) — or as "the last of these, once all have
/// happened" (<c>{ last-of: [...] }</c>). Each event counts at its first occurrence in the episode.
/// </summary>
public sealed record EventSet
{
    /// <summary>Creates a set from one or more references.</summary>
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public EventSet(IReadOnlyList<EventReference> events, EventSetMode mode = EventSetMode.FirstOf)
    {
        if (events.Count == 0) throw new ArgumentException("An event set needs at least one event.", nameof(events));
        Events = events;
        Mode = events.Count == 1 ? EventSetMode.FirstOf : mode;
    }

    /// <summary>A set of one event.</summary>
    public static implicit operator EventSet(EventReference reference) => new([reference]);

    /// <summary>The references.</summary>
    public IReadOnlyList<EventReference> Events { get; }

    /// <summary>First of, or last of.</summary>
    public EventSetMode Mode { get; }

    /// <summary>True if the event matches any reference.</summary>
    public bool Matches(EpisodeEvent e)
    {
        foreach (var r in Events)
            if (r.Matches(e)) return true;
        return false;
    }

    /// <summary>
    /// The event that gives the set its instant, at or before <paramref name="asAt"/>: for "first of", the earliest
    /// matching event; for "last of", the latest of each reference's first occurrence, or null until all have happened.
    /// </summary>
    public EpisodeEvent? FirstIn(Episode episode, NodaTime.Instant asAt)
    {
        if (Mode == EventSetMode.FirstOf) return episode.FirstOf(Events, asAt);
        EpisodeEvent? last = null;
        foreach (var r in Events)
        {
            var e = episode.First(r, asAt);
            if (e is null) return null;
            if (last is null || e.At > last.At) last = e;
        }
        return last;
    }

    /// <summary>The references with no occurrence in the episode at or before <paramref name="asAt"/>.</summary>
    public IReadOnlyList<EventReference> NotYetIn(Episode episode, NodaTime.Instant asAt) =>
        Events.Where(r => episode.First(r, asAt) is null).ToList();

    /// <summary>True if every reference is an event that begins an absence (last-seen, carer-aware): one that already happened if unrecorded.</summary>
    public bool BeginsAbsence => Events.All(r => r.Type.BeginsAbsence());

    /// <inheritdoc />
    public bool Equals(EventSet? other) => other is not null && Mode == other.Mode && Events.SequenceEqual(other.Events);

    /// <inheritdoc />
    public override int GetHashCode() => Events.Aggregate(17 + (int)Mode, (h, e) => h * 31 + e.GetHashCode());

    /// <summary>e.g. "found", "the first of found, returned" or "the last of a, b".</summary>
    public override string ToString() => Events.Count == 1 ? Events[0].ToString()
        : Mode == EventSetMode.FirstOf ? $"the first of {string.Join(", ", Events)}" : $"the last of {string.Join(", ", Events)}";
}
