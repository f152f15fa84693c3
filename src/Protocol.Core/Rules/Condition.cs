namespace Protocol.Core.Rules;

/// <summary>How a condition combines its parts.</summary>
public enum ConditionKind
{
    /// <summary>A single fact.</summary>
    Fact,
    /// <summary>Every part holds.</summary>
    All,
    /// <summary>At least one part holds.</summary>
    Any,
    /// <summary>The single part does not hold.</summary>
    Not,
}

/// <summary>
/// A compiled condition: a typed delegate over <see cref="FactContext"/> (built by the profile compiler
/// from expression trees) plus the readable structure used to explain which parts held.
/// Immutable and thread-safe.
/// </summary>
public sealed class Condition
{
    /// <summary>Creates a condition.</summary>
    public Condition(ConditionKind kind, string description, Func<FactContext, bool> evaluate, IReadOnlyList<Condition>? parts = null)
    {
        Kind = kind;
        Description = description;
        Evaluate = evaluate;
        Parts = parts ?? [];
    }

    /// <summary>The condition that always holds (no <c>when</c>).</summary>
    public static Condition Always { get; } = new(ConditionKind.All, "always", _ => true);

    /// <summary>How the parts combine.</summary>
    public ConditionKind Kind { get; }

    /// <summary>Readable description, e.g. "risk is high".</summary>
    public string Description { get; }

    /// <summary>The compiled test.</summary>
    public Func<FactContext, bool> Evaluate { get; }

    /// <summary>Sub-conditions (for All, Any, Not).</summary>
    public IReadOnlyList<Condition> Parts { get; }

    /// <summary>True when this is <see cref="Always"/>.</summary>
    public bool IsAlways => ReferenceEquals(this, Always);

    /// <summary>Explains the condition: one line per fact, each marked as holding or not.</summary>
    public IReadOnlyList<string> Explain(FactContext context)
    {
        var lines = new List<string>();
        Explain(context, lines, 0);
        return lines;
    }

    private void Explain(FactContext context, List<string> lines, int depth)
    {
        if (IsAlways) return;
        var held = Evaluate(context);
        var indent = new string(' ', depth * 2);
        if (Kind == ConditionKind.Fact)
        {
            lines.Add($"{indent}{(held ? "holds" : "does not hold")}: {Description}");
            return;
        }
        if (depth > 0 || Kind != ConditionKind.All)
            lines.Add($"{indent}{(held ? "holds" : "does not hold")}: {Description}");
        foreach (var part in Parts) part.Explain(context, lines, Kind == ConditionKind.All && depth == 0 ? 0 : depth + 1);
    }
}
