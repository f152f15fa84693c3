using NodaTime;
using Protocol.Core.Model;
using Protocol.Core.Rules;

namespace Protocol.Core.Evaluation;

/// <summary>
/// Evaluates a child's case against a compiled profile. A pure function of (profile, case, instant):
/// no clock, no I/O, no shared mutable state; safe to call from many threads at once. Events after the
/// evaluation instant are not seen ("as at" the instant), and the assessment's assumptions say how many were
/// ignored. The case is expected to be valid: read it with <see cref="Cases.CaseReader"/>, or check a case
/// built in code with <see cref="Cases.CaseValidator"/>. How each duty's state is decided is described in
/// docs/lifecycle.md.
/// </summary>
public static partial class Evaluator
{
    /// <summary>Evaluates the case at the instant.</summary>
    /// <exception cref="ArgumentException">The case uses a flag, risk level, activity or role the profile does not declare.</exception>
    public static Assessment Evaluate(CompiledProfile profile, ChildCase childCase, Instant at)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(childCase);
        RequireVocabulary(profile, childCase, "");
        var run = new Run(profile, childCase, at);
        return run.Execute();
    }

    /// <summary>
    /// Evaluates every child of a caseload, and the ladders that count episodes per establishment
    /// (<c>per: establishment</c>) across all of them. An episode belongs to its own placement, else the
    /// child's placement in force when the episode began.
    /// </summary>
    /// <exception cref="ArgumentException">A child's case uses vocabulary the profile does not declare.</exception>
    public static CaseloadAssessment EvaluateCaseload(CompiledProfile profile, Caseload caseload, Instant at)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(caseload);
        var children = new List<Assessment>();
        var counted = new Dictionary<Ladder, List<CountedEpisode>>();
        for (var i = 0; i < caseload.Children.Length; i++) RequireVocabulary(profile, caseload.Children[i], $"children[{i}].");
        var establishmentLadders = profile.Ladders.Where(l => l.Per == LadderScope.Establishment).ToList();
        foreach (var l in establishmentLadders) counted[l] = [];
        foreach (var childCase in caseload.Children)
        {
            var run = new Run(profile, childCase, at);
            children.Add(run.Execute());
            foreach (var ladder in establishmentLadders)
                foreach (var (episode, label) in run.Classifications)
                {
                    if (!ladder.Counts.Contains(label, StringComparer.Ordinal)) continue;
                    var placement = episode.Placement ?? childCase.Child.CircumstancesAt(episode.Start!.Value).Placement;
                    if (placement is null) continue;
                    var c = new CountedEpisode(childCase.Child.Id, episode, ladder.DatedBy.FirstIn(episode, at)?.At ?? episode.Start!.Value, placement);
                    if (run.Counts(ladder, c)) counted[ladder].Add(c);
                }
        }
        var escalations = new List<EscalationResult>();
        var positions = new List<LadderPosition>();
        foreach (var ladder in establishmentLadders)
        {
            var byPlacement = counted[ladder].GroupBy(c => c.Placement!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in byPlacement)
            {
                var records = caseload.EstablishmentRecords.TryGetValue(group.Key, out var r) ? r.Where(e => e.At <= at) : [];
                var (found, position) = LadderEvaluation.Evaluate(profile, ladder, group.ToList(), records, at, group.Key);
                escalations.AddRange(found);
                positions.Add(position);
            }
        }
        return new CaseloadAssessment { EvaluatedAt = at, ProfileId = profile.Metadata.Id, Children = children, Establishments = escalations, EstablishmentLadders = positions };
    }

    /// <summary>
    /// Refuses a case whose flags, risk levels, activities or roles the profile does not declare: evaluating it would
    /// guess silently. The message names positions and the profile's vocabulary, never values from the case.
    /// </summary>
    private static void RequireVocabulary(CompiledProfile profile, ChildCase childCase, string prefix)
    {
        if (profile.Fits(childCase)) return; // set lookups only; positions are worked out only for the message
        var problems = Cases.CaseValidator.CheckVocabulary(childCase, profile);
        throw new ArgumentException(
            $"The case does not fit profile '{profile.Metadata.Id}': {string.Join("; ", problems.Select(p => prefix + p))}. " +
            "Read cases with CaseReader, or check a case built in code with CaseValidator.Validate.", nameof(childCase));
    }

    /// <summary>The case as it stood at the instant: records after it removed, and episodes that had not begun.</summary>
    private static ChildCase AsAt(ChildCase childCase, Instant at)
    {
        var later = false;
        foreach (var e in childCase.Episodes)
            if (e.Events.Length > 0 && e.Events[^1].At > at) { later = true; break; }
        if (!later && (childCase.Records.IsEmpty || childCase.Records[^1].At <= at)) return childCase;
        var episodes = childCase.Episodes
            .Select(e => e.Events.Length > 0 && e.Events[^1].At > at ? new Episode(e.Id, e.Events.Where(x => x.At <= at), e.Placement) : e)
            .Where(e => e.Events.Length > 0);
        return new ChildCase(childCase.Child, episodes, childCase.Records.Where(x => x.At <= at));
    }
}
