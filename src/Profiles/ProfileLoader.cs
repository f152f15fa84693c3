using Protocol.Core.Rules;
using Protocol.Profiles.Compilation;
using Protocol.Profiles.Yaml;

namespace Protocol.Profiles;

/// <summary>The outcome of loading a profile: the compiled profile, or every problem found.</summary>
public sealed record ProfileLoadResult(CompiledProfile? Profile, IReadOnlyList<ProfileDiagnostic> Diagnostics)
{
    /// <summary>True if the profile loaded without problems.</summary>
    public bool IsValid => Profile is not null && Diagnostics.Count == 0;
}

/// <summary>
/// Loads YAML profiles: parse, validate (all problems at once, each with line and column), compile to
/// an immutable <see cref="CompiledProfile"/>. Never throws for bad input except
/// <see cref="ProfileValidationException"/> from the <c>OrThrow</c> methods.
/// </summary>
public static class ProfileLoader
{
    /// <summary>Loads a profile from text; <paramref name="file"/> names it in diagnostics.</summary>
    public static ProfileLoadResult Load(string yaml, string file = "profile.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new List<ProfileDiagnostic>();
        var root = YamlText.Load(yaml, file, diagnostics);
        if (root is null) return new ProfileLoadResult(null, diagnostics);
        var profile = new ProfileCompiler(file, diagnostics).Compile(root);
        var sorted = diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();
        return new ProfileLoadResult(sorted.Count == 0 ? profile : null, sorted);
    }

    /// <summary>
    /// Loads a profile file; a file that is missing, unreadable, too large (judged by its size, before
    /// reading it) or not UTF-8 text is reported as a diagnostic.
    /// </summary>
    public static ProfileLoadResult LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<ProfileDiagnostic>();
        var text = YamlText.ReadFile(path, "a profile", diagnostics);
        return text is null ? new ProfileLoadResult(null, diagnostics) : Load(text, path);
    }

    /// <summary>Loads a profile from text, or throws <see cref="ProfileValidationException"/> with every problem.</summary>
    public static CompiledProfile LoadOrThrow(string yaml, string file = "profile.yaml")
    {
        var result = Load(yaml, file);
        return result.IsValid ? result.Profile! : throw new ProfileValidationException(result.Diagnostics);
    }
}
