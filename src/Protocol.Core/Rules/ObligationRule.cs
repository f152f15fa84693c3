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

/// <summary>What a recurring obligation's next due time is counted from.</summary>
public enum RecurrenceAnchor
{
    /// <summary>A fixed grid: each occurrence is due one interval after the previous one was due.</summary>
    Schedule,
    /// <summary>From the last one held: each occurrence is due one interval after the record that met the previous one ("every 5 days thereafter").</summary>
    LastHeld,
    /// <summary>One occurrence for each calendar day (Europe/London), due by the end of that day.</summary>
    CalendarDay,
}

/// <summary>
/// A repeating obligation: a new occurrence every interval until a stop event. A record of
/// <see cref="ChangedBy"/> (carrying its own interval) changes the interval from then on.
/// </summary>
public sealed record Recurrence(Amount Every, IReadOnlyList<EventReference> Until, int MaxOccurrences)
{
    /// <summary>What each next due time is counted from.</summary>
    public RecurrenceAnchor Anchor { get; init; } = RecurrenceAnchor.Schedule;

    /// <summary>A record that sets a new interval (e.g. <c>frequency-agreed:missing-review</c>), if the profile allows one.</summary>
    public EventReference? ChangedBy { get; init; }

    /// <summary>Readable form, e.g. "every 5 days from the last held".</summary>
    public string Describe() => Anchor switch
    {
        RecurrenceAnchor.CalendarDay => "each calendar day",
        RecurrenceAnchor.LastHeld => $"every {Every} from the last held",
        _ => $"every {Every}",
    } + (ChangedBy is { } c ? $" (or as agreed by {c})" : "");
}

/// <summary>Whose duty an obligation is, for a child placed across a border.</summary>
public enum ObligationOwner
{
    /// <summary>Whichever authority follows this protocol (the default: not marked).</summary>
    Any,
    /// <summary>The authority responsible for the child (for a looked-after child, the placing authority).</summary>
    ResponsibleAuthority,
    /// <summary>The authority where the child lives or is placed.</summary>
    HostAuthority,
}

/// <summary>Who must (or must not) have done the act that meets an obligation, by role.</summary>
/// <param name="Required">If not empty, the record must name one of these roles as its performer.</param>
/// <param name="Excluded">The record must not name one of these roles as its performer.</param>
public sealed record PerformerRule(IReadOnlyList<string> Required, IReadOnlyList<string> Excluded)
{
    /// <summary>No rule: anyone may do it.</summary>
    public static PerformerRule Anyone { get; } = new([], []);

    /// <summary>True when no role is required or excluded.</summary>
    public bool IsAnyone => Required.Count == 0 && Excluded.Count == 0;
}

/// <summary>
/// A record made before the trigger that is still in force meets the obligation (e.g. a standing arrangement that
/// replaces the return interview): the latest <see cref="By"/> record, if <see cref="Lasts"/> has not run out and no
/// <see cref="EndedBy"/> record came after it.
/// </summary>
public sealed record StandingArrangement(IReadOnlyList<EventReference> By, Amount? Lasts, IReadOnlyList<EventReference> EndedBy);

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
    /// <summary>Whose duty it is for a child placed across a border: when this authority is not the owner, the item is external.</summary>
    public ObligationOwner Owner { get; init; } = ObligationOwner.Any;
    /// <summary>People to tell, each a separate result met separately (by a record naming that recipient); empty: one result.</summary>
    public IReadOnlyList<RoleDefinition> Recipients { get; init; } = [];
    /// <summary>Who must or must not have done the act that meets it.</summary>
    public PerformerRule Performers { get; init; } = PerformerRule.Anyone;
    /// <summary>
    /// If set, a record of another of the child's episodes that began within this length of this episode's start (either
    /// side) also meets it: one return interview covering several episodes.
    /// </summary>
    public Amount? SharedAcrossEpisodesWithin { get; init; }
    /// <summary>A standing arrangement, recorded before the trigger, that meets it while in force.</summary>
    public StandingArrangement? Standing { get; init; }
    /// <summary>The protocol section it encodes.</summary>
    public required string Citation { get; init; }
    /// <summary>The catalogue items (ids from the authority's structured catalogue) this entry encodes or accounts for.</summary>
    public IReadOnlyList<string> Catalogue { get; init; } = [];
    /// <summary>The reading taken where the text is ambiguous.</summary>
    public string? Reading { get; init; }
}

/// <summary>A deadline that applies when its condition holds at the trigger.</summary>
public sealed record DeadlineAlternative(Condition When, Deadline Deadline);
