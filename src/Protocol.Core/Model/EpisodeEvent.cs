using NodaTime;
using Protocol.Core.Time;

namespace Protocol.Core.Model;

/// <summary>One thing that happened, at an instant. Holds no personal details by design.</summary>
/// <param name="Type">What happened.</param>
/// <param name="At">When it happened (UTC instant).</param>
/// <param name="Level">For <see cref="EventType.RiskGraded"/>: the risk level, one of the profile's levels.</param>
/// <param name="Activity">For activity records: the profile activity, e.g. <c>return-conversation</c>.</param>
public sealed record EpisodeEvent(EventType Type, Instant At, string? Level = null, string? Activity = null)
{
    /// <summary>For <see cref="EventType.Categorised"/>: the police category (<c>absent</c>, <c>missing</c>, <c>no-apparent-risk</c>).</summary>
    public string? Category { get; init; }

    /// <summary>For activity records: the role the notification or act was addressed to (a profile role), if recorded.</summary>
    public string? Recipient { get; init; }

    /// <summary>For activity records: the role of whoever did it (a profile role), if recorded.</summary>
    public string? By { get; init; }

    /// <summary>For <see cref="EventType.FrequencyAgreed"/>: the agreed interval.</summary>
    public Amount? Every { get; init; }

    /// <summary>The qualifier used by <see cref="EventReference"/>: the level, the category or the activity.</summary>
    public string? Qualifier => Type switch
    {
        EventType.RiskGraded => Level,
        EventType.Categorised => Category,
        _ => Activity,
    };

    /// <summary>The event as a profile refers to it, e.g. <c>meeting-held:strategy-meeting</c>.</summary>
    public string AsReference() => Qualifier is null ? Type.Name() : $"{Type.Name()}:{Qualifier}";

    /// <inheritdoc />
    public override string ToString() => $"{AsReference()} at {At}";
}
