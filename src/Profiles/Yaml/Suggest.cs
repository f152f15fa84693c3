using Protocol.Core.Text;

namespace Protocol.Profiles.Yaml;

/// <summary>"Did you mean …?" suggestions by edit distance.</summary>
internal static class Suggest
{
    public static string? Closest(string given, IEnumerable<string> candidates) =>
        Spelling.Closest(given, candidates, Math.Max(2, given.Length / 3));

    public static string Hint(string given, IEnumerable<string> candidates, string what)
    {
        var list = candidates.ToList();
        var closest = Closest(given, list);
        if (closest is not null) return $"did you mean '{closest}'?";
        return list.Count <= 12
            ? $"{what} is one of: {string.Join(", ", list)}"
            : $"declare it first, or use one of the {list.Count} declared";
    }
}
