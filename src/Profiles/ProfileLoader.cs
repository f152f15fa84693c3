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

    /// <summary>Loads a profile file; an unreadable file is reported as a diagnostic.</summary>
    public static ProfileLoadResult LoadFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Unreadable(path, "no such file");
            if (info.Length > YamlText.MaxBytes)
                return new ProfileLoadResult(null, [new ProfileDiagnostic(path, 1, 1, ErrorCodes.TooLarge,
                    $"the file is {info.Length / 1024} KB; a profile may be at most {YamlText.MaxBytes / 1024} KB", "give the path of the profile's .yaml file")]);
            return Load(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return Unreadable(path, e.Message);
        }
    }

    /// <summary>Loads a profile from text, or throws <see cref="ProfileValidationException"/> with every problem.</summary>
    public static CompiledProfile LoadOrThrow(string yaml, string file = "profile.yaml")
    {
        var result = Load(yaml, file);
        return result.IsValid ? result.Profile! : throw new ProfileValidationException(result.Diagnostics);
    }

    private static ProfileLoadResult Unreadable(string path, string why) =>
        new(null, [new ProfileDiagnostic(path, 1, 1, ErrorCodes.Unreadable, $"cannot read the file: {why}")]);
}
