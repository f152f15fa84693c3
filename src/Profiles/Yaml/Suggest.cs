namespace Protocol.Profiles.Yaml;

/// <summary>"Did you mean …?" suggestions by edit distance.</summary>
internal static class Suggest
{
    public static string? Closest(string given, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(given.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance) { bestDistance = d; best = c; }
        }
        return best is not null && bestDistance <= Math.Max(2, given.Length / 3) ? best : null;
    }

    public static string Hint(string given, IEnumerable<string> candidates, string what)
    {
        var list = candidates.ToList();
        var closest = Closest(given, list);
        if (closest is not null) return $"did you mean '{closest}'?";
        return list.Count <= 12
            ? $"{what} is one of: {string.Join(", ", list)}"
            : $"declare it first, or use one of the {list.Count} declared";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
