using NodaTime;
using Protocol.Core.Rules;

namespace Protocol.Core.Evaluation;

/// <summary>The event that met an obligation.</summary>
public sealed record MetEvent(string Event, Instant At);

/// <summary>One obligation instance: what is due, by whom, by when, its status and why.</summary>
public sealed record ObligationResult
{
    /// <summary>Obligation id from the profile.</summary>
    public required string Id { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>Duty or consider.</summary>
    public required Nature Nature { get; init; }
    /// <summary>Responsible role.</summary>
    public required RoleDefinition Responsible { get; init; }
    /// <summary>The episode it belongs to, if any.</summary>
    public string? EpisodeId { get; init; }
    /// <summary>For recurring obligations, the occurrence number (1-based).</summary>
    public int? Occurrence { get; init; }
    /// <summary>For a duty to tell several people, the one this result is about.</summary>
    public RoleDefinition? Recipient { get; init; }
    /// <summary>The trigger, in words.</summary>
    public required string Trigger { get; init; }
    /// <summary>When it arose (for <see cref="ObligationStatus.Upcoming"/>, when it would arise if nothing changes).</summary>
    public required Instant TriggeredAt { get; init; }
    /// <summary>The instant its deadline is counted from: the trigger, unless the deadline names an earlier or
    /// later event with <c>from</c> (a deadline counted from going missing can have passed before the report
    /// that triggers the duty).</summary>
    public required Instant CountedFrom { get; init; }
    /// <summary>
    /// When it is due: null when it is untimed, when its deadline waits for an event not yet recorded
    /// (<see cref="WaitingFor"/>), when a decision has no deadline of its own, or when it did not apply.
    /// </summary>
    public DueTime? Due { get; init; }
    /// <summary>The deadline rule in words (also when there is no due instant), e.g. "within 72 hours (elapsed), counted from found".</summary>
    public string? DeadlineRule { get; init; }
    /// <summary>The events its deadline waits for, in words (e.g. "found or returned"), while none is recorded.</summary>
    public string? WaitingFor { get; init; }
    /// <summary>Status at the evaluation instant.</summary>
    public required ObligationStatus Status { get; init; }
    /// <summary>The event that met it.</summary>
    public MetEvent? MetBy { get; init; }
    /// <summary>How long after it arose it was met (negative when met by a record brought forward): measures duties the text does not time.</summary>
    public Duration? MetAfter { get; init; }
    /// <summary>Whose duty it is when the profile says (e.g. "responsible authority"); null when not marked.</summary>
    public string? Owner { get; init; }
    /// <summary>The protocol's own section.</summary>
    public required string Citation { get; init; }
    /// <summary>The reading taken where the protocol is ambiguous.</summary>
    public string? Reading { get; init; }
    /// <summary>Why it applies (or does not), line by line.</summary>
    public required IReadOnlyList<string> Explanation { get; init; }
}

/// <summary>A rung of an escalation ladder reached by a trigger episode.</summary>
public sealed record EscalationResult
{
    /// <summary>Ladder id.</summary>
    public required string LadderId { get; init; }
    /// <summary>Rung id.</summary>
    public required string RungId { get; init; }
    /// <summary>Rung title.</summary>
    public required string Title { get; init; }
    /// <summary>Duty or consider.</summary>
    public required Nature Nature { get; init; }
    /// <summary>The rung's range of counts, e.g. "3 or more".</summary>
    public required string Range { get; init; }
    /// <summary>Counted episodes in the window at the trigger episode.</summary>
    public required int Count { get; init; }
    /// <summary>First date of the window (null: whole history).</summary>
    public LocalDate? WindowFrom { get; init; }
    /// <summary>Last date of the window (the trigger episode's date).</summary>
    public required LocalDate WindowTo { get; init; }
    /// <summary>For an establishment ladder, the establishment; null for a child's own ladder.</summary>
    public string? Establishment { get; init; }
    /// <summary>The child whose episode reached the rung.</summary>
    public required string TriggerChildId { get; init; }
    /// <summary>The episode that reached the rung.</summary>
    public required string TriggerEpisodeId { get; init; }
    /// <summary>The instant that dates the trigger episode.</summary>
    public required Instant TriggeredAt { get; init; }
    /// <summary>The activity that must happen (e.g. a meeting).</summary>
    public required ActivityDefinition Activity { get; init; }
    /// <summary>Who chairs.</summary>
    public RoleDefinition? Chair { get; init; }
    /// <summary>Who convenes.</summary>
    public required RoleDefinition Responsible { get; init; }
    /// <summary>"responsible authority" or "host authority" when the profile gives the rung to one of them; null otherwise.</summary>
    public string? Owner { get; init; }
    /// <summary>When it is due; null when it raises a decision with no deadline of its own.</summary>
    public DueTime? Due { get; init; }
    /// <summary>Status.</summary>
    public required ObligationStatus Status { get; init; }
    /// <summary>The record that met it.</summary>
    public MetEvent? MetBy { get; init; }
    /// <summary>How long after the trigger episode's date it was met.</summary>
    public Duration? MetAfter { get; init; }
    /// <summary>Citation.</summary>
    public required string Citation { get; init; }
    /// <summary>Why, line by line.</summary>
    public required IReadOnlyList<string> Explanation { get; init; }
}

/// <summary>A ladder's position at the evaluation instant.</summary>
public sealed record LadderPosition(string LadderId, string Title, int CountNow, string? HighestRungReached, string Window);

/// <summary>One step of an episode's classification history: from this instant, the episode had this label.</summary>
/// <param name="From">When the episode took this classification.</param>
/// <param name="Classification">The label.</param>
/// <param name="Reason">Why (the classification rule's reason).</param>
/// <param name="Citation">The rule's citation, if a rule matched.</param>
public sealed record ClassificationChange(Instant From, string Classification, string Reason, string? Citation);

/// <summary>One episode as classified at the evaluation instant, with how its classification changed over time.</summary>
public sealed record EpisodeSummary
{
    /// <summary>Episode id.</summary>
    public required string EpisodeId { get; init; }
    /// <summary>Classification label (e.g. missing, absent).</summary>
    public required string Classification { get; init; }
    /// <summary>Why it has that classification.</summary>
    public required string Reason { get; init; }
    /// <summary>The citation of the classification rule.</summary>
    public string? Citation { get; init; }
    /// <summary>Latest risk level at the evaluation instant.</summary>
    public string? Risk { get; init; }
    /// <summary>When the episode began.</summary>
    public Instant? Started { get; init; }
    /// <summary>When the missing period ended (found/returned), if it has.</summary>
    public Instant? Ended { get; init; }
    /// <summary>Its classifications over time, oldest first: the first from the episode's start, then each change.</summary>
    public IReadOnlyList<ClassificationChange> History { get; init; } = [];
    /// <summary>True while the episode has not ended.</summary>
    public bool Open => Ended is null;
}
