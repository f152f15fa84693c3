using NodaTime;

namespace Protocol.Core.Model;

/// <summary>One thing that happened, at an instant. Holds no personal details by design.</summary>
/// <param name="Type">What happened.</param>
/// <param name="At">When it happened (UTC instant).</param>
/// <param name="Level">For <see cref="EventType.RiskGraded"/>: the risk level, one of the profile's levels.</param>
/// <param name="Activity">For activity records: the profile activity, e.g. <c>return-conversation</c>.</param>
public sealed record EpisodeEvent(EventType Type, Instant At, string? Level = null, string? Activity = null)
{
    /// <summary>The qualifier used by <see cref="EventReference"/>: the level or the activity.</summary>
    public string? Qualifier => Type == EventType.RiskGraded ? Level : Activity;

    /// <inheritdoc />
    public override string ToString() =>
        Qualifier is null ? $"{Type.Name()} at {At}" : $"{Type.Name()}:{Qualifier} at {At}";
}
