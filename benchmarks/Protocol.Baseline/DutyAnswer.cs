using NodaTime;
using NodaTime.Text;
using Protocol.Core.Evaluation;

namespace Protocol.Baseline;

/// <summary>
/// One duty or ladder rung of the subset for one child, reduced to what both the engine and the hand-written code
/// say about it: which duty (or rung), for which episode (for a rung, the episode that reached it), when it is due
/// (null: untimed, waiting for the event its deadline counts from, or a decision with no deadline), and its state.
/// </summary>
/// <param name="Id">The obligation id, or the rung id.</param>
/// <param name="EpisodeId">The episode it belongs to, or the episode that reached the rung.</param>
/// <param name="Due">The due instant, if there is one.</param>
/// <param name="Status">Its state at the evaluation instant.</param>
public sealed record DutyAnswer(string Id, string EpisodeId, Instant? Due, ObligationStatus Status)
{
    /// <summary>Orders answers by episode, id, due and status, so that two lists can be compared item by item.</summary>
    public static IComparer<DutyAnswer> Order { get; } = Comparer<DutyAnswer>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.EpisodeId, b.EpisodeId);
        if (c == 0) c = string.CompareOrdinal(a.Id, b.Id);
        if (c == 0) c = Nullable.Compare(a.Due, b.Due);
        if (c == 0) c = a.Status.CompareTo(b.Status);
        return c;
    });

    /// <summary>e.g. <c>E-2 police-notify-front-door due 2025-03-01T10:00:00Z overdue</c>.</summary>
    public override string ToString() =>
        $"{EpisodeId} {Id} due {(Due is { } d ? InstantPattern.ExtendedIso.Format(d) : "-")} {Status.Name()}";
}
