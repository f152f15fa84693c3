using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Core.Text;

namespace Protocol.Core.Cases;

/// <summary>
/// Reads the case format (docs/case-format.md) from JSON, reporting every problem with the field's
/// path. Keys are camelCase; kebab-case spellings are accepted. Unknown fields are errors, so nothing
/// a consumer sends is silently ignored. Problems come in two rounds: first every structural problem
/// (syntax, types, required fields, instants); once the structure is sound, every problem of meaning
/// found by <see cref="CaseValidator"/> (vocabulary, order of events, overlapping episodes, dates).
/// Messages name positions, never values from the case (docs/case-format.md, "Privacy").
/// </summary>
public static class CaseReader
{
    private static readonly OffsetDateTimePattern[] InstantPatterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    private static readonly string[] ChildFields = ["id", "dateOfBirth", "careStatus", "responsibleAuthority", "hostAuthority", "placement", "flags", "changes"];
    private static readonly string[] EventFields = ["type", "at", "level", "category", "activity", "recipient", "by", "every"];
    private static readonly string[] FlagFields = ["flag", "from", "to"];
    private static readonly string[] ChangeFields = ["from", "careStatus", "responsibleAuthority", "hostAuthority", "placement"];
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>Maximum size of a case file, in characters.</summary>
    public const int MaxLength = 16 * 1024 * 1024;

    /// <summary>
    /// Reads a case from JSON text and validates it (<see cref="CaseValidator"/>). With a profile, flags, risk
    /// levels and activities must also be ones the profile declares; with the evaluation instant
    /// <paramref name="at"/>, the date of birth must not be after it; with the current time
    /// <paramref name="now"/>, no record may be dated after it.
    /// </summary>
    public static CaseReadResult Read(string json, CompiledProfile? profile = null, Instant? at = null, Instant? now = null, RecordsAfterAt recordsAfterAt = RecordsAfterAt.Ignored)
    {
        var node = Parse(json, out var error);
        return error is not null ? new CaseReadResult(null, [error]) : Read(node, profile, at, now, recordsAfterAt);
    }

    /// <summary>Reads a caseload from JSON text (see <see cref="ReadCaseload(JsonNode?, CompiledProfile?, Instant?, Instant?, RecordsAfterAt)"/>).</summary>
    public static CaseloadReadResult ReadCaseload(string json, CompiledProfile? profile = null, Instant? at = null, Instant? now = null, RecordsAfterAt recordsAfterAt = RecordsAfterAt.Ignored)
    {
        var node = Parse(json, out var error);
        return error is not null ? new CaseloadReadResult(null, [error]) : ReadCaseload(node, profile, at, now, recordsAfterAt);
    }

    private static JsonNode? Parse(string json, out CaseError? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        error = null;
        if (json.Length > MaxLength) { error = new CaseError("$", $"the case is larger than {MaxLength / (1024 * 1024)} MB"); return null; }
        if (string.IsNullOrWhiteSpace(json)) { error = new CaseError("$", "the case is empty: expected a JSON object with 'child' and 'episodes'"); return null; }
        try
        {
            // Duplicate keys are rejected while parsing: the message must not carry the key, which is input.
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var what = e.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase) ? "a field is given twice in one object" : "not valid JSON";
            error = new CaseError("$", $"{what} (line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1})");
            return null;
        }
    }

    /// <summary>
    /// Reads a caseload: <c>{ "children": [ case, … ], "establishments": [ { "id": …, "records": [ … ] } ] }</c>.
    /// Errors are prefixed with the child's position, e.g. <c>children[2].episodes[0].id</c>.
    /// </summary>
    public static CaseloadReadResult ReadCaseload(JsonNode? node, CompiledProfile? profile = null, Instant? at = null, Instant? now = null, RecordsAfterAt recordsAfterAt = RecordsAfterAt.Ignored)
    {
        var errors = new List<CaseError>();
        var root = node as JsonObject;
        if (root is null) return new CaseloadReadResult(null, [new CaseError("$", "expected a JSON object with 'children'")]);
        var fields = Fields(root, "$", ["children", "establishments"], errors, "");
        var children = new List<ChildCase>();
        var array = fields.GetValueOrDefault("children") as JsonArray;
        if (array is null) errors.Add(new CaseError("children", "required: a list of cases"));
        else
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < array.Count; i++)
            {
                var one = Read(array[i], profile, at, now, recordsAfterAt);
                errors.AddRange(one.Errors.Select(e => e with { Path = $"children[{i}]" + (e.Path == "$" ? "" : "." + e.Path) }));
                if (one.Case is null) continue;
                if (ids.TryGetValue(one.Case.Child.Id, out var earlier)) errors.Add(new CaseError($"children[{i}].child.id", $"the same id as children[{earlier}]: child ids must be unique"));
                else ids[one.Case.Child.Id] = i;
                children.Add(one.Case);
            }
        }
        var records = new Dictionary<string, ImmutableArray<EpisodeEvent>>(StringComparer.Ordinal);
        var firstPath = new Dictionary<string, string>(StringComparer.Ordinal);
        var est = fields.GetValueOrDefault("establishments");
        if (est is not null)
        {
            var estArray = est as JsonArray;
            if (estArray is null) errors.Add(new CaseError("establishments", "expected a list"));
            else
                for (var i = 0; i < estArray.Count; i++)
                {
                    var path = $"establishments[{i}]";
                    var o = estArray[i] as JsonObject;
                    if (o is null) { errors.Add(new CaseError(path, "expected an object with 'id' and 'records'")); continue; }
                    var f = Fields(o, path, ["id", "records"], errors, path + ".");
                    var id = Text(f, "id", path + ".id", errors, required: true);
                    var before = errors.Count;
                    var local = new CaseSource();
                    var events = ReadEvents(f.GetValueOrDefault("records"), path + ".records", errors, required: false, local);
                    foreach (var e in events.Where(e => !e.Type.IsActivityRecord()))
                        errors.Add(new CaseError(local.Events[e].Path + ".type", $"{e.Type.Name()} belongs on an episode's timeline; establishment records are activity records only"));
                    if (errors.Count == before) CaseValidator.CheckRecords(events, e => local.Events[e].Path, profile, now, recordsAfterAt == RecordsAfterAt.Errors ? at : null, errors);
                    if (id is null) continue;
                    if (firstPath.TryGetValue(id, out var earlier)) { errors.Add(new CaseError(path + ".id", $"the same id as {earlier}: establishment ids must be unique")); continue; }
                    firstPath[id] = path;
                    records[id] = events.OrderBy(e => e.At).ToImmutableArray();
                }
        }
        return errors.Count > 0 ? new CaseloadReadResult(null, errors) : new CaseloadReadResult(new Caseload(children, records), errors);
    }

    /// <summary>
    /// Reads a case from a JSON node tree (also used for YAML test cases converted to JSON) and validates it;
    /// see <see cref="Read(string, CompiledProfile?, Instant?, Instant?, RecordsAfterAt)"/>.
    /// </summary>
    public static CaseReadResult Read(JsonNode? node, CompiledProfile? profile = null, Instant? at = null, Instant? now = null, RecordsAfterAt recordsAfterAt = RecordsAfterAt.Ignored)
    {
        var errors = new List<CaseError>();
        var source = new CaseSource();
        var root = node as JsonObject;
        if (root is null)
            return Fail("$", "expected a JSON object with 'child' and 'episodes'");
        var fields = Fields(root, "$", ["child", "episodes", "records"], errors, "");
        Child? child = null;
        if (!fields.TryGetValue("child", out var childNode) || childNode is null) errors.Add(new CaseError("child", "required"));
        else child = ReadChild(childNode, errors, source, profile?.Calendar.Zone ?? London);

        var episodes = new List<Episode>();
        var episodesNode = fields.GetValueOrDefault("episodes");
        var episodeArray = episodesNode as JsonArray;
        if (episodesNode is null) errors.Add(new CaseError("episodes", "required (use [] for a child with no episodes)"));
        else if (episodeArray is null) errors.Add(new CaseError("episodes", "expected a list"));
        else
        {
            for (var i = 0; i < episodeArray.Count; i++)
            {
                var path = $"episodes[{i}]";
                var episodeObject = episodeArray[i] as JsonObject;
                if (episodeObject is null) { errors.Add(new CaseError(path, "expected an object with 'id' and 'events'")); continue; }
                var ef = Fields(episodeObject, path, ["id", "placement", "events"], errors, path + ".");
                var id = Text(ef, "id", path + ".id", errors, required: true);
                var events = ReadEvents(ef.GetValueOrDefault("events"), path + ".events", errors, required: true, source);
                var placement = Text(ef, "placement", path + ".placement", errors, required: false);
                if (id is null) continue;
                var episode = new Episode(id, events, placement);
                source.Episodes[episode] = i;
                episodes.Add(episode);
            }
        }
        var recordsNode = fields.GetValueOrDefault("records");
        var records = recordsNode is not null
            ? ReadEvents(recordsNode, "records", errors, required: false, source)
            : [];
        for (var i = 0; i < records.Count; i++)
            if (!records[i].Type.IsActivityRecord())
            {
                var known = source.Events.TryGetValue(records[i], out var origin);
                errors.Add(new CaseError((known ? origin.Path : $"records[{i}]") + ".type", $"{records[i].Type.Name()} belongs on an episode's timeline; child-level records are activity records only"));
            }
        if (errors.Count > 0 || child is null) return new CaseReadResult(null, errors);
        var childCase = new ChildCase(child, episodes, records) { Source = source };
        var problems = CaseValidator.Validate(childCase, at, profile, now, recordsAfterAt);
        return problems.Count > 0 ? new CaseReadResult(null, problems) : new CaseReadResult(childCase, []);
    }

    private static Child? ReadChild(JsonNode node, List<CaseError> errors, CaseSource source, DateTimeZone zone)
    {
        var obj = node as JsonObject;
        if (obj is null) { errors.Add(new CaseError("child", "expected an object")); return null; }
        var f = Fields(obj, "child", ChildFields, errors, "child.");
        var id = Text(f, "id", "child.id", errors, required: true);
        LocalDate? dob = null;
        var dobText = Text(f, "dateOfBirth", "child.dateOfBirth", errors, required: false);
        if (dobText is not null)
        {
            var parsed = LocalDatePattern.Iso.Parse(dobText);
            if (parsed.Success) dob = parsed.Value;
            else errors.Add(new CaseError("child.dateOfBirth", "expected a date written YYYY-MM-DD"));
        }
        var care = ReadCareStatus(f, "child.careStatus", errors) ?? CareStatus.LivingAtHome;
        var flags = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var periods = ImmutableArray.CreateBuilder<FlagPeriod>();
        if (f.TryGetValue("flags", out var flagsNode) && flagsNode is not null)
        {
            var arr = flagsNode as JsonArray;
            if (arr is null) errors.Add(new CaseError("child.flags", "expected a list of flag names, or of { flag, from, to }"));
            else
                for (var i = 0; i < arr.Count; i++)
                {
                    var path = $"child.flags[{i}]";
                    var flag = StringValue(arr[i]);
                    var o = arr[i] as JsonObject;
                    if (!string.IsNullOrEmpty(flag))
                    {
                        flags.Add(flag);
                        source.Flags.Add((i, flag));
                    }
                    else if (o is not null)
                    {
                        // A flag for a period: { "flag": "exploitation-risk", "from": "2025-04-01", "to": "2025-09-30" }.
                        var ff = Fields(o, path, FlagFields, errors, path + ".");
                        var name = Text(ff, "flag", path + ".flag", errors, required: true);
                        var from = DateOrInstant(ff, "from", path + ".from", errors, zone, endOfDay: false);
                        var to = DateOrInstant(ff, "to", path + ".to", errors, zone, endOfDay: true);
                        if (from is not null && to is not null && to <= from) errors.Add(new CaseError(path + ".to", "is not after 'from': a flag's period must end after it begins"));
                        if (ff.GetValueOrDefault("from") is null && ff.GetValueOrDefault("to") is null) errors.Add(new CaseError(path, "give 'from', 'to' or both (a flag that always applies is written as its name alone)"));
                        if (name is null) continue;
                        periods.Add(new FlagPeriod(name, from, to));
                        source.Flags.Add((i, name));
                    }
                    else errors.Add(new CaseError(path, "expected a flag name, or { flag, from, to }"));
                }
        }
        var changes = new List<CircumstanceChange>();
        if (f.TryGetValue("changes", out var changesNode) && changesNode is not null)
        {
            var arr = changesNode as JsonArray;
            if (arr is null) errors.Add(new CaseError("child.changes", "expected a list of dated changes, e.g. { \"from\": \"2025-04-01\", \"careStatus\": \"looked-after\" }"));
            else
                for (var i = 0; i < arr.Count; i++)
                {
                    var path = $"child.changes[{i}]";
                    var o = arr[i] as JsonObject;
                    if (o is null) { errors.Add(new CaseError(path, "expected an object with 'from' and what changed")); continue; }
                    var cf = Fields(o, path, ChangeFields, errors, path + ".");
                    var from = DateOrInstant(cf, "from", path + ".from", errors, zone, endOfDay: false, required: true);
                    var change = new CircumstanceChange
                    {
                        From = from ?? default,
                        CareStatus = ReadCareStatus(cf, path + ".careStatus", errors),
                        ResponsibleAuthority = Text(cf, "responsibleAuthority", path + ".responsibleAuthority", errors, required: false),
                        HostAuthority = Text(cf, "hostAuthority", path + ".hostAuthority", errors, required: false),
                        Placement = Text(cf, "placement", path + ".placement", errors, required: false),
                    };
                    if (cf.ContainsKey("from") && ChangeFields.All(k => k == "from" || cf.GetValueOrDefault(k) is null)) errors.Add(new CaseError(path, "says when but not what changed: give careStatus, placement, responsibleAuthority or hostAuthority"));
                    if (from is null) continue;
                    changes.Add(change);
                    source.Changes[change] = i;
                }
        }
        if (id is null) return null;
        return new Child
        {
            Id = id,
            DateOfBirth = dob,
            CareStatus = care,
            ResponsibleAuthority = Text(f, "responsibleAuthority", "child.responsibleAuthority", errors, required: false),
            HostAuthority = Text(f, "hostAuthority", "child.hostAuthority", errors, required: false),
            Placement = Text(f, "placement", "child.placement", errors, required: false),
            Flags = flags.ToImmutable(),
            FlagPeriods = periods.ToImmutable(),
            Changes = [.. changes.OrderBy(c => c.From)],
        };
    }

    private static CareStatus? ReadCareStatus(Dictionary<string, JsonNode?> fields, string path, List<CaseError> errors)
    {
        var careText = Text(fields, "careStatus", path, errors, required: false);
        if (careText is null) return null;
        switch (careText)
        {
            case "living-at-home": return CareStatus.LivingAtHome;
            case "looked-after": return CareStatus.LookedAfter;
            case "care-leaver": return CareStatus.CareLeaver;
            default: errors.Add(new CaseError(path, "unknown care status: expected living-at-home, looked-after or care-leaver")); return null;
        }
    }

    /// <summary>
    /// A date (<c>YYYY-MM-DD</c>, Europe/London: the start of the day, or for an end the start of the next day, so the
    /// whole day is included) or an instant with an offset.
    /// </summary>
    private static Instant? DateOrInstant(Dictionary<string, JsonNode?> fields, string key, string path, List<CaseError> errors, DateTimeZone zone, bool endOfDay, bool required = false)
    {
        var text = Text(fields, key, path, errors, required);
        if (text is null) return null;
        var date = LocalDatePattern.Iso.Parse(text);
        if (date.Success && endOfDay && date.Value == LocalDate.MaxIsoValue)
        {
            // The day after it cannot be represented: an end that far off is no end at all.
            errors.Add(new CaseError(path, "is the last date the calendar has: leave it out for a period that has not ended"));
            return null;
        }
        if (date.Success) return zone.AtStartOfDay(endOfDay ? date.Value.PlusDays(1) : date.Value).ToInstant();
        if (TryParseInstant(text, out var instant)) return instant;
        errors.Add(new CaseError(path, "expected a date written YYYY-MM-DD, or an ISO-8601 instant with 'Z' or an offset"));
        return null;
    }

    private static List<EpisodeEvent> ReadEvents(JsonNode? node, string path, List<CaseError> errors, bool required, CaseSource? source)
    {
        var result = new List<EpisodeEvent>();
        if (node is null)
        {
            if (required) errors.Add(new CaseError(path, "required (a list of events)"));
            return result;
        }
        var arr = node as JsonArray;
        if (arr is null) { errors.Add(new CaseError(path, "expected a list of events")); return result; }
        for (var i = 0; i < arr.Count; i++)
        {
            var p = $"{path}[{i}]";
            var obj = arr[i] as JsonObject;
            if (obj is null) { errors.Add(new CaseError(p, "expected an event object with 'type' and 'at'")); continue; }
            var f = Fields(obj, p, EventFields, errors, p + ".");
            var typeText = Text(f, "type", p + ".type", errors, required: true);
            var atText = Text(f, "at", p + ".at", errors, required: true);
            var level = Text(f, "level", p + ".level", errors, required: false);
            var category = Text(f, "category", p + ".category", errors, required: false);
            var activity = Text(f, "activity", p + ".activity", errors, required: false);
            var recipient = Text(f, "recipient", p + ".recipient", errors, required: false);
            var by = Text(f, "by", p + ".by", errors, required: false);
            var everyText = Text(f, "every", p + ".every", errors, required: false);
            EventType type = default;
            var ok = typeText is not null && atText is not null;
            if (typeText is not null && !EventTypes.TryParse(typeText, out type))
            {
                errors.Add(new CaseError(p + ".type", $"unknown event type: expected one of {string.Join(", ", EventTypes.Names)}"));
                ok = false;
            }
            Instant at = default;
            if (atText is not null && !TryParseInstant(atText, out at))
            {
                errors.Add(new CaseError(p + ".at", "expected an ISO-8601 instant with 'Z' or an offset, e.g. 2025-03-30T09:00:00Z or 2025-03-30T10:00:00+01:00"));
                ok = false;
            }
            if (!ok) continue;
            if (type == EventType.RiskGraded && level is null) { errors.Add(new CaseError(p + ".level", "required for risk-graded")); continue; }
            if (type != EventType.RiskGraded && level is not null) { errors.Add(new CaseError(p + ".level", $"only risk-graded events have a level, not {type.Name()}")); continue; }
            if (type.IsActivityRecord() && activity is null) { errors.Add(new CaseError(p + ".activity", $"required for {type.Name()}: name the profile activity")); continue; }
            if (!type.IsActivityRecord() && activity is not null) { errors.Add(new CaseError(p + ".activity", $"only activity records have an activity, not {type.Name()}")); continue; }
            if (type == EventType.Categorised && category is null) { errors.Add(new CaseError(p + ".category", $"required for categorised: one of {string.Join(", ", EventTypes.PoliceCategories)}")); continue; }
            if (type != EventType.Categorised && category is not null) { errors.Add(new CaseError(p + ".category", $"only categorised events have a category, not {type.Name()}")); continue; }
            if (category is not null && !EventTypes.PoliceCategories.Contains(category)) { errors.Add(new CaseError(p + ".category", $"unknown police category: expected one of {string.Join(", ", EventTypes.PoliceCategories)}")); continue; }
            if (!type.IsActivityRecord() && (recipient ?? by) is not null) { errors.Add(new CaseError(p + (recipient is not null ? ".recipient" : ".by"), $"only activity records name a recipient or who did them, not {type.Name()}")); continue; }
            Time.Amount? every = null;
            if (type == EventType.FrequencyAgreed && everyText is null) { errors.Add(new CaseError(p + ".every", "required for frequency-agreed: the agreed interval, e.g. '3 days' or '12h'")); continue; }
            if (type != EventType.FrequencyAgreed && everyText is not null) { errors.Add(new CaseError(p + ".every", $"only frequency-agreed records have an interval, not {type.Name()}")); continue; }
            if (everyText is not null)
            {
                if (!Time.Amount.TryParse(everyText, out every, out _) || every!.Value == 0 || every.Unit == Time.TimeUnit.WorkingDays)
                {
                    errors.Add(new CaseError(p + ".every", "expected an interval of more than zero in minutes, hours, days, weeks or months, e.g. '3 days' or '12h'"));
                    continue;
                }
            }
            var e = new EpisodeEvent(type, at, level, activity) { Category = category, Recipient = recipient, By = by, Every = every };
            source?.Events.Add(e, new Origin(p, i));
            result.Add(e);
        }
        return result;
    }

    /// <summary>Parses an ISO-8601 instant that carries <c>Z</c> or an offset.</summary>
    public static bool TryParseInstant(string text, out Instant instant)
    {
        foreach (var pattern in InstantPatterns)
        {
            var result = pattern.Parse(text);
            if (!result.Success) continue;
            // A local time at the edge of the calendar, with an offset, can lie outside the range of an instant.
            try { instant = result.Value.ToInstant(); return true; }
            catch (OverflowException) { break; }
        }
        instant = default;
        return false;
    }

    private static string Normalise(string key) => key.Replace("-", "").Replace("_", "").ToLowerInvariant();

    private static Dictionary<string, JsonNode?> Fields(JsonObject obj, string path, string[] allowed, List<CaseError> errors, string prefix)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var position = 0;
        foreach (var (key, value) in obj)
        {
            position++;
            var canonical = allowed.FirstOrDefault(a => Normalise(a) == Normalise(key));
            if (canonical is null)
            {
                // The key itself is input and is not repeated: it is named by its position, with a suggestion.
                var suggestion = Spelling.Closest(key, allowed, 2, Normalise);
                var hint = suggestion is not null ? $" (did you mean '{suggestion}'?)" : "";
                errors.Add(new CaseError(path, $"unknown field: field no. {position} of this object is not a case field{hint}; allowed: {string.Join(", ", allowed)}"));
                continue;
            }
            if (result.ContainsKey(canonical)) errors.Add(new CaseError(prefix + canonical, $"'{canonical}' is given twice"));
            result[canonical] = value;
        }
        return result;
    }

    private static string? Text(Dictionary<string, JsonNode?> fields, string key, string path, List<CaseError> errors, bool required)
    {
        if (!fields.TryGetValue(key, out var node) || node is null)
        {
            if (required) errors.Add(new CaseError(path, "required"));
            return null;
        }
        var s = StringValue(node);
        if (s is not null)
        {
            if (s.Length > 0) return s;
            errors.Add(new CaseError(path, "must not be empty"));
            return null;
        }
        errors.Add(new CaseError(path, "expected a text value"));
        return null;
    }

    /// <summary>The node's text if it is a JSON string, else null.</summary>
    private static string? StringValue(JsonNode? node)
    {
        string? text = null;
        (node as JsonValue)?.TryGetValue(out text);
        return text;
    }

    private static CaseReadResult Fail(string path, string message) => new(null, [new CaseError(path, message)]);
}
