using NodaTime;

namespace Protocol.Core.Evaluation;

/// <summary>
/// What a protocol requires of one child at one instant: classification, risk, obligations with
/// due times and statuses, escalations reached, and everything the evaluator had to assume.
/// </summary>
public sealed record Assessment
{
    /// <summary>Profile id.</summary>
    public required string ProfileId { get; init; }
    /// <summary>Profile document version.</summary>
    public string? ProfileVersion { get; init; }
    /// <summary>The evaluation instant.</summary>
    public required Instant EvaluatedAt { get; init; }
    /// <summary>The child's opaque id.</summary>
    public required string ChildId { get; init; }
    /// <summary>Age at the evaluation instant, if the date of birth is known.</summary>
    public int? Age { get; init; }
    /// <summary>Classification of the latest episode (none if the child has no episode).</summary>
    public string? Classification { get; init; }
    /// <summary>Why.</summary>
    public string? ClassificationReason { get; init; }
    /// <summary>Current risk (latest episode).</summary>
    public string? CurrentRisk { get; init; }
    /// <summary>Each episode, oldest first.</summary>
    public required IReadOnlyList<EpisodeSummary> Episodes { get; init; }
    /// <summary>Obligations, ordered by due instant.</summary>
    public required IReadOnlyList<ObligationResult> Obligations { get; init; }
    /// <summary>Escalation rungs reached, in order.</summary>
    public required IReadOnlyList<EscalationResult> Escalations { get; init; }
    /// <summary>Each ladder's position now.</summary>
    public required IReadOnlyList<LadderPosition> Ladders { get; init; }
    /// <summary>What the evaluator assumed because the case data did not say.</summary>
    public required IReadOnlyList<string> Assumptions { get; init; }
}
