using System.Linq.Expressions;
using System.Reflection;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Core.Time;
using Protocol.Profiles.Yaml;
using YamlDotNet.RepresentationModel;

namespace Protocol.Profiles.Compilation;

/// <summary>
/// Compiles a <c>when:</c> condition, a closed vocabulary of facts, into typed delegates over
/// <see cref="FactContext"/> built from expression trees. There is no string-to-code evaluation:
/// each key maps to one method of <see cref="FactContext"/> with constant arguments.
/// </summary>
internal sealed class ConditionCompiler(NodeReader reader, Symbols symbols)
{
    public static readonly string[] Keys =
    [
        "all", "any", "not", "risk", "risk-at-least", "care-status", "flag", "any-flag", "age-under", "age-at-least",
        "placed-out-of-area", "responsible-authority-is-local", "host-authority-is-local", "event", "no-event",
        "missing-for", "missing-during", "classified", "first-episode", "consecutive", "episodes-within",
        "whereabouts-known", "police-category", "office-hours",
    ];

    /// <summary>True when the profile states office hours, so that 'office-hours' conditions can be judged.</summary>
    public bool OfficeHoursDeclared { get; set; }

    private static readonly string[] CareStatuses = ["living-at-home", "looked-after", "care-leaver"];
    private static readonly ParameterExpression Facts = Expression.Parameter(typeof(FactContext), "facts");

    private sealed record Node(ConditionKind Kind, string Description, Expression Body, List<Node> Parts);

    /// <summary>Compiles a condition, or returns null after reporting why it cannot be compiled.</summary>
    public Condition? Compile(YamlNode yaml)
    {
        var node = Parse(yaml, "the condition");
        return node is null ? null : Materialise(node);
    }

    private static Condition Materialise(Node node)
    {
        var evaluate = Expression.Lambda<Func<FactContext, bool>>(node.Body, Facts).Compile();
        return new Condition(node.Kind, node.Description, evaluate, node.Parts.Select(Materialise).ToList());
    }

    private Node? Parse(YamlNode yaml, string what)
    {
        var map = reader.Map(yaml, what);
        if (map is null) return null;
        if (map.Children.Count == 0)
        {
            reader.Error(map, ErrorCodes.WrongType, $"{what} is empty", "remove 'when:' for a rule that always applies");
            return null;
        }
        var keys = reader.Keys(map, what, Keys);
        var parts = new List<Node>();
        var ok = true;
        foreach (var (key, value) in keys)
        {
            var part = Leaf(key, value);
            if (part is null) ok = false; else parts.Add(part);
        }
        if (!ok || parts.Count == 0) return null;
        return parts.Count == 1 ? parts[0] : Combine(ConditionKind.All, parts);
    }

    private static Node Combine(ConditionKind kind, List<Node> parts)
    {
        var body = parts.Select(p => p.Body).Aggregate((a, b) => kind == ConditionKind.All ? Expression.AndAlso(a, b) : Expression.OrElse(a, b));
        var description = kind == ConditionKind.All ? "all of these" : "any of these";
        return new Node(kind, description, body, parts);
    }

    private Node? Leaf(string key, YamlNode value)
    {
        switch (key)
        {
            case "all":
            case "any":
            {
                var seq = reader.Sequence(value, $"'{key}'");
                if (seq is null) return null;
                var parts = seq.Children.Select(c => Parse(c, $"an item of '{key}'")).ToList();
                if (parts.Any(p => p is null)) return null;
                if (parts.Count == 0) { reader.Error(seq, ErrorCodes.WrongType, $"'{key}' needs at least one condition"); return null; }
                return Combine(key == "all" ? ConditionKind.All : ConditionKind.Any, parts!);
            }
            case "not":
            {
                var inner = Parse(value, "'not'");
                return inner is null ? null : new Node(ConditionKind.Not, "none of this", Expression.Not(inner.Body), [inner]);
            }
            case "risk":
            {
                var levels = reader.TextOrList(value, "risk").Select(l => symbols.RiskLevel(l.Value, l.Node)).ToList();
                if (levels.Count == 0 || levels.Any(l => l is null)) return null;
                return Fact($"risk is {string.Join(" or ", levels)}", nameof(FactContext.RiskIs), (object)levels.Select(l => l!).ToArray());
            }
            case "risk-at-least":
            {
                var text = reader.Text(value, "risk-at-least");
                var level = text is null ? null : symbols.RiskLevel(text, reader.Resolve(value));
                return level is null ? null : Fact($"risk is at least {level}", nameof(FactContext.RiskAtLeast), level);
            }
            case "care-status":
            {
                var statuses = new List<CareStatus>();
                foreach (var (text, node) in reader.TextOrList(value, "care-status"))
                {
                    if (reader.OneOf(node, "care-status", CareStatuses) is null) return null;
                    statuses.Add(text switch { "looked-after" => CareStatus.LookedAfter, "care-leaver" => CareStatus.CareLeaver, _ => CareStatus.LivingAtHome });
                }
                if (statuses.Count == 0) return null;
                return Fact($"care status is {string.Join(" or ", reader.TextOrList(value, "care-status").Select(s => s.Value))}", nameof(FactContext.CareStatusIs), (object)statuses.ToArray());
            }
            case "flag":
            {
                var text = reader.Text(value, "flag");
                var flag = text is null ? null : symbols.Flag(text, reader.Resolve(value));
                return flag is null ? null : Fact($"the child has the flag '{flag}'", nameof(FactContext.HasFlag), flag);
            }
            case "any-flag":
            {
                var flags = reader.TextOrList(value, "any-flag").Select(f => symbols.Flag(f.Value, f.Node)).ToList();
                if (flags.Count == 0 || flags.Any(f => f is null)) return null;
                var parts = flags.Select(f => Fact($"the child has the flag '{f}'", nameof(FactContext.HasFlag), f!)).ToList();
                return parts.Count == 1 ? parts[0] : Combine(ConditionKind.Any, parts);
            }
            case "age-under":
            {
                var n = reader.Integer(value, "age-under", 0, 30);
                return n is null ? null : Fact($"aged under {n}", nameof(FactContext.AgeUnder), n.Value);
            }
            case "age-at-least":
            {
                var n = reader.Integer(value, "age-at-least", 0, 30);
                return n is null ? null : Fact($"aged {n} or over", nameof(FactContext.AgeAtLeast), n.Value);
            }
            case "placed-out-of-area":
                return Toggle(value, key, "placed outside the responsible authority's area", nameof(FactContext.PlacedOutOfArea));
            case "responsible-authority-is-local":
                return Toggle(value, key, "this authority is the responsible authority", nameof(FactContext.ResponsibleAuthorityIsLocal));
            case "host-authority-is-local":
                return Toggle(value, key, "the child lives or is placed in this authority's area", nameof(FactContext.HostAuthorityIsLocal));
            case "event":
            case "no-event":
            {
                var e = symbols.Event(value, $"'{key}'");
                if (e is null) return null;
                var has = Fact($"{e} has happened", nameof(FactContext.HasEvent), e);
                return key == "event" ? has : new Node(ConditionKind.Fact, $"{e} has not happened", Expression.Not(has.Body), []);
            }
            case "missing-for":
            {
                var map = reader.Map(value, "'missing-for'");
                if (map is null) return null;
                var keys = reader.Keys(map, "'missing-for'", ["at-least", "from", "threshold"], ["at-least", "from"]);
                if (!keys.ContainsKey("at-least") || !keys.ContainsKey("from")) return null;
                var amount = ParseAmount(keys["at-least"], "'at-least'", allowWorking: false);
                var from = symbols.EventSet(keys["from"], "'from'");
                var mode = keys.TryGetValue("threshold", out var th) ? reader.OneOf(th, "'threshold'", ["inclusive", "strict"]) : "inclusive";
                if (amount is null || from is null || mode is null) return null;
                return mode == "strict"
                    ? Fact($"missing for more than {amount} from {from}", nameof(FactContext.MissingForMoreThan), amount, from)
                    : Fact($"missing for at least {amount} from {from}", nameof(FactContext.MissingForAtLeast), amount, from);
            }
            case "missing-during":
            {
                var map = reader.Map(value, "'missing-during'");
                if (map is null) return null;
                var keys = reader.Keys(map, "'missing-during'", ["start", "end", "from"], ["start", "end", "from"]);
                if (keys.Count < 3) return null;
                var start = reader.Time(keys["start"], "'start'");
                var end = reader.Time(keys["end"], "'end'");
                var from = symbols.EventSet(keys["from"], "'from'");
                if (start is null || end is null || from is null) return null;
                if (start == end)
                {
                    reader.Error(keys["end"], ErrorCodes.BadValue, "'missing-during' needs an end different from its start");
                    return null;
                }
                var text = $"{start.Value:HH:mm}–{end.Value:HH:mm}";
                return Fact($"missing at some time between {text} (Europe/London) since {from}", nameof(FactContext.MissingDuring), start.Value, end.Value, from);
            }
            case "classified":
            {
                var labels = reader.TextOrList(value, "classified").Select(l => symbols.Classification(l.Value, l.Node)).ToList();
                if (labels.Count == 0 || labels.Any(l => l is null)) return null;
                return Fact($"the episode is classified {string.Join(" or ", labels)}", nameof(FactContext.ClassifiedAs), (object)labels.Select(l => l!).ToArray());
            }
            case "first-episode":
                return Toggle(value, key, "this is the child's first episode with this classification", nameof(FactContext.IsFirstEpisode));
            case "whereabouts-known":
                return Toggle(value, key, "the child's whereabouts are known (and not lost again since)", nameof(FactContext.WhereaboutsKnown));
            case "police-category":
            {
                var categories = new List<string>();
                foreach (var (text, node) in reader.TextOrList(value, "police-category"))
                {
                    if (reader.OneOf(node, "police-category", EventTypes.PoliceCategories) is null) return null;
                    categories.Add(text);
                }
                if (categories.Count == 0) return null;
                return Fact($"the police category is {string.Join(" or ", categories)}", nameof(FactContext.PoliceCategoryIs), (object)categories.ToArray());
            }
            case "office-hours":
            {
                if (!OfficeHoursDeclared)
                {
                    reader.Error(reader.Resolve(value), ErrorCodes.Conflict, "'office-hours' needs the profile's office hours",
                        "state them under calendar: { id: england-and-wales, office-hours: { start: \"09:00\", end: \"17:00\" } }");
                    return null;
                }
                return Toggle(value, key, "within office hours", nameof(FactContext.InOfficeHours));
            }
            case "consecutive":
            {
                var map = reader.Map(value, "'consecutive'");
                if (map is null) return null;
                var keys = reader.Keys(map, "'consecutive'", ["event", "reset-by", "at-least"], ["event", "reset-by", "at-least"]);
                if (keys.Count < 3) return null;
                var counted = symbols.Event(keys["event"], "'event'");
                var reset = symbols.Event(keys["reset-by"], "'reset-by'");
                var n = reader.Integer(keys["at-least"], "'at-least'", 1, 1000);
                if (counted is null || reset is null || n is null) return null;
                return Fact($"{n} or more {counted} in a row (a {reset} breaks the run)", nameof(FactContext.ConsecutiveAtLeast), counted, reset, n.Value);
            }
            case "episodes-within":
            {
                var map = reader.Map(value, "'episodes-within'");
                if (map is null) return null;
                var keys = reader.Keys(map, "'episodes-within'", ["period", "at-least", "counts", "dated-by"], ["period", "at-least"]);
                if (!keys.ContainsKey("period") || !keys.ContainsKey("at-least")) return null;
                var amount = ParseAmount(keys["period"], "'period'", allowWorking: false);
                if (amount is { IsElapsed: true })
                {
                    reader.Error(reader.Resolve(keys["period"]), ErrorCodes.BadDuration, "'period' of 'episodes-within' is counted in days, weeks or months, like a ladder window");
                    return null;
                }
                var n = reader.Integer(keys["at-least"], "'at-least'", 1, 10000);
                var counts = new List<string>();
                if (keys.TryGetValue("counts", out var cn))
                    foreach (var (label, node) in reader.TextOrList(cn, "'counts'"))
                        if (symbols.Classification(label, node) is { } l) counts.Add(l); else return null;
                EventSet? datedBy = null;
                if (keys.TryGetValue("dated-by", out var db) && (datedBy = symbols.EventSet(db, "'dated-by'")) is null) return null;
                if (amount is null || n is null) return null;
                var what = counts.Count == 0 ? "episodes" : $"{string.Join(" or ", counts)} episodes";
                return Fact($"{n} or more {what} in the {amount} ending on this date{(datedBy is null ? "" : $", dated by {datedBy}")}",
                    nameof(FactContext.EpisodesWithinAtLeast), amount, n.Value, (object)counts.ToArray(), datedBy!);
            }
            default:
                return null; // unknown keys were reported by Keys()
        }
    }

    private Node? Toggle(YamlNode value, string key, string description, string method)
    {
        var b = reader.Boolean(value, key);
        if (b is null) return null;
        var fact = Fact(description, method);
        return b.Value ? fact : new Node(ConditionKind.Fact, "not: " + description, Expression.Not(fact.Body), []);
    }

    public Amount? ParseAmount(YamlNode node, string what, bool allowWorking)
    {
        var text = reader.Text(node, what);
        if (text is null) return null;
        if (!Amount.TryParse(text, out var amount, out var error))
        {
            reader.Error(reader.Resolve(node), ErrorCodes.BadDuration, $"{what} '{text}': {error}");
            return null;
        }
        if (!allowWorking && amount!.Unit == TimeUnit.WorkingDays)
        {
            reader.Error(reader.Resolve(node), ErrorCodes.BadDuration, $"{what} '{text}': working days are for deadlines only", "use hours, days, weeks or months");
            return null;
        }
        return amount;
    }

    private static Node Fact(string description, string method, params object[] arguments)
    {
        var info = typeof(FactContext).GetMethod(method, BindingFlags.Public | BindingFlags.Instance)
                   ?? throw new InvalidOperationException($"FactContext has no method {method}");
        var call = Expression.Call(Facts, info, arguments.Select((a, i) => (Expression)Expression.Constant(a, info.GetParameters()[i].ParameterType)));
        return new Node(ConditionKind.Fact, description, call, []);
    }
}
