using System.Collections.Immutable;
using NodaTime;

namespace Protocol.Core.Model;

/// <summary>One absence of a child: a timeline of events, kept in time order.</summary>
public sealed class Episode
{
    /// <summary>Creates an episode; events are sorted by instant (stable for equal instants).</summary>
    public Episode(string id, IEnumerable<EpisodeEvent> events, string? placement = null)
    {
        Id = id;
        Placement = placement;
        Events = events.OrderBy(e => e.At).ToImmutableArray();
    }

    /// <summary>Opaque identifier from the case-management system.</summary>
    public string Id { get; }

    /// <summary>The establishment the child was placed in when the episode began, if different from the child's current placement.</summary>
    public string? Placement { get; }

    /// <summary>The events, in time order.</summary>
    public ImmutableArray<EpisodeEvent> Events { get; }

    /// <summary>The first event matching the reference at or before <paramref name="asAt"/>.</summary>
    public EpisodeEvent? First(EventReference reference, Instant asAt)
    {
        foreach (var e in Events)
        {
            if (e.At > asAt) break;
            if (reference.Matches(e)) return e;
        }
        return null;
    }

    /// <summary>The first event of any of the references, at or before <paramref name="asAt"/>.</summary>
    public EpisodeEvent? FirstOf(IReadOnlyList<EventReference> references, Instant asAt)
    {
        foreach (var e in Events)
        {
            if (e.At > asAt) break;
            foreach (var r in references)
                if (r.Matches(e)) return e;
        }
        return null;
    }

    /// <summary>
    /// The event that ends the missing period: the first of <paramref name="endsOn"/> at or before
    /// <paramref name="asAt"/>, except that whereabouts-known followed by whereabouts-lost does not end it (the
    /// child's whereabouts became unknown again). Null while the missing period goes on.
    /// </summary>
    public EpisodeEvent? MissingEnd(IReadOnlyList<EventReference> endsOn, Instant asAt)
    {
        for (var i = 0; i < Events.Length; i++)
        {
            var e = Events[i];
            if (e.At > asAt) break;
            var ends = false;
            foreach (var r in endsOn)
                if (r.Matches(e)) { ends = true; break; }
            if (!ends) continue;
            if (e.Type == EventType.WhereaboutsKnown && LostAfter(i, asAt)) continue;
            return e;
        }
        return null;
    }

    /// <summary>True if whereabouts-lost follows the event at <paramref name="index"/> (at or before <paramref name="asAt"/>) before any further whereabouts-known.</summary>
    private bool LostAfter(int index, Instant asAt)
    {
        for (var j = index + 1; j < Events.Length && Events[j].At <= asAt; j++)
        {
            if (Events[j].Type == EventType.WhereaboutsLost) return true;
            if (Events[j].Type == EventType.WhereaboutsKnown) return false;
        }
        return false;
    }

    /// <summary>
    /// True if the child's whereabouts were known at <paramref name="asAt"/>: the latest whereabouts-known or
    /// whereabouts-lost at or before it is whereabouts-known.
    /// </summary>
    public bool WhereaboutsKnownAt(Instant asAt)
    {
        var known = false;
        foreach (var e in Events)
        {
            if (e.At > asAt) break;
            if (e.Type == EventType.WhereaboutsKnown) known = true;
            else if (e.Type == EventType.WhereaboutsLost) known = false;
        }
        return known;
    }

    /// <summary>The latest police category recorded at or before <paramref name="asAt"/>, if any.</summary>
    public string? PoliceCategoryAt(Instant asAt)
    {
        string? category = null;
        foreach (var e in Events)
        {
            if (e.At > asAt) break;
            if (e.Type == EventType.Categorised) category = e.Category;
        }
        return category;
    }

    /// <summary>The event that begins the episode: last seen, else carer aware, else reported, else the first event.</summary>
    public EpisodeEvent? StartEvent =>
        Events.FirstOrDefault(e => e.Type == EventType.LastSeen)
        ?? Events.FirstOrDefault(e => e.Type == EventType.CarerAware)
        ?? Events.FirstOrDefault(e => e.Type == EventType.ReportedMissing)
        ?? Events.FirstOrDefault();

    /// <summary>The instant the episode begins (<see cref="StartEvent"/>).</summary>
    public Instant? Start => StartEvent?.At;
}
