using System.Text.Json.Nodes;
using NodaTime;
using Protocol.Core.Cases;
using Protocol.Core.Evaluation;
using Protocol.Profiles.Yaml;
using YamlDotNet.RepresentationModel;

namespace Protocol.Profiles.Testing;

/// <summary>Loads YAML test-case files (docs/test-format.md), reporting problems with line and column.</summary>
public static class TestCaseLoader
{
    /// <summary>Finds the test files under the given files or folders (*.yaml, *.yml, recursively), sorted.</summary>
    public static IReadOnlyList<string> Discover(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)));
            else files.Add(path);
        }
        return files.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Loads the cases of one file.</summary>
    public static (IReadOnlyList<ProfileTestCase> Cases, IReadOnlyList<ProfileDiagnostic> Diagnostics) LoadFile(string path)
    {
        var diagnostics = new List<ProfileDiagnostic>();
        var text = YamlText.ReadFile(path, "a test file", diagnostics);
        return text is null ? ([], diagnostics) : Load(text, path);
    }

    /// <summary>Loads the cases of a file's text.</summary>
    public static (IReadOnlyList<ProfileTestCase> Cases, IReadOnlyList<ProfileDiagnostic> Diagnostics) Load(string text, string file)
    {
        var diagnostics = new List<ProfileDiagnostic>();
        var root = YamlText.Load(text, file, diagnostics);
        if (root is null) return ([], diagnostics);
        var r = new NodeReader(file, diagnostics);
        var cases = new List<ProfileTestCase>();
        var map = r.Map(root, "a test file");
        if (map is null) return ([], diagnostics);
        var top = r.Keys(map, "a test file", ["profile", "cases"], ["profile", "cases"]);
        var profile = top.TryGetValue("profile", out var p) ? r.Text(p, "'profile'") : null;
        if (!top.TryGetValue("cases", out var casesNode) || r.Sequence(casesNode, "'cases'") is not { } seq || profile is null) return ([], diagnostics);
        foreach (var item in seq.Children)
        {
            var m = r.Map(item, "a test case");
            if (m is null) continue;
            var k = r.Keys(m, "a test case", ["name", "cites", "at", "case", "caseload", "expect"], ["name", "at", "expect"]);
            if (k.ContainsKey("case") == k.ContainsKey("caseload"))
                r.Error(m, k.ContainsKey("case") ? ErrorCodes.Conflict : ErrorCodes.MissingKey, "a test case needs exactly one of 'case' (one child) or 'caseload' (several children)");
            var name = k.TryGetValue("name", out var n) ? r.Text(n, "'name'") : null;
            var cites = k.TryGetValue("cites", out var c) ? r.Text(c, "'cites'") : null;
            Instant? at = null;
            if (k.TryGetValue("at", out var atNode) && r.Text(atNode, "'at'") is { } atText)
            {
                if (CaseReader.TryParseInstant(atText, out var i)) at = i;
                else r.Error(atNode, ErrorCodes.BadValue, $"'at: {atText}' is not an ISO-8601 instant with an offset", "e.g. at: 2025-03-30T12:00:00Z");
            }
            var expect = k.TryGetValue("expect", out var e) ? ReadExpectation(r, e) : null;
            var isCaseload = k.ContainsKey("caseload");
            if (name is null || at is null || expect is null || !(k.TryGetValue("case", out var caseNode) || k.TryGetValue("caseload", out caseNode))) continue;
            cases.Add(new ProfileTestCase
            {
                File = file, Line = (int)item.Start.Line, Profile = profile, Name = name, Cites = cites, At = at.Value,
                CaseJson = ToJson(caseNode), IsCaseload = isCaseload, Expect = expect,
            });
        }
        return (cases, diagnostics);
    }

    private static Expectation? ReadExpectation(NodeReader r, YamlNode node)
    {
        var m = r.Map(node, "'expect'");
        if (m is null) return null;
        var k = r.Keys(m, "'expect'", ["classification", "risk", "obligations", "not-triggered", "escalations", "no-escalations", "assumptions-include"]);
        var before = r.Diagnostics.Count;
        var obligations = new List<ObligationExpectation>();
        if (k.TryGetValue("obligations", out var ob) && r.Sequence(ob, "'obligations'") is { } oseq)
            foreach (var item in oseq.Children)
            {
                if (r.Map(item, "an expected obligation") is not { } om) continue;
                var ok = r.Keys(om, "an expected obligation", ["id", "status", "due", "triggered", "episode", "occurrence", "recipient", "responsible", "waiting-for", "child"], ["id"]);
                var id = ok.TryGetValue("id", out var i) ? r.Text(i, "'id'") : null;
                if (id is null) continue;
                obligations.Add(new ObligationExpectation(id,
                    ok.TryGetValue("status", out var s) ? Status(r, s) : null,
                    ok.TryGetValue("due", out var d) ? InstantOf(r, d) : null,
                    ok.TryGetValue("episode", out var ep) ? r.Text(ep, "'episode'") : null,
                    ok.TryGetValue("occurrence", out var oc) ? r.Integer(oc, "'occurrence'", 1) : null,
                    ok.TryGetValue("responsible", out var rs) ? r.Text(rs, "'responsible'") : null,
                    (int)item.Start.Line,
                    ok.TryGetValue("child", out var ch) ? r.Text(ch, "'child'") : null)
                {
                    Triggered = ok.TryGetValue("triggered", out var tg) ? InstantOf(r, tg, "'triggered'") : null,
                    Recipient = ok.TryGetValue("recipient", out var rc) ? r.Text(rc, "'recipient'") : null,
                    WaitingFor = ok.TryGetValue("waiting-for", out var wf) ? r.Text(wf, "'waiting-for'") : null,
                });
            }
        var escalations = new List<EscalationExpectation>();
        if (k.TryGetValue("escalations", out var es) && r.Sequence(es, "'escalations'") is { } eseq)
            foreach (var item in eseq.Children)
            {
                if (r.Map(item, "an expected escalation") is not { } em) continue;
                var ek = r.Keys(em, "an expected escalation", ["rung", "status", "due", "count", "episode", "establishment"], ["rung"]);
                var rung = ek.TryGetValue("rung", out var rg) ? r.Text(rg, "'rung'") : null;
                if (rung is null) continue;
                escalations.Add(new EscalationExpectation(rung,
                    ek.TryGetValue("status", out var s) ? Status(r, s) : null,
                    ek.TryGetValue("due", out var d) ? InstantOf(r, d) : null,
                    ek.TryGetValue("count", out var cn) ? r.Integer(cn, "'count'", 0) : null,
                    ek.TryGetValue("episode", out var ep) ? r.Text(ep, "'episode'") : null,
                    (int)item.Start.Line,
                    ek.TryGetValue("establishment", out var es2) ? r.Text(es2, "'establishment'") : null));
            }
        var result = new Expectation
        {
            Classification = k.TryGetValue("classification", out var cl) ? r.Text(cl, "'classification'") : null,
            Risk = k.TryGetValue("risk", out var rk) ? r.Text(rk, "'risk'") : null,
            Obligations = obligations,
            NotTriggered = k.TryGetValue("not-triggered", out var nt) ? r.TextOrList(nt, "'not-triggered'").Select(x => x.Value).ToList() : [],
            Escalations = escalations,
            NoEscalations = k.TryGetValue("no-escalations", out var ne) ? r.TextOrList(ne, "'no-escalations'").Select(x => x.Value).ToList() : [],
            AssumptionsInclude = k.TryGetValue("assumptions-include", out var ai) ? r.TextOrList(ai, "'assumptions-include'").Select(x => x.Value).ToList() : [],
        };
        return r.Diagnostics.Count > before ? null : result;
    }

    private static ObligationStatus? Status(NodeReader r, YamlNode node)
    {
        var text = r.OneOf(node, "'status'", Names.StatusNames);
        return text is not null && Names.TryParseStatus(text, out var s) ? s : null;
    }

    private static Instant? InstantOf(NodeReader r, YamlNode node, string what = "'due'")
    {
        var text = r.Text(node, what);
        if (text is null) return null;
        if (CaseReader.TryParseInstant(text, out var i)) return i;
        r.Error(node, ErrorCodes.BadValue, $"'{text}' is not an ISO-8601 instant with an offset", "e.g. 2025-03-30T12:00:00Z");
        return null;
    }

    /// <summary>Converts a YAML subtree to JSON; every scalar becomes a string (the case format has only text values).</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToJson(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Value: null } => null,
        YamlScalarNode { Value: "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain } => null,
        YamlScalarNode { Value: "", Style: YamlDotNet.Core.ScalarStyle.Plain } => null,
        YamlScalarNode sc => JsonValue.Create(sc.Value),
        _ => null,
    };
}
