namespace Protocol.Core.Text;

/// <summary>
/// "Did you mean …?" for names a person typed: the closest candidate by edit distance. Shared by the case
/// reader (field names) and the profile compiler (keys, roles, events, settings …).
/// </summary>
internal static class Spelling
{
    /// <summary>
    /// The candidate closest to <paramref name="given"/> (compared case-insensitively, after
    /// <paramref name="normalise"/> if given), if it is at most <paramref name="maxDistance"/> edits away and
    /// not a complete rewrite of it. Bounded work whatever the input's length: candidates whose length differs
    /// by more than the allowed distance are not compared.
    /// </summary>
    public static string? Closest(string given, IEnumerable<string> candidates, int maxDistance, Func<string, string>? normalise = null)
    {
        string Key(string s) => (normalise ?? (x => x))(s).ToLowerInvariant();
        var g = Key(given);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var k = Key(c);
            if (Math.Abs(k.Length - g.Length) > maxDistance) continue;
            var d = Distance(g, k);
            if (d < bestDistance) { bestDistance = d; best = c; }
        }
        return best is not null && bestDistance <= maxDistance && bestDistance < g.Length ? best : null;
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
