using Protocol.Core.Model;
using Protocol.Core.Time;

namespace Protocol.Core.Rules;

/// <summary>Whether a duration threshold counts the exact instant ("72 hours") or only after it ("more than 72 hours").</summary>
public enum ThresholdMode
{
    /// <summary>Reached at the instant itself: ended at or after the threshold still counts.</summary>
    Inclusive,
    /// <summary>Reached only if the episode continues past the instant.</summary>
    Strict,
}

/// <summary>What starts an obligation.</summary>
public abstract record Trigger
{
    /// <summary>Readable form.</summary>
    public abstract string Describe();
}

/// <summary>An event occurs (in episode scope the first occurrence in the episode; in child scope, every occurrence).</summary>
public sealed record EventTrigger(EventSet Event) : Trigger
{
    /// <inheritdoc />
    public override string Describe() => $"on {Event}";
}

/// <summary>The child is still missing an amount of time after an event.</summary>
public sealed record MissingForTrigger(Amount Amount, EventSet From, ThresholdMode Mode) : Trigger
{
    /// <inheritdoc />
    public override string Describe() =>
        $"still missing {(Mode == ThresholdMode.Strict ? "more than" : "at")} {Amount} after {From}";
}
