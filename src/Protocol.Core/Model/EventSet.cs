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
/// <c>[found, returned]</c> — or as "the last of these, once all have happened" (<c>{ last-of: [...] }</c>). Each
/// event counts at its first occurrence in the episode. A list of events that begin the absence (last seen, the
/// carer's awareness) is read in the order written: <c>[last-seen, carer-aware]</c> is last seen, or the carer's
/// awareness when last seen is not recorded.
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
        if (Mode == EventSetMode.FirstOf)
        {
            // Events that begin the absence are read in the order written: "last seen, or the carer's awareness when
            // last seen is not recorded" (a carer aware before a later sighting recorded as last seen does not start
            // the absence earlier).
            if (!BeginsAbsence || Events.Count == 1) return episode.FirstOf(Events, asAt);
            foreach (var r in Events)
                if (episode.First(r, asAt) is { } e) return e;
            return null;
        }
        EpisodeEvent? last = null;
        foreach (var r in Events)
        {
            var e = episode.First(r, asAt);
            if (e is null) return null;
            if (last is null || e.At > last.At) last = e;
        }
        return last;
    }

    /// <summary>
    /// The instant a clock counted from this set starts: <see cref="FirstIn"/>, or, when the set names only events that
    /// begin the absence and none is recorded, the episode's own start (<see cref="Episode.StartEvent"/>) — the absence
    /// began, even if that was not written down. Null when the clock cannot start yet.
    /// </summary>
    public EpisodeEvent? ClockStartIn(Episode episode, NodaTime.Instant asAt) =>
        FirstIn(episode, asAt) ?? (BeginsAbsence && episode.StartEvent is { } start && start.At <= asAt ? start : null);

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
