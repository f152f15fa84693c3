using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Core.Time;
using Protocol.Profiles.Yaml;
using YamlDotNet.RepresentationModel;

namespace Protocol.Profiles.Compilation;

/// <summary>Escalation ladders: windows, rungs and how rungs are raised.</summary>
internal sealed partial class ProfileCompiler
{
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
            var k = _r.Keys(m, Peek(m, "ladder"), ["id", "title", "per", "counts", "where", "dated-by", "window", "raised-by", "before-lower-held", "owner", "rungs", "citation", "reading", "catalogue"], ["id", "title", "counts", "window", "rungs", "citation"]);
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
            var ladderOwner = k.TryGetValue("owner", out var lo) ? ReadOwner(lo) : ObligationOwner.Any;
            var rungs = k.TryGetValue("rungs", out var r) ? ReadRungs(r, what, ladderOwner ?? ObligationOwner.Any) : null;
            if (per == "establishment" && (ladderOwner is not ObligationOwner.Any || rungs?.Any(x => x.Owner != ObligationOwner.Any) == true))
                _r.Error(lo ?? NodeReader.KeyNode(m, "per"), ErrorCodes.Conflict, $"{what} counts per establishment, so its rungs cannot be owned by the child's placing or host authority",
                    "remove 'owner:', or count per child");
            var citation = k.TryGetValue("citation", out var ct) ? _r.Text(ct, "'citation'") : null;
            var reading = k.TryGetValue("reading", out var rd) ? _r.Text(rd, "'reading'") : null;
            var raisedBy = k.TryGetValue("raised-by", out var rb) ? _r.OneOf(rb, "'raised-by'", ["entering-rung", "every-episode"]) : "entering-rung";
            var beforeLower = k.TryGetValue("before-lower-held", out var bl) ? _r.OneOf(bl, "'before-lower-held'", ["deadline", "decision"]) : "deadline";
            if (id is null || title is null || counts.Count == 0 || datedBy is null || where is null || window is null || rungs is null || citation is null || per is null
                || raisedBy is null || beforeLower is null || ladderOwner is null)
            {
                if (_r.Diagnostics.Count == before)
                    _r.Error(item, ErrorCodes.Conflict, $"{what} could not be compiled", "check each of its keys against docs/profile-format.md");
                continue;
            }
            result.Add(new Ladder { Id = id, Title = title, Counts = counts, Where = where, Per = per == "establishment" ? LadderScope.Establishment : LadderScope.Child, DatedBy = datedBy, Window = window, Rungs = rungs, Citation = citation, Reading = reading, Catalogue = ReadCatalogue(k),
                RaisedBy = raisedBy == "every-episode" ? RungRaising.EveryEpisode : RungRaising.EnteringRung,
                BeforeLowerHeld = beforeLower == "decision" ? BeforeLowerHeld.Decision : BeforeLowerHeld.OwnDeadline });
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

    private List<Rung>? ReadRungs(YamlNode node, string what, ObligationOwner ladderOwner)
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
            var k = _r.Keys(m, Peek(m, "rung"), ["id", "title", "episodes", "activity", "chair", "responsible", "nature", "owner", "deadline", "citation", "catalogue"],
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
            var owner = k.TryGetValue("owner", out var ow) ? ReadOwner(ow) : ladderOwner;
            if (id is null || title is null || range is null || activity is null || responsible is null || deadline is null || citation is null || nature is null || owner is null
                || (k.ContainsKey("chair") && chair is null)) { ok = false; continue; }
            var rung = new Rung
            {
                Id = id, Title = title, Min = range.Value.Min, Max = range.Value.Max, Activity = activity, Chair = chair,
                Responsible = responsible, Nature = nature == "consider" ? Nature.Consider : Nature.Duty, Deadline = deadline, Citation = citation,
                Owner = owner.Value, Catalogue = ReadCatalogue(k),
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

}
