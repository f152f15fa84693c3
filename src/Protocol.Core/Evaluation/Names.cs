using Protocol.Core.Rules;

namespace Protocol.Core.Evaluation;

/// <summary>The kebab-case names used in JSON output, test cases and the CLI.</summary>
public static class Names
{
    /// <summary>e.g. <c>met-on-time</c>.</summary>
    public static string Name(this ObligationStatus status) => status switch
    {
        ObligationStatus.Upcoming => "upcoming",
        ObligationStatus.Pending => "pending",
        ObligationStatus.DecisionRequired => "decision-required",
        ObligationStatus.Overdue => "overdue",
        ObligationStatus.MetOnTime => "met-on-time",
        ObligationStatus.MetLate => "met-late",
        ObligationStatus.Lapsed => "lapsed",
        ObligationStatus.External => "external",
        _ => "not-applicable",
    };

    /// <summary>Parses a status name.</summary>
    public static bool TryParseStatus(string text, out ObligationStatus status)
    {
        foreach (var s in Enum.GetValues<ObligationStatus>())
            if (s.Name() == text) { status = s; return true; }
        status = default;
        return false;
    }

    /// <summary>All status names.</summary>
    public static IReadOnlyList<string> StatusNames { get; } = Enum.GetValues<ObligationStatus>().Select(s => s.Name()).ToArray();

    /// <summary><c>duty</c> or <c>consider</c>.</summary>
    public static string Name(this Nature nature) => nature == Nature.Consider ? "consider" : "duty";

    /// <summary>"responsible authority" or "host authority" for a duty the profile gives to one of them; null for any.</summary>
    public static string? Words(this ObligationOwner owner) => owner switch
    {
        ObligationOwner.ResponsibleAuthority => "responsible authority",
        ObligationOwner.HostAuthority => "host authority",
        _ => null,
    };
}
