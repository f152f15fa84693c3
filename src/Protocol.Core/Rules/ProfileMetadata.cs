using NodaTime;

namespace Protocol.Core.Rules;

/// <summary>What a profile is: whose protocol, which document and version.</summary>
public sealed record ProfileMetadata
{
    /// <summary>Stable profile id (kebab-case).</summary>
    public required string Id { get; init; }
    /// <summary>The authority or partnership whose protocol this is.</summary>
    public required string Authority { get; init; }
    /// <summary>Codes that identify this authority in case data (responsible/host authority).</summary>
    public IReadOnlyList<string> AuthorityCodes { get; init; } = [];
    /// <summary>The document's title.</summary>
    public required string Title { get; init; }
    /// <summary>The document's version.</summary>
    public string? Version { get; init; }
    /// <summary>When the document took effect.</summary>
    public LocalDate? EffectiveFrom { get; init; }
    /// <summary>When the document is due for review.</summary>
    public LocalDate? ReviewDate { get; init; }
    /// <summary>Where the text came from.</summary>
    public string? Source { get; init; }
}
