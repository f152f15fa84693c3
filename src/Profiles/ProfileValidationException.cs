namespace Protocol.Profiles;

/// <summary>
/// The one exception the profile API throws for bad input: it carries every problem found, each with
/// file, line, column, code and message.
/// </summary>
public sealed class ProfileValidationException : Exception
{
    /// <summary>Creates the exception from the diagnostics.</summary>
    public ProfileValidationException(IReadOnlyList<ProfileDiagnostic> diagnostics)
        : base(diagnostics.Count == 0 ? "The profile is not valid." :
            $"The profile is not valid ({diagnostics.Count} problem{(diagnostics.Count == 1 ? "" : "s")}):{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}")
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ProfileDiagnostic> Diagnostics { get; }
}
