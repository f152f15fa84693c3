using System.Collections.Concurrent;
using Protocol.Core.Rules;

namespace Protocol.Profiles;

/// <summary>
/// The profiles shipped inside this assembly, by id, compiled once and shared. Thread-safe.
/// </summary>
public sealed class ProfileCatalog
{
    private const string Prefix = "Protocol.Profiles.Shipped.";
    private readonly ConcurrentDictionary<string, Lazy<CompiledProfile>> _compiled = new(StringComparer.Ordinal);

    /// <summary>The shared catalogue of shipped profiles.</summary>
    public static ProfileCatalog Shipped { get; } = new();

    /// <summary>Ids of the shipped profiles, sorted.</summary>
    public IReadOnlyList<string> Ids { get; } = typeof(ProfileCatalog).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".yaml".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>True if a shipped profile has this id.</summary>
    public bool Contains(string id) => Ids.Contains(id, StringComparer.Ordinal);

    /// <summary>The YAML text of a shipped profile.</summary>
    public string Text(string id)
    {
        if (!Contains(id)) throw new KeyNotFoundException($"No shipped profile has the id '{id}'. Shipped: {string.Join(", ", Ids)}.");
        using var stream = typeof(ProfileCatalog).Assembly.GetManifestResourceStream(Prefix + id + ".yaml")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The compiled shipped profile (compiled once; throws <see cref="ProfileValidationException"/> if it is broken).</summary>
    public CompiledProfile Get(string id) =>
        _compiled.GetOrAdd(id, key => new Lazy<CompiledProfile>(() => ProfileLoader.LoadOrThrow(Text(key), $"profiles/{key}.yaml"))).Value;

    /// <summary>Loads a profile given a shipped id or a file path.</summary>
    public ProfileLoadResult Resolve(string idOrPath)
    {
        ArgumentNullException.ThrowIfNull(idOrPath);
        if (Contains(idOrPath) && !File.Exists(idOrPath)) return ProfileLoader.Load(Text(idOrPath), $"profiles/{idOrPath}.yaml");
        var looksLikeId = !idOrPath.Contains('/') && !idOrPath.Contains('\\') && !idOrPath.Contains('.');
        if (looksLikeId && !File.Exists(idOrPath))
        {
            var closest = Yaml.Suggest.Closest(idOrPath, Ids);
            return new ProfileLoadResult(null, [new ProfileDiagnostic(idOrPath, 1, 1, ErrorCodes.Unreadable,
                $"no shipped profile has this id, and there is no such file; shipped: {string.Join(", ", Ids)}",
                closest is null ? "give a shipped id or the path of a profile's .yaml file" : $"did you mean '{closest}'?")]);
        }
        return ProfileLoader.LoadFile(idOrPath);
    }
}
