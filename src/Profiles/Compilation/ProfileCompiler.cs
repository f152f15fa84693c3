using NodaTime;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Core.Time;
using Protocol.Profiles.Yaml;
using YamlDotNet.RepresentationModel;

namespace Protocol.Profiles.Compilation;

/// <summary>Reads, checks and compiles a profile's YAML tree in one pass, collecting every problem.</summary>
internal sealed partial class ProfileCompiler
{
    private static readonly string[] TopKeys =
        ["profile", "calendar", "risk-levels", "settings", "roles", "activities", "flags", "episodes", "obligations", "ladders", "not-encoded"];
    private static readonly string[] ObligationKeys =
        ["id", "title", "responsible", "nature", "scope", "owner", "trigger", "applies-to", "when", "deadline", "recipients", "met-by", "met-since", "shared-across-episodes", "standing", "lapses-on", "recurs", "citation", "reading", "catalogue"];
    private static readonly string[] DeadlineWords = ["immediately", "at-trigger", "same-day", "same-working-day", "next-working-day", "untimed"];
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];

    /// <summary>The setting that says when an "immediately" duty becomes late (a length, or 'never').</summary>
    public const string ImmediateGraceSetting = "immediately-grace";

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
        var officeHours = top.TryGetValue("calendar", out var c) ? ReadCalendar(c) : null;
        _conditions.OfficeHoursDeclared = officeHours is not null;
        var grace = ReadImmediateGrace();
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
            _s.Flags.Values.ToList(), _settings, episodes.Rules, episodes.Default, episodes.EndsOn, obligations, ladders, notEncoded)
        {
            OfficeHours = officeHours,
            ImmediateGrace = grace,
        };
    }

    private Amount? _immediateGrace;
    private bool _immediateGraceStated;
    private bool _missingGraceReported;

    /// <summary>The <c>immediately-grace</c> setting, if the profile states it: a length of time, or <c>never</c>.</summary>
    private SettingDefinition? ReadImmediateGrace()
    {
        if (!_settingValues.TryGetValue(ImmediateGraceSetting, out var value)) return null;
        _r.UsedSettings.Add(ImmediateGraceSetting);
        var setting = _settings.First(x => x.Name == ImmediateGraceSetting);
        var grace = ReadGrace(value, $"setting '{ImmediateGraceSetting}'");
        if (grace is null) return null;
        (_immediateGrace, _immediateGraceStated) = (grace.Value.Amount, true);
        return setting;
    }

    /// <summary>
    /// <c>calendar: england-and-wales</c>, or a mapping with the calendar's <c>id</c> and the service's
    /// <c>office-hours: { start: "09:00", end: "17:00", friday: { start: "09:00", end: "16:30" } }</c>.
    /// </summary>
    private OfficeHours? ReadCalendar(YamlNode node)
    {
        var resolved = _r.Resolve(node);
        if (resolved is not YamlMappingNode map)
        {
            _r.OneOf(node, "calendar", ["england-and-wales"]);
            return null;
        }
        var k = _r.Keys(map, "'calendar'", ["id", "office-hours"], ["id"]);
        if (k.TryGetValue("id", out var id)) _r.OneOf(id, "the calendar id", ["england-and-wales"]);
        if (!k.TryGetValue("office-hours", out var oh)) return null;
        var hours = _r.Map(oh, "'office-hours'");
        if (hours is null) return null;
        var hk = _r.Keys(hours, "'office-hours'", ["start", "end", .. Weekdays], ["start", "end"]);
        var (start, end) = ReadHours(hours, hk, "'office-hours'");
        var byDay = new Dictionary<IsoDayOfWeek, (LocalTime, LocalTime)>();
        var ok = start is not null && end is not null;
        for (var i = 0; i < Weekdays.Length; i++)
        {
            if (!hk.TryGetValue(Weekdays[i], out var dayNode)) continue;
            var day = _r.Map(dayNode, $"the office hours on {Weekdays[i]}");
            if (day is null) { ok = false; continue; }
            var dk = _r.Keys(day, $"the office hours on {Weekdays[i]}", ["start", "end"], ["start", "end"]);
            var (ds, de) = ReadHours(day, dk, $"the office hours on {Weekdays[i]}");
            if (ds is null || de is null) { ok = false; continue; }
            byDay[(IsoDayOfWeek)(i + 1)] = (ds.Value, de.Value);
        }
        return ok ? new OfficeHours(start!.Value, end!.Value, byDay) : null;
    }

    private (LocalTime? Start, LocalTime? End) ReadHours(YamlMappingNode map, Dictionary<string, YamlNode> k, string what)
    {
        var start = k.TryGetValue("start", out var s) ? _r.Time(s, "'start'") : null;
        var end = k.TryGetValue("end", out var e) ? _r.Time(e, "'end'") : null;
        if (start is { } a && end is { } b && b <= a)
        {
            _r.Error(_r.Resolve(e!), ErrorCodes.BadValue, $"{what}: 'end' must be after 'start' (office hours do not cross midnight)");
            return (null, null);
        }
        return (start, end);
    }

    private List<SettingDefinition> _settings = [];
    private readonly Dictionary<string, YamlNode> _settingValues = new(StringComparer.Ordinal);
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
            var keys = _r.Keys(entry, $"setting '{name}'", ["value", "reading", "citation", "informational", "catalogue"], ["value", "reading", "citation"]);
            if (keys.TryGetValue("informational", out var info) && _r.Boolean(info, "'informational'") == true) _informationalSettings.Add(name);
            if (!keys.TryGetValue("value", out var value)) continue;
            values[name] = value;
            _settingValues[name] = value;
            _settingNodes[name] = k;
            var reading = keys.TryGetValue("reading", out var rd) ? _r.Text(rd, "'reading'") ?? "" : "";
            var citation = keys.TryGetValue("citation", out var ct) ? _r.Text(ct, "'citation'") ?? "" : "";
            settings.Add(new SettingDefinition(name, Flatten(value), reading, citation) { Catalogue = ReadCatalogue(keys) });
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
                var rk = _r.Keys(m, "a classification rule", ["label", "when", "reason", "citation", "catalogue"], ["label", "when", "reason", "citation"]);
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
                compiled.Add(new ClassificationRule(label, when, reason, citation) { Catalogue = ReadCatalogue(rk) });
        }
        var appliesTo = new List<string>();
        if (k.TryGetValue("obligations-apply-to", out var at))
            foreach (var (label, n) in _r.TextOrList(at, "'obligations-apply-to'"))
                if (_s.Classification(label, n) is { } l) appliesTo.Add(l);
        return new EpisodeRules(compiled, defaultLabel, endsOn, appliesTo);
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
            var k = _r.Keys(m, "a not-encoded item", ["id", "reason", "citation", "catalogue"], ["id", "reason", "citation"]);
            var id = k.TryGetValue("id", out var i) ? _r.Text(i, "'id'") : null;
            var reason = k.TryGetValue("reason", out var r) ? _r.Text(r, "'reason'") : null;
            var citation = k.TryGetValue("citation", out var c) ? _r.Text(c, "'citation'") : null;
            if (id is null || reason is null || citation is null) continue;
            if (_notEncodedNodes.ContainsKey(id)) { _r.Error(i!, ErrorCodes.DuplicateId, $"not-encoded id '{id}' is listed twice"); continue; }
            _notEncodedNodes[id] = i!;
            result.Add(new NotEncodedItem(id, reason, citation) { Catalogue = ReadCatalogue(k) });
        }
        return result;
    }

    /// <summary>"obligation 'x'" when the item has a readable id, else "an obligation", for messages about its keys.</summary>
    private static string Peek(YamlMappingNode m, string kind) =>
        m.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "id" }).Value is YamlScalarNode { Value: { Length: > 0 } id }
            ? $"{kind} '{id}'" : $"an {kind}".Replace("an r", "a r").Replace("an l", "a l");

    /// <summary>
    /// The optional <c>catalogue:</c> key: the id (or list of ids) of the catalogue items
    /// (<c>shared/protocols/&lt;authority&gt;.md</c>, sections 4 to 7) that an entry encodes or accounts for.
    /// Each id is kebab-case and named once per entry.
    /// </summary>
    private IReadOnlyList<string> ReadCatalogue(Dictionary<string, YamlNode> keys)
    {
        if (!keys.TryGetValue("catalogue", out var node)) return [];
        var ids = new List<string>();
        foreach (var (id, n) in _r.TextOrList(node, "'catalogue'"))
        {
            if (!IsKebab(id)) _r.Error(_r.Resolve(n), ErrorCodes.BadValue, $"the catalogue item '{id}' must be a kebab-case id", "name the item as the catalogue's first column does, e.g. catalogue: rhi-offer");
            else if (ids.Contains(id)) _r.Error(_r.Resolve(n), ErrorCodes.DuplicateId, $"catalogue item '{id}' is listed twice");
            else ids.Add(id);
        }
        return ids;
    }

    /// <summary><c>owner:</c> on an obligation, a ladder or a rung: any | responsible-authority | host-authority.</summary>
    private ObligationOwner? ReadOwner(YamlNode node) => _r.OneOf(node, "'owner'", ["any", "responsible-authority", "host-authority"]) switch
    {
        "responsible-authority" => ObligationOwner.ResponsibleAuthority,
        "host-authority" => ObligationOwner.HostAuthority,
        "any" => ObligationOwner.Any,
        _ => null,
    };

    private static bool IsKebab(string id) =>
        id.Length > 0 && char.IsAsciiLetterLower(id[0]) && id.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-') && !id.EndsWith('-') && !id.Contains("--");
}
