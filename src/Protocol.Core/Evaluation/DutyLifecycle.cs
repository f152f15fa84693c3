using NodaTime;
using Protocol.Core.Model;

namespace Protocol.Core.Evaluation;

/// <summary>What is known about one duty (an obligation, an occurrence of it, or a rung) when its state is decided.</summary>
internal readonly record struct DutyFacts
{
    /// <summary>False while it has not arisen yet (a threshold ahead, the next occurrence of a schedule).</summary>
    public required bool Raised { get; init; }
    /// <summary>When it arose, or would arise.</summary>
    public required Instant RaisedAt { get; init; }
    /// <summary>True for a "consider" duty (or a decision raised instead of a rung's deadline).</summary>
    public bool Decision { get; init; }
    /// <summary>The due instant, if there is one.</summary>
    public Instant? Due { get; init; }
    /// <summary>The instant after which it is late; null if it cannot be late.</summary>
    public Instant? LateAfter { get; init; }
    /// <summary>The events its deadline waits for, in words, while not recorded.</summary>
    public string? WaitingFor { get; init; }
    /// <summary>True for a duty the text does not time.</summary>
    public bool Untimed { get; init; }
    /// <summary>The record that met it, if any.</summary>
    public EpisodeEvent? Met { get; init; }
    /// <summary>How it was met, in words, when not simply by that record (e.g. "a standing arrangement in force").</summary>
    public string? MetHow { get; init; }
    /// <summary>The first event after it arose that makes it no longer needed, if any (before or without a record meeting it).</summary>
    public EpisodeEvent? Lapse { get; init; }
    /// <summary>Set when another authority owes it: who, in words.</summary>
    public string? ExternalOwner { get; init; }
}

/// <summary>
/// A duty's life in one place (docs/lifecycle.md): upcoming → pending / decision-required → met on time, met late,
/// overdue or lapsed; external when another authority owes it. Not-applicable is decided before a duty has a life
/// (its conditions did not hold, or it did not arise). Every state comes with the line that says why.
/// </summary>
internal static class DutyLifecycle
{
    /// <summary>The state at <paramref name="at"/> and one line that says why.</summary>
    public static (ObligationStatus Status, string Why) Decide(in DutyFacts d, Instant at, Func<Instant, string> format)
    {
        if (d.ExternalOwner is { } owner)
        {
            var done = d.Met is { } m ? $" (recorded as done: {m.AsReference()} at {format(m.At)})" : "";
            return (ObligationStatus.External, $"External: owed by {owner}, not by this authority; shown for information, never overdue here{done}.");
        }
        // Not raised yet, but already done by a record brought forward (met-since: episode-start): still upcoming — it
        // may never arise — and nothing will be due when it does.
        if (!d.Raised && d.Met is { } early)
            return (ObligationStatus.Upcoming, $"Upcoming, already met in advance ({d.MetHow ?? $"{early.AsReference()} at {format(early.At)}"}): it arises at {format(d.RaisedAt)} if nothing changes, and is then met on time.");
        if (!d.Raised)
            return (ObligationStatus.Upcoming, $"Upcoming: arises at {format(d.RaisedAt)} ({Span(d.RaisedAt - at)} from now) if nothing changes" +
                (d.Due is { } due ? $"; it would then be due {(d.Due == d.RaisedAt ? "at once" : $"by {format(due)}")}." : "."));
        if (d.Met is { } met)
        {
            var late = d.LateAfter is { } l && met.At > l;
            var how = d.MetHow ?? $"{met.AsReference()} at {format(met.At)}";
            return late
                ? (ObligationStatus.MetLate, $"Met late: {how}, {Span(met.At - d.LateAfter!.Value)} after it became late.")
                : (ObligationStatus.MetOnTime, $"Met on time: {how}.");
        }
        if (d.Lapse is { } lapse && (d.LateAfter is null || lapse.At <= d.LateAfter))
            return (ObligationStatus.Lapsed, $"Lapsed: {lapse.AsReference()} at {format(lapse.At)}, before it was met or due.");
        if (d.LateAfter is { } lateAfter && at > lateAfter)
            return (ObligationStatus.Overdue, d.Due == lateAfter
                ? $"Overdue: not met by {format(lateAfter)}; {Span(at - lateAfter)} past the deadline at {format(at)}."
                : $"Overdue: due {format(d.Due!.Value)}, not met within the grace, by {format(lateAfter)}; {Span(at - lateAfter)} late at {format(at)}.");
        var status = d.Decision ? ObligationStatus.DecisionRequired : ObligationStatus.Pending;
        var word = d.Decision ? "Decision required" : "Pending";
        if (d.WaitingFor is { } waiting)
            return (status, $"{word}: waiting for {waiting}; the deadline is counted from it, so there is no due time yet.");
        if (d.Untimed)
            return (status, $"{word}: required, with no time limit in the text; outstanding until done.");
        if (d.Due is not { } dueAt)
            return (status, $"{word}: no deadline of its own; recorded as done or decided by a record of the activity.");
        if (d.LateAfter is null)
            return (status, $"{word}: due immediately, and not yet recorded as done.");
        return (status, dueAt < at
            ? $"{word}: due {format(dueAt)}; late after {format(d.LateAfter.Value)} ({Span(d.LateAfter.Value - at)} left)."
            : $"{word}: {Span(dueAt - at)} left at {format(at)}.");
    }

    /// <summary>A length of time in days, hours and minutes, e.g. "1d 2h 30m".</summary>
    public static string Span(Duration d)
    {
        if (d < Duration.FromMinutes(1)) return $"{(long)Math.Ceiling(d.TotalSeconds)}s";
        var total = (long)Math.Round(d.TotalMinutes);
        var days = total / (24 * 60);
        var hours = total / 60 % 24;
        var minutes = total % 60;
        var parts = new List<string>();
        if (days > 0) parts.Add($"{days}d");
        if (hours > 0) parts.Add($"{hours}h");
        if (minutes > 0 || parts.Count == 0) parts.Add($"{minutes}m");
        return string.Join(" ", parts);
    }
}
