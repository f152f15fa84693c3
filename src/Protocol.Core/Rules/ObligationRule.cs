using Protocol.Core.Model;
using Protocol.Core.Time;

namespace Protocol.Core.Rules;

/// <summary>Whether an obligation belongs to one episode or to the child.</summary>
public enum Scope
{
    /// <summary>One instance per episode, triggered by that episode's events.</summary>
    Episode,
    /// <summary>One instance per triggering event anywhere in the child's history.</summary>
    Child,
}

/// <summary>Where the events that meet an obligation may be.</summary>
public enum MetSince
{
    /// <summary>Only at or after the trigger.</summary>
    Trigger,
    /// <summary>Anywhere in the episode (e.g. a meeting brought forward still meets a later trigger).</summary>
    EpisodeStart,
}

/// <summary>A repeating obligation: a new occurrence every interval until a stop event.</summary>
public sealed record Recurrence(Amount Every, IReadOnlyList<EventReference> Until, int MaxOccurrences);

/// <summary>One timed duty of the protocol, compiled.</summary>
public sealed record ObligationRule
{
    /// <summary>Stable id (kebab-case).</summary>
    public required string Id { get; init; }
    /// <summary>Short title.</summary>
    public required string Title { get; init; }
    /// <summary>The responsible role.</summary>
    public required RoleDefinition Responsible { get; init; }
    /// <summary>Duty or consider.</summary>
    public Nature Nature { get; init; } = Nature.Duty;
    /// <summary>Episode or child.</summary>
    public Scope Scope { get; init; } = Scope.Episode;
    /// <summary>What starts it.</summary>
    public required Trigger Trigger { get; init; }
    /// <summary>Classifications of episode it applies to (empty: any).</summary>
    public IReadOnlyList<string> AppliesTo { get; init; } = [];
    /// <summary>Further conditions, taken at the trigger.</summary>
    public Condition When { get; init; } = Condition.Always;
    /// <summary>When it is due (the default, when no alternative's condition holds).</summary>
    public required Deadline Deadline { get; init; }
    /// <summary>Deadlines that depend on the facts at the trigger (e.g. 1 hour if high risk): the first whose condition holds wins.</summary>
    public IReadOnlyList<DeadlineAlternative> DeadlineAlternatives { get; init; } = [];
    /// <summary>Events that meet it (any one).</summary>
    public required IReadOnlyList<EventReference> MetBy { get; init; }
    /// <summary>Where meeting events may be.</summary>
    public MetSince MetSince { get; init; } = MetSince.Trigger;
    /// <summary>Events that make it no longer needed, if they come before it is met and before it is due.</summary>
    public IReadOnlyList<EventReference> LapsesOn { get; init; } = [];
    /// <summary>Repetition, if any.</summary>
    public Recurrence? Recurs { get; init; }
    /// <summary>The protocol section it encodes.</summary>
    public required string Citation { get; init; }
    /// <summary>The reading taken where the text is ambiguous.</summary>
    public string? Reading { get; init; }
}

/// <summary>A deadline that applies when its condition holds at the trigger.</summary>
public sealed record DeadlineAlternative(Condition When, Deadline Deadline);
