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

    /// <summary>The event that begins the episode: last seen, else carer aware, else reported, else the first event.</summary>
    public EpisodeEvent? StartEvent =>
        Events.FirstOrDefault(e => e.Type == EventType.LastSeen)
        ?? Events.FirstOrDefault(e => e.Type == EventType.CarerAware)
        ?? Events.FirstOrDefault(e => e.Type == EventType.ReportedMissing)
        ?? Events.FirstOrDefault();

    /// <summary>The instant the episode begins (<see cref="StartEvent"/>).</summary>
    public Instant? Start => StartEvent?.At;
}
