using NodaTime;
using Protocol.Core.Model;
using Protocol.Core.Time;

namespace Protocol.Core.Rules;

/// <summary>The window over which a ladder counts episodes, ending on the trigger episode's date.</summary>
public sealed record EpisodeWindow
{
    /// <summary>Window lengths; with more than one, an episode counts if any reading includes it (the protocol's "or").</summary>
    public required IReadOnlyList<Amount> Readings { get; init; }

    /// <summary>True for a window over the child's whole history.</summary>
    public bool AllHistory => Readings.Count == 0;

    /// <summary>The first local date inside the window for one reading: N days ending on (and including) the trigger date.</summary>
    public static LocalDate FirstDate(Amount reading, LocalDate triggerDate) => reading.Unit switch
    {
        TimeUnit.Days => triggerDate.PlusDays(-(reading.Value - 1)),
        TimeUnit.Weeks => triggerDate.PlusDays(-(reading.Value * 7 - 1)),
        TimeUnit.Months => triggerDate.PlusMonths(-reading.Value).PlusDays(1),
        _ => throw new InvalidOperationException($"A ladder window is counted in days, weeks or months, not {reading}"),
    };

    /// <summary>The earliest first date over all readings (the widest window).</summary>
    public LocalDate? WidestFirstDate(LocalDate triggerDate) =>
        AllHistory ? null : Readings.Min(r => FirstDate(r, triggerDate));

    /// <summary>Readable form.</summary>
    public string Describe() => AllHistory ? "the child's whole history" : string.Join(" or ", Readings.Select(r => $"the {r} ending on the trigger date"));
}

/// <summary>One step of a ladder: a meeting due when the count enters [Min, Max].</summary>
public sealed record Rung
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>Lowest count in the rung.</summary>
    public required int Min { get; init; }
    /// <summary>Highest count in the rung, or null for open-ended.</summary>
    public int? Max { get; init; }
    /// <summary>Duty or consider.</summary>
    public Nature Nature { get; init; } = Nature.Duty;
    /// <summary>What must happen (an activity, met by any activity record of it).</summary>
    public required ActivityDefinition Activity { get; init; }
    /// <summary>Who chairs, if stated.</summary>
    public RoleDefinition? Chair { get; init; }
    /// <summary>Who is responsible for convening.</summary>
    public required RoleDefinition Responsible { get; init; }
    /// <summary>Whose duty the meeting is when the text gives it to the placing or the host authority (child ladders only).</summary>
    public ObligationOwner Owner { get; init; } = ObligationOwner.Any;
    /// <summary>When it must be held, counted from the trigger episode's date instant.</summary>
    public required Deadline Deadline { get; init; }
    /// <summary>Citation.</summary>
    public required string Citation { get; init; }
    /// <summary>The catalogue items (ids from the authority's structured catalogue) this entry encodes or accounts for.</summary>
    public IReadOnlyList<string> Catalogue { get; init; } = [];

    /// <summary>True if the count is inside the rung.</summary>
    public bool Contains(int count) => count >= Min && (Max is null || count <= Max);

    /// <summary>Readable range, e.g. "3 or more", "4 to 6".</summary>
    public string Range => Max is null ? $"{Min} or more" : Max == Min ? $"{Min}" : $"{Min} to {Max}";
}

/// <summary>Whose episodes a ladder counts.</summary>
public enum LadderScope
{
    /// <summary>One child's episodes.</summary>
    Child,
    /// <summary>All episodes from one establishment (placement), across the children of a caseload.</summary>
    Establishment,
}

/// <summary>Which counted episodes raise a rung.</summary>
public enum RungRaising
{
    /// <summary>Only the episode whose count enters the rung's range ("on the third episode").</summary>
    EnteringRung,
    /// <summary>Every counted episode whose count is in the range ("each episode after the third").</summary>
    EveryEpisode,
}

/// <summary>What a rung reached before the lower rung's meeting was held raises.</summary>
public enum BeforeLowerHeld
{
    /// <summary>Its own deadline, as if the lower meeting had been held.</summary>
    OwnDeadline,
    /// <summary>A decision to record (e.g. a manager decides whether to hold both, or only the higher), with no deadline of its own.</summary>
    Decision,
}

/// <summary>An escalation ladder on repeat episodes.</summary>
public sealed record Ladder
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }
    /// <summary>Title.</summary>
    public required string Title { get; init; }
    /// <summary>Episode classifications that count.</summary>
    public required IReadOnlyList<string> Counts { get; init; }
    /// <summary>Whose episodes are counted.</summary>
    public LadderScope Per { get; init; } = LadderScope.Child;
    /// <summary>Event that dates an episode (falls back to the episode's start).</summary>
    public required EventSet DatedBy { get; init; }
    /// <summary>Which episodes count, beyond their classification: taken for each episode at the instant that dates it.</summary>
    public Condition Where { get; init; } = Condition.Always;
    /// <summary>Window.</summary>
    public required EpisodeWindow Window { get; init; }
    /// <summary>Rungs, lowest first.</summary>
    public required IReadOnlyList<Rung> Rungs { get; init; }
    /// <summary>Which counted episodes raise a rung.</summary>
    public RungRaising RaisedBy { get; init; } = RungRaising.EnteringRung;
    /// <summary>What a rung reached before the lower rung's meeting was held raises.</summary>
    public BeforeLowerHeld BeforeLowerHeld { get; init; } = BeforeLowerHeld.OwnDeadline;
    /// <summary>Citation.</summary>
    public required string Citation { get; init; }
    /// <summary>The catalogue items (ids from the authority's structured catalogue) this entry encodes or accounts for.</summary>
    public IReadOnlyList<string> Catalogue { get; init; } = [];
    /// <summary>The reading taken where the text is ambiguous.</summary>
    public string? Reading { get; init; }
}
