namespace Protocol.Core.Model;

/// <summary>
/// A reference to a kind of event, written <c>type</c> or <c>type:qualifier</c> in profiles
/// (e.g. <c>found</c>, <c>risk-graded:high</c>, <c>meeting-held:strategy-meeting</c>).
/// </summary>
public sealed record EventReference(EventType Type, string? Qualifier = null)
{
    /// <summary>True when the event is of this type and, if a qualifier is given, has that qualifier.</summary>
    public bool Matches(EpisodeEvent e) =>
        e.Type == Type && (Qualifier is null || string.Equals(e.Qualifier, Qualifier, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() => Qualifier is null ? Type.Name() : $"{Type.Name()}:{Qualifier}";
}
