using NodaTime;

namespace Protocol.Core.Evaluation;

/// <summary>The assessment of a caseload: each child's, and the escalations reached by establishments.</summary>
public sealed record CaseloadAssessment
{
    /// <summary>Profile id.</summary>
    public required string ProfileId { get; init; }
    /// <summary>The evaluation instant.</summary>
    public required Instant EvaluatedAt { get; init; }
    /// <summary>Each child's assessment, in caseload order.</summary>
    public required IReadOnlyList<Assessment> Children { get; init; }
    /// <summary>Rungs reached by establishments (ladders with <c>per: establishment</c>).</summary>
    public required IReadOnlyList<EscalationResult> Establishments { get; init; }
    /// <summary>Each establishment ladder's position, per establishment.</summary>
    public required IReadOnlyList<LadderPosition> EstablishmentLadders { get; init; }
}
