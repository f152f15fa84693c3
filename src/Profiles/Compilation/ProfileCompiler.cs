using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Core.Time;
using Protocol.Profiles.Yaml;
using YamlDotNet.RepresentationModel;

namespace Protocol.Profiles.Compilation;

/// <summary>Reads, checks and compiles a profile's YAML tree in one pass, collecting every problem.</summary>
internal sealed class ProfileCompiler
{
    private static readonly string[] TopKeys =
        ["profile", "calendar", "risk-levels", "settings", "roles", "activities", "flags", "episodes", "obligations", "ladders", "not-encoded"];
    private static readonly string[] ObligationKeys =
        ["id", "title", "responsible", "nature", "scope", "trigger", "applies-to", "when", "deadline", "met-by", "met-since", "lapses-on", "recurs", "citation", "reading"];
    private static readonly string[] DeadlineWords = ["immediately", "same-day", "same-working-day", "next-working-day"];

    private readonly NodeReader _r;
    private readonly Symbols _s;
    private readonly ConditionCompiler _conditions;

    public ProfileCompiler(string file, List<ProfileDiagnostic> diagnostics)
    {
        _r = new NodeReader(file, diagnostics);
        _s = new Symbols(_r);
        _conditions = new ConditionCompiler(_r, _s);
    }

    public CompiledProfile? Compile(YamlNode root)
    {
        var map = root as YamlMappingNode;
        if (map is null)
        {
            _r.Error(root, ErrorCodes.EmptyDocument, $"a profile must be a mapping with 'profile:', 'obligations:' and the other sections, not {NodeReader.Describe(root)}");
            return null;
        }
        var top = _r.Keys(map, "the profile", TopKeys, ["profile", "risk-levels", "roles", "obligations"]);
        var before = _r.Diagnostics.Count;

        if (top.TryGetValue("settings", out var settingsNode)) ReadSettings(settingsNode, out _settings);
        var metadata = top.TryGetValue("profile", out var p) ? ReadMetadata(p) : null;
        var calendar = WorkingDayCalendar.EnglandAndWales;
        if (top.TryGetValue("calendar", out var c)) _r.OneOf(c, "calendar", ["england-and-wales"]);
        if (top.TryGetValue("risk-levels", out var risk)) ReadRiskLevels(risk);
        if (top.TryGetValue("roles", out var roles)) ReadRoles(roles);
        if (top.TryGetValue("activities", out var activities)) ReadActivities(activities);
        if (top.TryGetValue("flags", out var flags)) ReadFlags(flags);

        var episodes = top.TryGetValue("episodes", out var e) ? ReadEpisodes(e) : DefaultEpisodes();
        var obligations = top.TryGetValue("obligations", out var o) ? ReadObligations(o, episodes.AppliesTo) : [];
        var ladders = top.TryGetValue("ladders", out var l) ? ReadLadders(l) : [];
        var notEncoded = top.TryGetValue("not-encoded", out var n) ? ReadNotEncoded(n) : [];

        foreach (var (name, node) in _settingNodes)
            if (!_r.UsedSettings.Contains(name) && !_informationalSettings.Contains(name))
                _r.Error(node, ErrorCodes.Conflict, $"setting '{name}' is never used: no rule refers to '${name}'",
                    "refer to it where the reading applies, or give it 'informational: true' if it records a reading that no rule takes a value from");

        var ids = obligations.Select(x => x.Id).Concat(ladders.SelectMany(x => x.Rungs.Select(r => r.Id))).Concat(ladders.Select(x => x.Id)).ToList();
        foreach (var item in notEncoded)
            if (ids.Contains(item.Id, StringComparer.Ordinal))
                _r.Error(_notEncodedNodes[item.Id], ErrorCodes.Conflict, $"'{item.Id}' is both encoded and listed under not-encoded", "remove one of them");

        if (_r.Diagnostics.Count > before || metadata is null) return null;
        return new CompiledProfile(metadata, calendar, _s.RiskLevels.ToList(), _s.Roles.Values.ToList(), _s.Activities.Values.ToList(),
            _s.Flags.Values.ToList(), _settings, episodes.Rules, episodes.Default, episodes.EndsOn, obligations, ladders, notEncoded);
    }

    private List<SettingDefinition> _settings = [];
    private readonly Dictionary<string, YamlNode> _settingNodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _informationalSettings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _notEncodedNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _rungIds = new(StringComparer.Ordinal);

    private void ReadSettings(YamlNode node, out List<SettingDefinition> settings)
    {
        settings = [];
        var map = _r.Map(node, "'settings'");
        if (map is null) return;
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var name = _r.Text(k, "a setting name");
            if (name is null) continue;
            var entry = _r.Map(v, $"setting '{name}'");
            if (entry is null) continue;
            var keys = _r.Keys(entry, $"setting '{name}'", ["value", "reading", "citation", "informational"], ["value", "reading", "citation"]);
            if (keys.TryGetValue("informational", out var info) && _r.Boolean(info, "'informational'") == true) _informationalSettings.Add(name);
            if (!keys.TryGetValue("value", out var value)) continue;
            values[name] = value;
            _settingNodes[name] = k;
            var reading = keys.TryGetValue("reading", out var rd) ? _r.Text(rd, "'reading'") ?? "" : "";
            var citation = keys.TryGetValue("citation", out var ct) ? _r.Text(ct, "'citation'") ?? "" : "";
            settings.Add(new SettingDefinition(name, Flatten(value), reading, citation));
        }
        CheckSettingCycles(values);
        _r.UseSettings(values);
    }

    /// <summary>
    /// A setting's value may refer to other settings (<c>$name</c>, anywhere in it), but not in a
    /// cycle. Each cycle is reported once, at the reference that starts it in the first setting of the
    /// cycle; its references are then not followed (nor reported again) where a rule uses the setting.
    /// Depth-first with an explicit stack, so a long chain of settings cannot exhaust the call stack.
    /// </summary>
    private void CheckSettingCycles(Dictionary<string, YamlNode> values)
    {
        var references = values.ToDictionary(kv => kv.Key, kv => SettingReferences(kv.Value).Where(r => values.ContainsKey(r.Name)).ToList(), StringComparer.Ordinal);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: being visited, true: done
        foreach (var root in values.Keys)
        {
            if (state.ContainsKey(root)) continue;
            state[root] = false;
            var path = new List<(string Name, int Next)> { (root, 0) };
            while (path.Count > 0)
            {
                var (name, next) = path[^1];
                if (next == references[name].Count)
                {
                    state[name] = true;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }
                path[^1] = (name, next + 1);
                var target = references[name][next].Name;
                if (!state.TryGetValue(target, out var done))
                {
                    state[target] = false;
                    path.Add((target, 0));
                }
                else if (!done)
                {
                    var cycle = path.Skip(path.FindIndex(f => f.Name == target)).ToList();
                    var edges = cycle.Select(f => references[f.Name][f.Next - 1].Node).ToList();
                    var message = cycle.Count == 1
                        ? $"setting '{target}' refers to itself"
                        : $"settings refer to each other in a cycle: {string.Join(" -> ", cycle.Select(f => f.Name).Append(target))}";
                    _r.Error(edges[0], ErrorCodes.CircularReference, message, "write the value out in one of them");
                    foreach (var edge in edges) _r.MarkReported(edge);
                    foreach (var f in cycle) _r.UsedSettings.Add(f.Name);
                }
            }
        }
    }

    /// <summary>Every <c>$name</c> written in a setting's value, with its node.</summary>
    private static IEnumerable<(string Name, YamlNode Node)> SettingReferences(YamlNode value)
    {
        var pending = new Stack<YamlNode>([value]);
        var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!seen.Add(node)) continue;
            switch (node)
            {
                case YamlScalarNode { Value: { Length: > 1 } v, Style: YamlDotNet.Core.ScalarStyle.Plain } when v.StartsWith('$'):
                    yield return (v[1..], node);
                    break;
                case YamlSequenceNode seq:
                    for (var i = seq.Children.Count - 1; i >= 0; i--) pending.Push(seq.Children[i]);
                    break;
                case YamlMappingNode map:
                    foreach (var (k, v) in map.Children.Reverse()) { pending.Push(v); pending.Push(k); }
                    break;
            }
        }
    }

    private static string Flatten(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode q => "[" + string.Join(", ", q.Children.Select(Flatten)) + "]",
        YamlMappingNode m => "{ " + string.Join(", ", m.Children.Select(kv => $"{Flatten(kv.Key)}: {Flatten(kv.Value)}")) + " }",
        _ => "",
    };

    private ProfileMetadata? ReadMetadata(YamlNode node)
    {
        var map = _r.Map(node, "'profile'");
        if (map is null) return null;
        var k = _r.Keys(map, "'profile'", ["id", "authority", "authority-codes", "title", "version", "effective-from", "review-date", "source"], ["id", "authority", "title"]);
        var id = k.TryGetValue("id", out var idNode) ? _r.Text(idNode, "the profile id") : null;
        if (id is not null && !IsKebab(id)) _r.Error(idNode!, ErrorCodes.BadValue, $"the profile id '{id}' must be kebab-case (lower-case words joined by '-')");
        var authority = k.TryGetValue("authority", out var a) ? _r.Text(a, "'authority'") : null;
        var title = k.TryGetValue("title", out var t) ? _r.Text(t, "'title'") : null;
        if (id is null || authority is null || title is null) return null;
        return new ProfileMetadata
        {
            Id = id,
            Authority = authority,
            Title = title,
            AuthorityCodes = k.TryGetValue("authority-codes", out var codes) ? _r.TextOrList(codes, "an authority code").Select(x => x.Value).ToList() : [],
            Version = k.TryGetValue("version", out var v) ? _r.Text(v, "'version'") : null,
            EffectiveFrom = k.TryGetValue("effective-from", out var ef) ? _r.Date(ef, "'effective-from'") : null,
            ReviewDate = k.TryGetValue("review-date", out var rv) ? _r.Date(rv, "'review-date'") : null,
            Source = k.TryGetValue("source", out var s) ? _r.Text(s, "'source'") : null,
        };
    }

    private void ReadRiskLevels(YamlNode node)
    {
        var seq = _r.Sequence(node, "'risk-levels'");
        if (seq is null) return;
        foreach (var item in seq.Children)
        {
            var level = _r.Text(item, "a risk level");
            if (level is null) continue;
            if (_s.RiskLevels.Contains(level)) _r.Error(item, ErrorCodes.DuplicateId, $"risk level '{level}' is listed twice");
            else _s.RiskLevels.Add(level);
        }
        if (seq.Children.Count == 0) _r.Error(seq, ErrorCodes.MissingKey, "'risk-levels' must list at least one level, lowest first");
    }

    private IEnumerable<(string Id, YamlNode Key, YamlNode Value)> Entries(YamlNode node, string what)
    {
        var map = _r.Map(node, what);
        if (map is null) yield break;
        foreach (var (k, v) in map.Children)
        {
            var id = _r.Text(k, $"an id in {what}");
            if (id is null) continue;
            if (!IsKebab(id)) _r.Error(k, ErrorCodes.BadValue, $"'{id}' in {what} must be kebab-case (lower-case words joined by '-')");
            yield return (id, k, v);
        }
    }

    private void ReadRoles(YamlNode node)
    {
        foreach (var (id, _, value) in Entries(node, "'roles'"))
        {
            string? title;
            var resolved = _r.Resolve(value);
            if (resolved is YamlMappingNode m)
            {
                var k = _r.Keys(m, $"role '{id}'", ["title"], ["title"]);
                title = k.TryGetValue("title", out var t) ? _r.Text(t, "'title'") : null;
            }
            else title = _r.Text(value, $"the title of role '{id}'");
            _s.Roles[id] = new RoleDefinition(id, title ?? id);
        }
    }

    private void ReadActivities(YamlNode node)
    {
        foreach (var (id, _, value) in Entries(node, "'activities'"))
        {
            var m = _r.Map(value, $"activity '{id}'");
            if (m is null) continue;
            var k = _r.Keys(m, $"activity '{id}'", ["kind", "title"], ["kind", "title"]);
            var kind = k.TryGetValue("kind", out var kn) ? _r.OneOf(kn, "the activity kind", ["notification", "interview", "meeting", "review", "action"]) : null;
            var title = k.TryGetValue("title", out var t) ? _r.Text(t, "'title'") : null;
            _s.Activities[id] = new ActivityDefinition(id, kind switch
            {
                "notification" => ActivityKind.Notification,
                "interview" => ActivityKind.Interview,
                "meeting" => ActivityKind.Meeting,
                "review" => ActivityKind.Review,
                _ => ActivityKind.Action,
            }, title ?? id);
        }
    }

    private void ReadFlags(YamlNode node)
    {
        foreach (var (id, _, value) in Entries(node, "'flags'"))
            _s.Flags[id] = new FlagDefinition(id, _r.Text(value, $"the description of flag '{id}'") ?? id);
    }

    private sealed record EpisodeRules(List<ClassificationRule> Rules, string Default, List<EventReference> EndsOn, List<string> AppliesTo);

    private EpisodeRules DefaultEpisodes()
    {
        _s.Classifications.Add("missing");
        return new([], "missing", [new EventReference(EventType.Found)], []);
    }

    private EpisodeRules ReadEpisodes(YamlNode node)
    {
        var map = _r.Map(node, "'episodes'");
        if (map is null) return DefaultEpisodes();
        var k = _r.Keys(map, "'episodes'", ["missing-ends-on", "classification", "default-classification", "obligations-apply-to"], ["missing-ends-on"]);
        var endsOn = k.TryGetValue("missing-ends-on", out var eo) ? _s.Events(eo, "'missing-ends-on'") : [];
        var defaultLabel = k.TryGetValue("default-classification", out var d) ? _r.Text(d, "'default-classification'") ?? "missing" : "missing";
        _s.Classifications.Add(defaultLabel);
        var rules = new List<(string Label, YamlMappingNode Map, Dictionary<string, YamlNode> Keys)>();
        if (k.TryGetValue("classification", out var cl) && _r.Sequence(cl, "'classification'") is { } seq)
        {
            foreach (var item in seq.Children)
            {
                var m = _r.Map(item, "a classification rule");
                if (m is null) continue;
                var rk = _r.Keys(m, "a classification rule", ["label", "when", "reason", "citation"], ["label", "when", "reason", "citation"]);
                var label = rk.TryGetValue("label", out var lb) ? _r.Text(lb, "'label'") : null;
                if (label is null) continue;
                if (!_s.Classifications.Contains(label)) _s.Classifications.Add(label);
                rules.Add((label, m, rk));
            }
        }
        var compiled = new List<ClassificationRule>();
        foreach (var (label, _, rk) in rules)
        {
            var when = rk.TryGetValue("when", out var w) ? _conditions.Compile(w) : null;
            var reason = rk.TryGetValue("reason", out var rs) ? _r.Text(rs, "'reason'") : null;
            var citation = rk.TryGetValue("citation", out var ct) ? _r.Text(ct, "'citation'") : null;
            if (when is not null && reason is not null && citation is not null)
                compiled.Add(new ClassificationRule(label, when, reason, citation));
        }
        var appliesTo = new List<string>();
        if (k.TryGetValue("obligations-apply-to", out var at))
            foreach (var (label, n) in _r.TextOrList(at, "'obligations-apply-to'"))
                if (_s.Classification(label, n) is { } l) appliesTo.Add(l);
        return new EpisodeRules(compiled, defaultLabel, endsOn, appliesTo);
    }

    private List<ObligationRule> ReadObligations(YamlNode node, List<string> defaultAppliesTo)
    {
        var result = new List<ObligationRule>();
        var seq = _r.Sequence(node, "'obligations'");
        if (seq is null) return result;
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var item in seq.Children)
        {
            var before = _r.Diagnostics.Count;
            var count = result.Count;
            ReadObligation(item, defaultAppliesTo, seen, result);
            if (result.Count == count && _r.Diagnostics.Count == before)
                _r.Error(item, ErrorCodes.Conflict, "this obligation could not be compiled", "check each of its keys against docs/profile-format.md");
        }
        return result;
    }

    private void ReadObligation(YamlNode item, List<string> defaultAppliesTo, Dictionary<string, YamlNode> seen, List<ObligationRule> result)
    {
        {
            var m = _r.Map(item, "an obligation");
            if (m is null) return;
            var k = _r.Keys(m, Peek(m, "obligation"), ObligationKeys, ["id", "title", "responsible", "trigger", "deadline", "met-by", "citation"]);
            var id = k.TryGetValue("id", out var idNode) ? _r.Text(idNode, "the obligation id") : null;
            var what = id is null ? "an obligation" : $"obligation '{id}'";
            if (id is not null)
            {
                if (!IsKebab(id)) _r.Error(idNode!, ErrorCodes.BadValue, $"the id '{id}' must be kebab-case (lower-case words joined by '-')");
                if (seen.TryGetValue(id, out var first))
                    _r.Error(idNode!, ErrorCodes.DuplicateId, $"obligation id '{id}' is already used at line {first.Start.Line}", "give each obligation its own id");
                else seen[id] = idNode!;
            }
            var title = k.TryGetValue("title", out var t) ? _r.Text(t, "'title'") : null;
            var responsible = k.TryGetValue("responsible", out var resp) ? _s.Role(resp, "'responsible'") : null;
            var nature = k.TryGetValue("nature", out var nat) ? _r.OneOf(nat, "'nature'", ["duty", "consider"]) : "duty";
            var scope = k.TryGetValue("scope", out var sc) ? _r.OneOf(sc, "'scope'", ["episode", "child"]) : "episode";
            var trigger = k.TryGetValue("trigger", out var tr) ? ReadTrigger(tr, what, scope == "child") : null;
            var appliesTo = defaultAppliesTo;
            if (k.TryGetValue("applies-to", out var ap))
            {
                appliesTo = [];
                foreach (var (label, n) in _r.TextOrList(ap, "'applies-to'"))
                    if (_s.Classification(label, n) is { } l) appliesTo.Add(l);
            }
            var when = k.TryGetValue("when", out var w) ? _conditions.Compile(w) : Condition.Always;
            var alternatives = new List<DeadlineAlternative>();
            var deadline = k.TryGetValue("deadline", out var d) ? ReadDeadlines(d, what, alternatives) : null;
            var metBy = k.TryGetValue("met-by", out var mb) ? _s.Events(mb, "'met-by'") : [];
            var metSince = k.TryGetValue("met-since", out var ms) ? _r.OneOf(ms, "'met-since'", ["trigger", "episode-start"]) : "trigger";
            var lapses = k.TryGetValue("lapses-on", out var lo) ? _s.Events(lo, "'lapses-on'") : [];
            var recurs = k.TryGetValue("recurs", out var rc) ? ReadRecurrence(rc, what) : null;
            var citation = k.TryGetValue("citation", out var ct) ? _r.Text(ct, "'citation'") : null;
            var reading = k.TryGetValue("reading", out var rd) ? _r.Text(rd, "'reading'") : null;
            if (scope == "child" && metSince == "episode-start")
                _r.Error(ms!, ErrorCodes.Conflict, $"{what}: 'met-since: episode-start' needs 'scope: episode'");
            if (id is null || title is null || responsible is null || trigger is null || when is null || deadline is null
                || metBy.Count == 0 || citation is null || nature is null || scope is null || metSince is null
                || (k.ContainsKey("recurs") && recurs is null))
                return;
            result.Add(new ObligationRule
            {
                Id = id, Title = title, Responsible = responsible,
                Nature = nature == "consider" ? Nature.Consider : Nature.Duty,
                Scope = scope == "child" ? Scope.Child : Scope.Episode,
                Trigger = trigger, AppliesTo = scope == "child" ? [] : appliesTo, When = when, Deadline = deadline, DeadlineAlternatives = alternatives, MetBy = metBy,
                MetSince = metSince == "episode-start" ? MetSince.EpisodeStart : MetSince.Trigger,
                LapsesOn = lapses, Recurs = recurs, Citation = citation, Reading = reading,
            });
        }
    }

    private Trigger? ReadTrigger(YamlNode node, string what, bool childScope)
    {
        var m = _r.Map(node, $"the trigger of {what}");
        if (m is null) return null;
        var k = _r.Keys(m, $"the trigger of {what}", ["on", "missing-for", "from", "threshold"]);
        if (k.ContainsKey("on") == k.ContainsKey("missing-for"))
        {
            _r.Error(m, k.ContainsKey("on") ? ErrorCodes.Conflict : ErrorCodes.MissingKey,
                $"the trigger of {what} needs exactly one of 'on' (an event) or 'missing-for' (a length of time)");
            return null;
        }
        if (k.TryGetValue("on", out var on))
        {
            foreach (var extra in new[] { "from", "threshold" })
                if (k.ContainsKey(extra)) _r.Error(NodeReader.KeyNode(m, extra), ErrorCodes.Conflict, $"'{extra}' goes with 'missing-for', not with 'on'");
            var e = _s.EventSet(on, "'on'");
            return e is null ? null : new EventTrigger(e);
        }
        if (childScope)
        {
            _r.Error(m, ErrorCodes.Conflict, $"{what} has 'scope: child', so its trigger must be 'on' an event");
            return null;
        }
        var amount = _conditions.ParseAmount(k["missing-for"], "'missing-for'", allowWorking: true);
        if (!k.TryGetValue("from", out var fromNode))
        {
            _r.Error(m, ErrorCodes.MissingKey, $"the trigger of {what} has 'missing-for' but no 'from'", "say which event starts the clock, e.g. from: last-seen");
            return null;
        }
        var from = _s.EventSet(fromNode, "'from'");
        var mode = k.TryGetValue("threshold", out var th) ? _r.OneOf(th, "'threshold'", ["inclusive", "strict"]) : "inclusive";
        if (amount is null || from is null || mode is null) return null;
        return new MissingForTrigger(amount, from, mode == "strict" ? ThresholdMode.Strict : ThresholdMode.Inclusive);
    }

    /// <summary>
    /// A deadline, or a list of alternatives: each but the last with a 'when', the last without (the
    /// default). The first alternative whose condition holds at the trigger applies.
    /// </summary>
    private Deadline? ReadDeadlines(YamlNode node, string what, List<DeadlineAlternative> alternatives)
    {
        if (_r.Resolve(node) is not YamlSequenceNode seq) return ReadDeadline(node, what);
        if (seq.Children.Count < 2)
        {
            _r.Error(seq, ErrorCodes.WrongType, $"a list of deadlines for {what} needs at least two: alternatives with 'when', then a default without");
            return null;
        }
        Deadline? fallback = null;
        var ok = true;
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var item = _r.Map(seq.Children[i], $"a deadline of {what}");
            if (item is null) { ok = false; continue; }
            var last = i == seq.Children.Count - 1;
            var whenKey = item.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: "when" });
            if (last && whenKey is not null)
            {
                _r.Error(whenKey, ErrorCodes.Conflict, $"the last deadline of {what} is the default and takes no 'when'");
                ok = false;
                continue;
            }
            if (!last && whenKey is null)
            {
                _r.Error(item, ErrorCodes.MissingKey, $"every deadline of {what} but the last needs a 'when'");
                ok = false;
                continue;
            }
            var deadline = ReadDeadline(item, what, allowWhen: !last);
            var condition = whenKey is null ? null : _conditions.Compile(item.Children[whenKey]);
            if (deadline is null || (whenKey is not null && condition is null)) { ok = false; continue; }
            if (last) fallback = deadline;
            else alternatives.Add(new DeadlineAlternative(condition!, deadline));
        }
        return ok ? fallback : null;
    }

    private Deadline? ReadDeadline(YamlNode node, string what, bool allowWhen = false)
    {
        var resolved = _r.Resolve(node);
        if (resolved is YamlScalarNode)
        {
            var word = _r.Text(resolved, $"the deadline of {what}");
            if (word is null) return null;
            if (DeadlineWords.Contains(word)) return new Deadline(Kind(word));
            var hint = Amount.TryParse(word, out _, out _) ? $"write it as 'deadline: {{ within: {word} }}'" : Suggest.Hint(word, DeadlineWords.Append("{ within: ... }"), "a deadline");
            _r.Error(resolved, ErrorCodes.BadDuration, $"the deadline of {what} '{word}' is not a deadline", hint);
            return null;
        }
        var m = _r.Map(resolved, $"the deadline of {what}");
        if (m is null) return null;
        var k = _r.Keys(m, $"the deadline of {what}", allowWhen ? ["within", "on", "by", "from", "when"] : ["within", "on", "by", "from"]);
        if (k.ContainsKey("within") == k.ContainsKey("on"))
        {
            _r.Error(m, k.ContainsKey("within") ? ErrorCodes.Conflict : ErrorCodes.MissingKey,
                $"the deadline of {what} needs exactly one of 'within' (a length of time) or 'on' ({string.Join(", ", DeadlineWords)})");
            return null;
        }
        var from = k.TryGetValue("from", out var f) ? _s.EventSet(f, "'from'") : null;
        if (k.ContainsKey("from") && from is null) return null;
        if (k.TryGetValue("within", out var within))
        {
            if (k.ContainsKey("by")) _r.Error(NodeReader.KeyNode(m, "by"), ErrorCodes.Conflict, "'by' (a local time) goes with 'on', not with 'within'");
            var amount = _conditions.ParseAmount(within, "'within'", allowWorking: true);
            return amount is null ? null : new Deadline(DeadlineKind.Within, amount, from);
        }
        var onWord = _r.OneOf(k["on"], "'on'", DeadlineWords);
        var by = k.TryGetValue("by", out var b) ? _r.Time(b, "'by'") : null;
        if (onWord is null || (k.ContainsKey("by") && by is null)) return null;
        if (onWord == "immediately" && by is not null)
        {
            _r.Error(b!, ErrorCodes.Conflict, "'by' cannot go with 'on: immediately'");
            return null;
        }
        return new Deadline(Kind(onWord), null, from, by);
    }

    private static DeadlineKind Kind(string word) => word switch
    {
        "immediately" => DeadlineKind.Immediately,
        "same-day" => DeadlineKind.SameDay,
        "same-working-day" => DeadlineKind.SameWorkingDay,
        _ => DeadlineKind.NextWorkingDay,
    };

    private Recurrence? ReadRecurrence(YamlNode node, string what)
    {
        var m = _r.Map(node, $"'recurs' of {what}");
        if (m is null) return null;
        var k = _r.Keys(m, $"'recurs' of {what}", ["every", "until", "max"], ["every", "until"]);
        var every = k.TryGetValue("every", out var e) ? _conditions.ParseAmount(e, "'every'", allowWorking: false) : null;
        if (every is { Value: 0 }) { _r.Error(e!, ErrorCodes.BadDuration, "'every' must be more than zero"); return null; }
        var until = k.TryGetValue("until", out var u) ? _s.Events(u, "'until'") : [];
        var max = k.TryGetValue("max", out var mx) ? _r.Integer(mx, "'max'", 1, 1000) : 200;
        if (every is null || until.Count == 0 || max is null) return null;
        return new Recurrence(every, until, max.Value);
    }

    private List<Ladder> ReadLadders(YamlNode node)
    {
        var result = new List<Ladder>();
        var seq = _r.Sequence(node, "'ladders'");
        if (seq is null) return result;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in seq.Children)
        {
            var before = _r.Diagnostics.Count;
            var m = _r.Map(item, "a ladder");
            if (m is null) continue;
            var k = _r.Keys(m, Peek(m, "ladder"), ["id", "title", "per", "counts", "where", "dated-by", "window", "rungs", "citation", "reading"], ["id", "title", "counts", "window", "rungs", "citation"]);
            var id = k.TryGetValue("id", out var idNode) ? _r.Text(idNode, "the ladder id") : null;
            if (id is not null && !seen.Add(id)) _r.Error(idNode!, ErrorCodes.DuplicateId, $"ladder id '{id}' is used twice");
            var what = id is null ? "a ladder" : $"ladder '{id}'";
            var title = k.TryGetValue("title", out var t) ? _r.Text(t, "'title'") : null;
            var counts = new List<string>();
            if (k.TryGetValue("counts", out var cn))
                foreach (var (label, n) in _r.TextOrList(cn, "'counts'"))
                    if (_s.Classification(label, n) is { } l) counts.Add(l);
            var per = k.TryGetValue("per", out var pr) ? _r.OneOf(pr, "'per'", ["child", "establishment"]) : "child";
            var datedBy = k.TryGetValue("dated-by", out var db) ? _s.EventSet(db, "'dated-by'") : new EventReference(EventType.LastSeen);
            var where = k.TryGetValue("where", out var wh) ? _conditions.Compile(wh) : Condition.Always;
            var window = k.TryGetValue("window", out var w) ? ReadWindow(w, what) : null;
            var rungs = k.TryGetValue("rungs", out var r) ? ReadRungs(r, what) : null;
            var citation = k.TryGetValue("citation", out var ct) ? _r.Text(ct, "'citation'") : null;
            var reading = k.TryGetValue("reading", out var rd) ? _r.Text(rd, "'reading'") : null;
            if (id is null || title is null || counts.Count == 0 || datedBy is null || where is null || window is null || rungs is null || citation is null || per is null)
            {
                if (_r.Diagnostics.Count == before)
                    _r.Error(item, ErrorCodes.Conflict, $"{what} could not be compiled", "check each of its keys against docs/profile-format.md");
                continue;
            }
            result.Add(new Ladder { Id = id, Title = title, Counts = counts, Where = where, Per = per == "establishment" ? LadderScope.Establishment : LadderScope.Child, DatedBy = datedBy, Window = window, Rungs = rungs, Citation = citation, Reading = reading });
        }
        return result;
    }

    private EpisodeWindow? ReadWindow(YamlNode node, string what)
    {
        var resolved = _r.Resolve(node);
        if (resolved is YamlScalarNode { Value: "whole-history" }) return new EpisodeWindow { Readings = [] };
        var readings = new List<Amount>();
        foreach (var (text, n) in _r.TextOrList(resolved, $"the window of {what}"))
        {
            var amount = _conditions.ParseAmount(n, $"the window of {what}", allowWorking: false);
            if (amount is null) return null;
            if (amount.IsElapsed)
            {
                _r.Error(n, ErrorCodes.BadDuration, $"the window of {what} '{text}' must be in days, weeks or months", "e.g. window: 90 days, or window: [90 days, 3 months] for 'or'");
                return null;
            }
            readings.Add(amount);
        }
        return readings.Count == 0 ? null : new EpisodeWindow { Readings = readings };
    }

    private List<Rung>? ReadRungs(YamlNode node, string what)
    {
        var seq = _r.Sequence(node, $"the rungs of {what}");
        if (seq is null) return null;
        var rungs = new List<Rung>();
        var ok = true;
        Rung? previous = null;
        foreach (var item in seq.Children)
        {
            var m = _r.Map(item, "a rung");
            if (m is null) { ok = false; continue; }
            var k = _r.Keys(m, Peek(m, "rung"), ["id", "title", "episodes", "activity", "chair", "responsible", "nature", "deadline", "citation"],
                ["id", "title", "episodes", "activity", "responsible", "deadline", "citation"]);
            var id = k.TryGetValue("id", out var idNode) ? _r.Text(idNode, "the rung id") : null;
            if (id is not null)
            {
                if (_rungIds.TryGetValue(id, out var first))
                    _r.Error(idNode!, ErrorCodes.DuplicateId, $"rung id '{id}' is already used at line {first.Start.Line}", "give each rung its own id, across all ladders");
                else _rungIds[id] = idNode!;
            }
            var rungWhat = id is null ? "a rung" : $"rung '{id}'";
            var title = k.TryGetValue("title", out var t) ? _r.Text(t, "'title'") : null;
            var range = k.TryGetValue("episodes", out var ep) ? ReadRange(ep) : null;
            var activity = k.TryGetValue("activity", out var a) ? _s.Activity(a, "'activity'") : null;
            var chair = k.TryGetValue("chair", out var c) ? _s.Role(c, "'chair'") : null;
            var responsible = k.TryGetValue("responsible", out var r) ? _s.Role(r, "'responsible'") : null;
            var nature = k.TryGetValue("nature", out var nat) ? _r.OneOf(nat, "'nature'", ["duty", "consider"]) : "duty";
            var deadline = k.TryGetValue("deadline", out var d) ? ReadDeadline(d, rungWhat) : null;
            var citation = k.TryGetValue("citation", out var ct) ? _r.Text(ct, "'citation'") : null;
            if (id is null || title is null || range is null || activity is null || responsible is null || deadline is null || citation is null || nature is null
                || (k.ContainsKey("chair") && chair is null)) { ok = false; continue; }
            var rung = new Rung
            {
                Id = id, Title = title, Min = range.Value.Min, Max = range.Value.Max, Activity = activity, Chair = chair,
                Responsible = responsible, Nature = nature == "consider" ? Nature.Consider : Nature.Duty, Deadline = deadline, Citation = citation,
            };
            if (previous is not null && (rung.Min <= previous.Min || (previous.Max is { } pmax && rung.Min <= pmax)))
            {
                _r.Error(ep!, ErrorCodes.RungOrder, $"rung '{id}' ({rung.Range}) must start above rung '{previous.Id}' ({previous.Range})",
                    "list rungs from the lowest count to the highest, without overlaps");
                ok = false;
            }
            previous = rung;
            rungs.Add(rung);
        }
        if (rungs.Count == 0 && ok) { _r.Error(seq, ErrorCodes.MissingKey, $"{what} has no rungs"); return null; }
        return ok ? rungs : null;
    }

    private (int Min, int? Max)? ReadRange(YamlNode node)
    {
        var text = _r.Text(node, "'episodes'");
        if (text is null) return null;
        var s = text.Replace(" ", "");
        int min, max;
        if (s.EndsWith('+') && int.TryParse(s[..^1], out min) && min > 0) return (min, null);
        var dash = s.IndexOf('-');
        if (dash > 0 && int.TryParse(s[..dash], out min) && int.TryParse(s[(dash + 1)..], out max) && min > 0 && max >= min) return (min, max);
        if (int.TryParse(s, out min) && min > 0) return (min, null);
        _r.Error(_r.Resolve(node), ErrorCodes.BadValue, $"'episodes: {text}' is not a count", "write 3 (3 or more), 4-6 (4 to 6) or 10+ (10 or more)");
        return null;
    }

    private List<NotEncodedItem> ReadNotEncoded(YamlNode node)
    {
        var result = new List<NotEncodedItem>();
        var seq = _r.Sequence(node, "'not-encoded'");
        if (seq is null) return result;
        foreach (var item in seq.Children)
        {
            var m = _r.Map(item, "a not-encoded item");
            if (m is null) continue;
            var k = _r.Keys(m, "a not-encoded item", ["id", "reason", "citation"], ["id", "reason", "citation"]);
            var id = k.TryGetValue("id", out var i) ? _r.Text(i, "'id'") : null;
            var reason = k.TryGetValue("reason", out var r) ? _r.Text(r, "'reason'") : null;
            var citation = k.TryGetValue("citation", out var c) ? _r.Text(c, "'citation'") : null;
            if (id is null || reason is null || citation is null) continue;
            if (_notEncodedNodes.ContainsKey(id)) { _r.Error(i!, ErrorCodes.DuplicateId, $"not-encoded id '{id}' is listed twice"); continue; }
            _notEncodedNodes[id] = i!;
            result.Add(new NotEncodedItem(id, reason, citation));
        }
        return result;
    }

    /// <summary>"obligation 'x'" when the item has a readable id, else "an obligation", for messages about its keys.</summary>
    private static string Peek(YamlMappingNode m, string kind) =>
        m.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "id" }).Value is YamlScalarNode { Value: { Length: > 0 } id }
            ? $"{kind} '{id}'" : $"an {kind}".Replace("an r", "a r").Replace("an l", "a l");

    private static bool IsKebab(string id) =>
        id.Length > 0 && char.IsAsciiLetterLower(id[0]) && id.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-') && !id.EndsWith('-') && !id.Contains("--");
}
