using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Core.Time;
using Protocol.Profiles.Yaml;
using YamlDotNet.RepresentationModel;

namespace Protocol.Profiles.Compilation;

/// <summary>Obligations: triggers, deadlines, who meets them and how they recur.</summary>
internal sealed partial class ProfileCompiler
{
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
            var metBy = new List<EventReference>();
            var performers = PerformerRule.Anyone;
            if (k.TryGetValue("met-by", out var mb)) ReadMetBy(mb, what, metBy, ref performers);
            var metSince = k.TryGetValue("met-since", out var ms) ? _r.OneOf(ms, "'met-since'", ["trigger", "episode-start"]) : "trigger";
            var lapses = k.TryGetValue("lapses-on", out var lo) ? _s.Events(lo, "'lapses-on'") : [];
            var recurs = k.TryGetValue("recurs", out var rc) ? ReadRecurrence(rc, what) : null;
            var owner = k.TryGetValue("owner", out var ow) ? ReadOwner(ow) : ObligationOwner.Any;
            var recipients = new List<RoleDefinition>();
            if (k.TryGetValue("recipients", out var rcp))
                foreach (var (_, n) in _r.TextOrList(rcp, "'recipients'"))
                {
                    if (_s.Role(n, "a recipient") is not { } role) continue;
                    if (recipients.Contains(role)) _r.Error(_r.Resolve(n), ErrorCodes.DuplicateId, $"recipient '{role.Id}' is listed twice");
                    else recipients.Add(role);
                }
            var shared = k.TryGetValue("shared-across-episodes", out var sh) ? _conditions.ParseAmount(sh, "'shared-across-episodes'", allowWorking: false) : null;
            var standing = k.TryGetValue("standing", out var st) ? ReadStanding(st, what) : null;
            var citation = k.TryGetValue("citation", out var ct) ? _r.Text(ct, "'citation'") : null;
            var reading = k.TryGetValue("reading", out var rd) ? _r.Text(rd, "'reading'") : null;
            if (scope == "child" && metSince == "episode-start")
                _r.Error(ms!, ErrorCodes.Conflict, $"{what}: 'met-since: episode-start' needs 'scope: episode'");
            if (scope == "child" && k.ContainsKey("shared-across-episodes"))
                _r.Error(NodeReader.KeyNode(m, "shared-across-episodes"), ErrorCodes.Conflict, $"{what}: 'shared-across-episodes' needs 'scope: episode'");
            if (recurs is not null && deadline is not null && (!deadline.HasDueInstant || alternatives.Any(a => !a.Deadline.HasDueInstant)))
                _r.Error(NodeReader.KeyNode(m, "recurs"), ErrorCodes.Conflict, $"{what} recurs, so its deadline must give a due time, not 'untimed'", "give the first occurrence a deadline, e.g. { within: 1 day }");
            if (id is null || title is null || responsible is null || trigger is null || when is null || deadline is null
                || metBy.Count == 0 || citation is null || nature is null || scope is null || metSince is null || owner is null
                || (k.ContainsKey("recurs") && recurs is null) || (k.ContainsKey("shared-across-episodes") && shared is null)
                || (k.ContainsKey("standing") && standing is null) || (k.ContainsKey("recipients") && recipients.Count == 0))
                return;
            result.Add(new ObligationRule
            {
                Id = id, Title = title, Responsible = responsible,
                Nature = nature == "consider" ? Nature.Consider : Nature.Duty,
                Scope = scope == "child" ? Scope.Child : Scope.Episode,
                Trigger = trigger, AppliesTo = scope == "child" ? [] : appliesTo, When = when, Deadline = deadline, DeadlineAlternatives = alternatives, MetBy = metBy,
                MetSince = metSince == "episode-start" ? MetSince.EpisodeStart : MetSince.Trigger,
                LapsesOn = lapses, Recurs = recurs, Citation = citation, Reading = reading,
                Owner = owner.Value,
                Recipients = recipients, Performers = performers, SharedAcrossEpisodesWithin = shared, Standing = standing,
                Catalogue = ReadCatalogue(k),
            });
        }
    }

    /// <summary>
    /// <c>met-by</c>: one event or a list; or a mapping <c>{ events: …, by: [roles], not-by: [roles] }</c> when the text
    /// says who must (or must not) have done it.
    /// </summary>
    private void ReadMetBy(YamlNode node, string what, List<EventReference> metBy, ref PerformerRule performers)
    {
        if (_r.Resolve(node) is not YamlMappingNode map)
        {
            metBy.AddRange(_s.Events(node, "'met-by'"));
            return;
        }
        var k = _r.Keys(map, $"'met-by' of {what}", ["events", "by", "not-by"], ["events"]);
        if (k.TryGetValue("events", out var ev)) metBy.AddRange(_s.Events(ev, "'events'"));
        var required = k.TryGetValue("by", out var by) ? Roles(by, "'by'") : [];
        var excluded = k.TryGetValue("not-by", out var nb) ? Roles(nb, "'not-by'") : [];
        if (!k.ContainsKey("by") && !k.ContainsKey("not-by"))
            _r.Error(map, ErrorCodes.MissingKey, $"'met-by' of {what} as a mapping needs 'by' or 'not-by'", "write the events alone, met-by: [ ... ], when anyone may do it");
        foreach (var role in required.Intersect(excluded))
            _r.Error(NodeReader.KeyNode(map, "not-by"), ErrorCodes.Conflict, $"role '{role}' is both required ('by') and excluded ('not-by')");
        performers = new PerformerRule(required, excluded);
    }

    private List<string> Roles(YamlNode node, string what)
    {
        var result = new List<string>();
        foreach (var (_, n) in _r.TextOrList(node, what))
            if (_s.Role(n, what) is { } role) result.Add(role.Id);
        return result;
    }

    /// <summary><c>standing: { by: [events], lasts: 12 months, ended-by: [events] }</c>.</summary>
    private StandingArrangement? ReadStanding(YamlNode node, string what)
    {
        var m = _r.Map(node, $"'standing' of {what}");
        if (m is null) return null;
        var k = _r.Keys(m, $"'standing' of {what}", ["by", "lasts", "ended-by"], ["by"]);
        var before = _r.Diagnostics.Count;
        var by = k.TryGetValue("by", out var b) ? _s.Events(b, "'by'") : [];
        var lasts = k.TryGetValue("lasts", out var l) ? _conditions.ParseAmount(l, "'lasts'", allowWorking: true) : null;
        var ended = k.TryGetValue("ended-by", out var e) ? _s.Events(e, "'ended-by'") : [];
        if (by.Count == 0 || _r.Diagnostics.Count > before) return null;
        return new StandingArrangement(by, lasts, ended);
    }

    private Trigger? ReadTrigger(YamlNode node, string what, bool childScope)
    {
        var m = _r.Map(node, $"the trigger of {what}");
        if (m is null) return null;
        var k = _r.Keys(m, $"the trigger of {what}", ["on", "missing-for", "from", "threshold", "flag-identified", "change", "to"]);
        var kinds = new[] { "on", "missing-for", "flag-identified", "change" }.Count(k.ContainsKey);
        if (kinds != 1)
        {
            _r.Error(m, kinds > 1 ? ErrorCodes.Conflict : ErrorCodes.MissingKey,
                $"the trigger of {what} needs exactly one of 'on' (an event), 'missing-for' (a length of time), 'flag-identified' (a flag) or 'change' (a fact about the child)");
            return null;
        }
        if (k.ContainsKey("flag-identified") || k.ContainsKey("change")) return ReadChangeTrigger(m, k, what, childScope);
        if (k.ContainsKey("to"))
            _r.Error(NodeReader.KeyNode(m, "to"), ErrorCodes.Conflict, "'to' goes with 'change: care-status'");
        if (k.TryGetValue("on", out var on))
        {
            foreach (var extra in new[] { "from", "threshold" })
                if (k.ContainsKey(extra)) _r.Error(NodeReader.KeyNode(m, extra), ErrorCodes.Conflict, $"'{extra}' goes with 'missing-for', not with 'on'");
            var e = _s.EventSet(on, "'on'");
            if (e is { Mode: EventSetMode.LastOf } && childScope)
            {
                _r.Error(_r.Resolve(on), ErrorCodes.Conflict, $"{what} has 'scope: child', which is triggered by each record of an event: 'last-of' needs 'scope: episode'");
                return null;
            }
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
    /// <c>{ flag-identified: x }</c> or <c>{ change: care-status | placement | responsible-authority | host-authority, to: looked-after }</c>:
    /// raised at each dated change of a fact about the child, so only in child scope.
    /// </summary>
    private Trigger? ReadChangeTrigger(YamlMappingNode m, Dictionary<string, YamlNode> k, string what, bool childScope)
    {
        foreach (var extra in new[] { "from", "threshold" })
            if (k.ContainsKey(extra)) _r.Error(NodeReader.KeyNode(m, extra), ErrorCodes.Conflict, $"'{extra}' goes with 'missing-for'");
        if (!childScope)
        {
            _r.Error(m, ErrorCodes.Conflict, $"{what} is triggered by a change of a fact about the child, which is not part of one episode: it needs 'scope: child'");
            return null;
        }
        if (k.TryGetValue("flag-identified", out var fl))
        {
            if (k.ContainsKey("to")) _r.Error(NodeReader.KeyNode(m, "to"), ErrorCodes.Conflict, "'to' goes with 'change: care-status'");
            var id = _r.Text(fl, "'flag-identified'");
            var flag = id is null ? null : _s.Flag(id, _r.Resolve(fl));
            return flag is null ? null : new ChangeTrigger(ChangeKind.FlagIdentified, Flag: flag);
        }
        var kind = _r.OneOf(k["change"], "'change'", ["care-status", "placement", "responsible-authority", "host-authority"]);
        if (kind is null) return null;
        CareStatus? to = null;
        if (k.TryGetValue("to", out var toNode))
        {
            if (kind != "care-status")
            {
                _r.Error(NodeReader.KeyNode(m, "to"), ErrorCodes.Conflict, "'to' goes with 'change: care-status'");
                return null;
            }
            var status = _r.OneOf(toNode, "'to'", ["living-at-home", "looked-after", "care-leaver"]);
            if (status is null) return null;
            to = status switch { "looked-after" => CareStatus.LookedAfter, "care-leaver" => CareStatus.CareLeaver, _ => CareStatus.LivingAtHome };
        }
        return new ChangeTrigger(kind switch
        {
            "care-status" => ChangeKind.CareStatus,
            "placement" => ChangeKind.Placement,
            "responsible-authority" => ChangeKind.ResponsibleAuthority,
            _ => ChangeKind.HostAuthority,
        }, To: to);
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
            if (DeadlineWords.Contains(word)) return WithGrace(new Deadline(Kind(word)), resolved, null);
            var hint = Amount.TryParse(word, out _, out _) ? $"write it as 'deadline: {{ within: {word} }}'" : Suggest.Hint(word, DeadlineWords.Append("{ within: ... }"), "a deadline");
            _r.Error(resolved, ErrorCodes.BadDuration, $"the deadline of {what} '{word}' is not a deadline", hint);
            return null;
        }
        var m = _r.Map(resolved, $"the deadline of {what}");
        if (m is null) return null;
        var k = _r.Keys(m, $"the deadline of {what}", allowWhen ? ["within", "on", "by", "from", "if-not-recorded", "grace", "when"] : ["within", "on", "by", "from", "if-not-recorded", "grace"]);
        if (k.ContainsKey("within") == k.ContainsKey("on"))
        {
            _r.Error(m, k.ContainsKey("within") ? ErrorCodes.Conflict : ErrorCodes.MissingKey,
                $"the deadline of {what} needs exactly one of 'within' (a length of time) or 'on' ({string.Join(", ", DeadlineWords)})");
            return null;
        }
        var from = k.TryGetValue("from", out var f) ? _s.EventSet(f, "'from'") : null;
        if (k.ContainsKey("from") && from is null) return null;
        var fallback = false;
        if (k.TryGetValue("if-not-recorded", out var inr))
        {
            var word = _r.OneOf(inr, "'if-not-recorded'", ["wait", "trigger"]);
            if (word is null) return null;
            if (from is null)
            {
                _r.Error(NodeReader.KeyNode(m, "if-not-recorded"), ErrorCodes.Conflict, "'if-not-recorded' goes with 'from' (what to do while that event is not recorded)");
                return null;
            }
            fallback = word == "trigger";
            if (!fallback && from.BeginsAbsence)
            {
                _r.Error(_r.Resolve(inr), ErrorCodes.Conflict, $"'if-not-recorded: wait' cannot go with 'from: {from}': the absence began even if that was not recorded, so the clock falls back to the trigger",
                    "remove 'if-not-recorded'");
                return null;
            }
        }
        if (k.TryGetValue("within", out var within))
        {
            if (k.ContainsKey("by")) _r.Error(NodeReader.KeyNode(m, "by"), ErrorCodes.Conflict, "'by' (a local time) goes with 'on', not with 'within'");
            if (k.TryGetValue("grace", out var wg)) _r.Error(NodeReader.KeyNode(m, "grace"), ErrorCodes.Conflict, "'grace' goes with 'on: immediately', not with 'within'");
            var amount = _conditions.ParseAmount(within, "'within'", allowWorking: true);
            return amount is null || wg is not null ? null : new Deadline(DeadlineKind.Within, amount, from) { FromTriggerIfNotRecorded = fallback };
        }
        var onWord = _r.OneOf(k["on"], "'on'", DeadlineWords);
        var by = k.TryGetValue("by", out var b) ? _r.Time(b, "'by'") : null;
        if (onWord is null || (k.ContainsKey("by") && by is null)) return null;
        if (onWord is "immediately" or "at-trigger" or "untimed" && by is not null)
        {
            _r.Error(b!, ErrorCodes.Conflict, $"'by' cannot go with 'on: {onWord}'");
            return null;
        }
        if (onWord == "untimed" && from is not null)
        {
            _r.Error(NodeReader.KeyNode(m, "from"), ErrorCodes.Conflict, "an untimed duty has no deadline to count 'from' an event");
            return null;
        }
        k.TryGetValue("grace", out var grace);
        if (grace is not null && onWord != "immediately")
        {
            _r.Error(NodeReader.KeyNode(m, "grace"), ErrorCodes.Conflict, $"'grace' goes with 'on: immediately', not with 'on: {onWord}'");
            return null;
        }
        return WithGrace(new Deadline(Kind(onWord), null, from, by) { FromTriggerIfNotRecorded = fallback }, k["on"], grace);
    }

    /// <summary>
    /// Gives an "immediately" deadline its grace: its own <c>grace:</c> if it has one, else the profile's
    /// <c>immediately-grace</c> setting, which a profile that writes "immediately" must state.
    /// </summary>
    private Deadline? WithGrace(Deadline deadline, YamlNode at, YamlNode? grace)
    {
        if (deadline.Kind != DeadlineKind.Immediately) return deadline;
        if (grace is not null)
        {
            var own = ReadGrace(grace, "'grace'");
            return own is null ? null : deadline with { Grace = own.Value.Amount };
        }
        if (_immediateGraceStated) return deadline with { Grace = _immediateGrace };
        if (!_missingGraceReported)
        {
            _missingGraceReported = true;
            _r.Error(_r.Resolve(at), ErrorCodes.MissingKey, "the profile uses 'immediately' but does not say when such a duty becomes late",
                "add the setting 'immediately-grace' (value: a length such as 1h, or 'never' with the reason), with its reading and citation");
        }
        return deadline;
    }

    /// <summary>A grace: <c>never</c>, or a length of time (working days allowed).</summary>
    private (Amount? Amount, bool Ok)? ReadGrace(YamlNode node, string what)
    {
        var text = _r.Text(node, what);
        if (text is null) return null;
        if (text == "never") return (null, true);
        var amount = _conditions.ParseAmount(node, what, allowWorking: true);
        return amount is null ? null : (amount, true);
    }

    private static DeadlineKind Kind(string word) => word switch
    {
        "immediately" => DeadlineKind.Immediately,
        "at-trigger" => DeadlineKind.AtTrigger,
        "same-day" => DeadlineKind.SameDay,
        "same-working-day" => DeadlineKind.SameWorkingDay,
        "untimed" => DeadlineKind.Untimed,
        _ => DeadlineKind.NextWorkingDay,
    };

    /// <summary>
    /// <c>recurs: { every: 1 day, until: [...], max: 30 }</c>, with <c>from: last-held</c> to count each next due time
    /// from the record that met the previous one, and <c>changed-by: frequency-agreed:x</c> for an agreed interval; or
    /// <c>recurs: { each: calendar-day, until: [...] }</c>.
    /// </summary>
    private Recurrence? ReadRecurrence(YamlNode node, string what)
    {
        var m = _r.Map(node, $"'recurs' of {what}");
        if (m is null) return null;
        var k = _r.Keys(m, $"'recurs' of {what}", ["every", "each", "from", "until", "max", "changed-by"], ["until"]);
        if (k.ContainsKey("every") == k.ContainsKey("each"))
        {
            _r.Error(m, k.ContainsKey("every") ? ErrorCodes.Conflict : ErrorCodes.MissingKey, $"'recurs' of {what} needs exactly one of 'every' (a length of time) or 'each: calendar-day'");
            return null;
        }
        Amount? every;
        var anchor = RecurrenceAnchor.Schedule;
        if (k.TryGetValue("each", out var each))
        {
            if (_r.OneOf(each, "'each'", ["calendar-day"]) is null) return null;
            foreach (var extra in new[] { "from", "changed-by" })
                if (k.ContainsKey(extra)) _r.Error(NodeReader.KeyNode(m, extra), ErrorCodes.Conflict, $"'{extra}' goes with 'every', not with 'each: calendar-day'");
            every = new Amount(1, TimeUnit.Days);
            anchor = RecurrenceAnchor.CalendarDay;
        }
        else
        {
            every = _conditions.ParseAmount(k["every"], "'every'", allowWorking: false);
            if (every is { Value: 0 }) { _r.Error(_r.Resolve(k["every"]), ErrorCodes.BadDuration, "'every' must be more than zero"); return null; }
            if (k.TryGetValue("from", out var f))
            {
                var fromWord = _r.OneOf(f, "'from'", ["schedule", "last-held"]);
                if (fromWord is null) return null;
                if (fromWord == "last-held") anchor = RecurrenceAnchor.LastHeld;
            }
        }
        EventReference? changedBy = null;
        if (k.TryGetValue("changed-by", out var cb))
        {
            changedBy = _s.Event(cb, "'changed-by'");
            if (changedBy is null) return null;
            if (changedBy.Type != EventType.FrequencyAgreed)
            {
                _r.Error(_r.Resolve(cb), ErrorCodes.BadValue, $"'changed-by' must be a frequency-agreed record (it carries the agreed interval), not {changedBy.Type.Name()}", "e.g. changed-by: frequency-agreed:missing-review");
                return null;
            }
        }
        var until = k.TryGetValue("until", out var u) ? _s.Events(u, "'until'") : [];
        var max = k.TryGetValue("max", out var mx) ? _r.Integer(mx, "'max'", 1, 1000) : 200;
        if (every is null || until.Count == 0 || max is null) return null;
        return new Recurrence(every, until, max.Value) { Anchor = anchor, ChangedBy = changedBy };
    }

}
