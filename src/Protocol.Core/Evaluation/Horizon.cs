using NodaTime;
using Protocol.Core.Rules;

namespace Protocol.Core.Evaluation;

/// <summary>A duty or rung that will fall due (or become late) within a horizon if nothing changes.</summary>
/// <param name="Kind"><c>obligation</c> or <c>escalation</c>.</param>
/// <param name="Id">The obligation or rung id.</param>
/// <param name="Title">Its title.</param>
/// <param name="EpisodeId">Its episode (for an escalation, the trigger episode), if any.</param>
/// <param name="Occurrence">For a recurring duty, the occurrence.</param>
/// <param name="Recipient">For a duty with recipients, the one this is about.</param>
/// <param name="Status">Its state now: upcoming, pending or decision-required.</param>
/// <param name="ArisesAt">When it arises (in the past for one already raised).</param>
/// <param name="Due">When it is due, if it has a due time (with when it becomes late, if it can).</param>
/// <param name="Responsible">Who must do it.</param>
/// <param name="Citation">The protocol's own section.</param>
public sealed record ComingDuty(string Kind, string Id, string Title, string? EpisodeId, int? Occurrence, RoleDefinition? Recipient,
    ObligationStatus Status, Instant ArisesAt, DueTime? Due, RoleDefinition Responsible, string Citation);

/// <summary>What will fall due in a stretch of time after the evaluation instant, if nothing changes.</summary>
public static class Horizon
{
    /// <summary>
    /// The duties and rungs that fall due, or become late, within <paramref name="within"/> after the assessment's
    /// instant: pending and decision-required items due (or late) by then, and upcoming items (thresholds not yet
    /// reached, next occurrences of schedules) that arise and fall due by then. Ordered by due time, then arising.
    /// Items that are overdue already, met (an upcoming one met in advance too), lapsed, external or not applicable
    /// are not coming.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="within"/> is negative.</exception>
    public static IReadOnlyList<ComingDuty> Coming(Assessment assessment, Duration within)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (within < Duration.Zero) throw new ArgumentOutOfRangeException(nameof(within), "The horizon cannot be negative.");
        var from = assessment.EvaluatedAt;
        var until = from + within;
        bool Falls(ObligationStatus status, Instant arises, DueTime? due)
        {
            if (status is not (ObligationStatus.Pending or ObligationStatus.DecisionRequired or ObligationStatus.Upcoming)) return false;
            if (due is null) return status == ObligationStatus.Upcoming && arises <= until;
            var falls = due.Utc >= from && due.Utc <= until;
            var late = due.LateAfter is { } l && l >= from && l <= until;
            return falls || late;
        }
        var items = new List<ComingDuty>();
        foreach (var o in assessment.Obligations)
            if (o.MetBy is null && Falls(o.Status, o.TriggeredAt, o.Due))
                items.Add(new ComingDuty("obligation", o.Id, o.Title, o.EpisodeId, o.Occurrence, o.Recipient, o.Status, o.TriggeredAt, o.Due, o.Responsible, o.Citation));
        foreach (var e in assessment.Escalations)
            if (Falls(e.Status, e.TriggeredAt, e.Due))
                items.Add(new ComingDuty("escalation", e.RungId, e.Title, e.TriggerEpisodeId, null, null, e.Status, e.TriggeredAt, e.Due, e.Responsible, e.Citation));
        return items.OrderBy(i => i.Due?.Utc ?? i.ArisesAt).ThenBy(i => i.ArisesAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
    }
}
