using Protocol.Core.Rules;
using Protocol.Profiles;

namespace Protocol.Baseline;

/// <summary>
/// The Warwickshire rule subset that the baseline measures: six episode duties and the Missing Intervention Meeting
/// ladder (3, 6 and 9 episodes in 90 days or 3 months), taken from the shipped profile so that the engine's side can
/// never drift from profiles/warwickshire.yaml. <see cref="HandWritten"/> is the same subset written in plain C#.
/// </summary>
public static class WarwickshireSubset
{
    /// <summary>The shipped profile the subset is cut from.</summary>
    public const string ProfileId = "warwickshire";

    /// <summary>
    /// The six duties, each with a different deadline kind and a different trigger, all raised by ordinary episodes:
    /// <list type="bullet">
    /// <item><c>police-risk-assessment</c>: on the report, untimed, met by any risk grading (§5).</item>
    /// <item><c>police-notify-front-door</c>: on the report, within 24 hours (elapsed) (§5).</item>
    /// <item><c>police-detective-inspector-review-high</c>: on the first high grading, the same calendar day; lapses when the child is back (§10).</item>
    /// <item><c>dreamm-review-missing-24h</c>: a strict "missing for over 24 hours" threshold from last seen, due the next working day, met by a review held earlier in the episode, lapses when the child is back (§10).</item>
    /// <item><c>return-conversation</c>: when the child is located, within 72 hours counted from the Front Door's notification of the return (waits for it), under 18 only, ends on a decline (§9).</item>
    /// <item><c>inform-police-on-return</c>: on a return the police did not find, "immediately" with the profile's one-hour grace, met by the notification or a later find (§9).</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<string> DutyIds { get; } =
    [
        "police-risk-assessment",
        "police-notify-front-door",
        "police-detective-inspector-review-high",
        "dreamm-review-missing-24h",
        "return-conversation",
        "inform-police-on-return",
    ];

    /// <summary>The ladder: Missing Intervention Meetings, Stage 1 at 3 episodes, Stage 2 at 6, Escalation at 9 (§10 "Trigger points").</summary>
    public const string LadderId = "missing-intervention-meetings";

    /// <summary>The rungs of <see cref="LadderId"/>, lowest first.</summary>
    public static IReadOnlyList<string> RungIds { get; } = ["mim-stage-1", "mim-stage-2", "mim-escalation"];

    private static readonly Lazy<CompiledProfile> Compiled = new(() => Cut(ProfileCatalog.Shipped.Get(ProfileId)));

    /// <summary>The shipped Warwickshire profile with only the subset's obligations and ladder (compiled once, shared).</summary>
    public static CompiledProfile Profile => Compiled.Value;

    /// <summary>
    /// The profile with only the subset's obligations and ladder: everything else (metadata, calendar, vocabulary,
    /// classification, settings, the grace for "immediately", office hours) as the full profile has it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The profile no longer has one of the subset's duties or its ladder.</exception>
    public static CompiledProfile Cut(CompiledProfile full)
    {
        ArgumentNullException.ThrowIfNull(full);
        var obligations = DutyIds
            .Select(id => full.Obligations.SingleOrDefault(o => o.Id == id)
                          ?? throw new InvalidOperationException($"The {full.Metadata.Id} profile has no obligation '{id}': the baseline subset must be updated with it."))
            .ToList();
        var ladder = full.Ladders.SingleOrDefault(l => l.Id == LadderId)
                     ?? throw new InvalidOperationException($"The {full.Metadata.Id} profile has no ladder '{LadderId}': the baseline subset must be updated with it.");
        if (!ladder.Rungs.Select(r => r.Id).SequenceEqual(RungIds))
            throw new InvalidOperationException($"The ladder '{LadderId}' no longer has the rungs {string.Join(", ", RungIds)}: the baseline subset must be updated with it.");
        return new CompiledProfile(full.Metadata, full.Calendar, full.RiskLevels, full.Roles, full.Activities, full.Flags, full.Settings,
            full.Classification, full.DefaultClassification, full.MissingEndsOn, obligations, [ladder], full.NotEncoded)
        {
            OfficeHours = full.OfficeHours,
            ImmediateGrace = full.ImmediateGrace,
        };
    }
}
