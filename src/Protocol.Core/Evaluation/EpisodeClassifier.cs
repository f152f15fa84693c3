using NodaTime;
using Protocol.Core.Model;
using Protocol.Core.Rules;

namespace Protocol.Core.Evaluation;

/// <summary>An episode's classifications over time: each change, from its start to the evaluation instant.</summary>
internal sealed class ClassificationHistory(IReadOnlyList<ClassificationChange> changes)
{
    /// <summary>The changes, oldest first; the first is at the episode's start.</summary>
    public IReadOnlyList<ClassificationChange> Changes { get; } = changes;

    /// <summary>The classification at the evaluation instant.</summary>
    public ClassificationChange Final => Changes[^1];

    /// <summary>The classification in force at an instant (the first one, for an instant before the episode began).</summary>
    public ClassificationChange At(Instant t)
    {
        var current = Changes[0];
        foreach (var c in Changes)
        {
            if (c.From > t) break;
            current = c;
        }
        return current;
    }

    /// <summary>
    /// The first instant at or after <paramref name="from"/> at which the episode is classified as one of the labels:
    /// <paramref name="from"/> itself if it already is, else the moment it became one; null if it never did.
    /// </summary>
    public Instant? FirstIn(Instant from, IReadOnlyList<string> labels)
    {
        if (labels.Contains(At(from).Classification, StringComparer.Ordinal)) return from;
        foreach (var c in Changes)
            if (c.From > from && labels.Contains(c.Classification, StringComparer.Ordinal)) return c.From;
        return null;
    }
}

/// <summary>
/// Follows each episode's classification through time. The profile's classification rules (first match wins) are
/// taken at the episode's start, at each later record of the child up to the evaluation instant, and at each
/// instant a time-dependent fact could change its answer without a record (a threshold reached, a night begun, a
/// flag's period): so an absence that becomes missing at its sixth hour, or when a looked-after child's whereabouts
/// are lost, or when the police re-categorise it, changes at that moment. Age is the child's age when the episode
/// began (a 12-year-old's episode does not stop being a child's under-13 episode at the 13th birthday), as are care
/// status, placement and authorities. After the missing period has ended, only records change it (a report made
/// after the return); flags and time are taken as they stood at the end. One per evaluation; not thread-safe.
/// </summary>
internal sealed class EpisodeClassifier(CompiledProfile profile, ChildCase childCase, Instant at)
{
    private const int MaxProbes = 5000;
    private readonly Dictionary<Episode, ClassificationHistory> _done = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Episode> _inProgress = new(ReferenceEqualityComparer.Instance);
    private Instant[]? _childInstants;

    /// <summary>The episode's classification history.</summary>
    public ClassificationHistory Of(Episode episode)
    {
        if (_done.TryGetValue(episode, out var done)) return done;
        _inProgress.Add(episode);
        var history = Follow(episode);
        _inProgress.Remove(episode);
        _done[episode] = history;
        return history;
    }

    /// <summary>The episode's label at an instant (its default while it is itself being classified, which breaks cycles).</summary>
    public string LabelAt(Episode episode, Instant t) =>
        _inProgress.Contains(episode) && !_done.ContainsKey(episode) ? profile.DefaultClassification : Of(episode).At(t).Classification;

    /// <summary>
    /// The label the episode would have at a later instant if nothing is recorded before it (for a duty that is still
    /// to come): the rules taken at <paramref name="t"/> with the records as they stand.
    /// </summary>
    public ClassificationChange Projected(Episode episode, Instant t) =>
        Classify(new FactContext(profile, childCase, episode, t, null, LabelAt, ageAt: episode.Start), t);

    private ClassificationChange Classify(FactContext context, Instant t)
    {
        foreach (var rule in profile.Classification)
            if (rule.When.Evaluate(context))
                return new ClassificationChange(t, rule.Label, rule.Reason, rule.Citation);
        return new ClassificationChange(t, profile.DefaultClassification, "no classification rule matched", null);
    }

    private ClassificationHistory Follow(Episode episode)
    {
        var changes = new List<ClassificationChange>();
        if (episode.Start is not { } start || start > at)
            return new ClassificationHistory([new ClassificationChange(episode.Start ?? at, profile.DefaultClassification, "no classification rule matched", null)]);
        var end = episode.MissingEnd(profile.MissingEndsOn, at)?.At;
        var own = episode.Events.Select(e => e.At).Where(i => i > start && i <= at).Distinct().ToArray();
        var useAll = false;
        var t = start;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            var factTime = end is { } e && e < t ? e : t;
            var context = new FactContext(profile, childCase, episode, t, null, LabelAt, factTime, ageAt: start);
            var change = Classify(context, t);
            // A new step when the label changes, or when another rule now gives it (its reason and citation change).
            if (changes.Count == 0 || changes[^1].Classification != change.Classification || changes[^1].Citation != change.Citation || changes[^1].Reason != change.Reason)
                changes.Add(change);
            useAll |= context.ConsultedOtherRecords;
            var next = NextAfter(useAll ? ChildInstants() : own, t);
            if (factTime == t && context.NextChange < next) next = context.NextChange;
            if (next > at) break;
            t = next;
        }
        return new ClassificationHistory(changes);
    }

    private Instant[] ChildInstants() =>
        _childInstants ??= childCase.AllEvents().Select(e => e.At).Where(i => i <= at).Distinct().Order().ToArray();

    private static Instant NextAfter(Instant[] sorted, Instant t)
    {
        foreach (var i in sorted)
            if (i > t) return i;
        return Instant.MaxValue;
    }
}
