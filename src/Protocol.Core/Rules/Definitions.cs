namespace Protocol.Core.Rules;

/// <summary>A role or agency that can hold an obligation or chair a meeting.</summary>
public sealed record RoleDefinition(string Id, string Title);

/// <summary>What kind of thing an activity is.</summary>
public enum ActivityKind
{
    /// <summary>A notification to someone.</summary>
    Notification,
    /// <summary>An interview or conversation with the child.</summary>
    Interview,
    /// <summary>A meeting.</summary>
    Meeting,
    /// <summary>A review by a manager or panel.</summary>
    Review,
    /// <summary>Any other action.</summary>
    Action,
}

/// <summary>A named activity that case systems record (e.g. <c>strategy-meeting</c>).</summary>
public sealed record ActivityDefinition(string Id, ActivityKind Kind, string Title);

/// <summary>A named flag a child may carry.</summary>
public sealed record FlagDefinition(string Id, string Description);

/// <summary>A reading of an ambiguous passage, recorded in the profile with the reason and citation.</summary>
public sealed record SettingDefinition(string Name, string Value, string Reading, string Citation)
{
    /// <summary>The catalogue items (ids from the authority's structured catalogue) this entry encodes or accounts for.</summary>
    public IReadOnlyList<string> Catalogue { get; init; } = [];
}

/// <summary>Something in the protocol the profile deliberately does not encode, and why.</summary>
public sealed record NotEncodedItem(string Id, string Reason, string Citation)
{
    /// <summary>The catalogue items (ids from the authority's structured catalogue) this entry encodes or accounts for.</summary>
    public IReadOnlyList<string> Catalogue { get; init; } = [];
}

/// <summary>How strongly the protocol words an obligation.</summary>
public enum Nature
{
    /// <summary>"must", "will", "should": a duty with a deadline.</summary>
    Duty,
    /// <summary>"consider", "may": a decision someone must take and record.</summary>
    Consider,
}

/// <summary>A classification rule for an episode: the first whose condition holds gives the label.</summary>
public sealed record ClassificationRule(string Label, Condition When, string Reason, string Citation)
{
    /// <summary>The catalogue items (ids from the authority's structured catalogue) this entry encodes or accounts for.</summary>
    public IReadOnlyList<string> Catalogue { get; init; } = [];
}
