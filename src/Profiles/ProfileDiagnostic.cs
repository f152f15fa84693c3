namespace Protocol.Profiles;

/// <summary>
/// One problem in a profile or test-case file, with its position:
/// <c>path:line:column: error CODE: message (hint)</c>.
/// </summary>
public sealed record ProfileDiagnostic(string File, int Line, int Column, string Code, string Message, string? Hint = null)
{
    /// <summary>The standard one-line form.</summary>
    public override string ToString() =>
        $"{File}:{Line}:{Column}: error {Code}: {Message}{(Hint is null ? "" : $" (hint: {Hint})")}";
}

/// <summary>The error codes a profile can produce.</summary>
public static class ErrorCodes
{
    /// <summary>The text is not valid YAML (including tabs used for indentation).</summary>
    public const string Syntax = "PRF001";
    /// <summary>A key that the format does not have.</summary>
    public const string UnknownKey = "PRF002";
    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "PRF003";
    /// <summary>A value of the wrong type (e.g. a list where a text was expected).</summary>
    public const string WrongType = "PRF004";
    /// <summary>A name that refers to nothing declared (role, activity, flag, risk level, event, setting, classification).</summary>
    public const string UnknownReference = "PRF005";
    /// <summary>Two items with the same id.</summary>
    public const string DuplicateId = "PRF006";
    /// <summary>A length of time or deadline that cannot be read.</summary>
    public const string BadDuration = "PRF007";
    /// <summary>A rule without the protocol section it encodes.</summary>
    public const string MissingCitation = "PRF008";
    /// <summary>Ladder rungs out of order or overlapping.</summary>
    public const string RungOrder = "PRF009";
    /// <summary>A value outside the allowed set.</summary>
    public const string BadValue = "PRF010";
    /// <summary>The file is empty or not a mapping.</summary>
    public const string EmptyDocument = "PRF011";
    /// <summary>The same key twice in one mapping.</summary>
    public const string DuplicateKey = "PRF012";
    /// <summary>Keys that cannot be used together, or a definition that contradicts another.</summary>
    public const string Conflict = "PRF013";
    /// <summary>The file is too large, too deep, or uses too many aliases to be a profile.</summary>
    public const string TooLarge = "PRF014";
    /// <summary>The file cannot be read, or is not UTF-8 text (NUL or other control characters, bytes that are not UTF-8).</summary>
    public const string Unreadable = "PRF015";
    /// <summary>Settings that refer to each other (or one to itself) in a cycle.</summary>
    public const string CircularReference = "PRF016";
}
