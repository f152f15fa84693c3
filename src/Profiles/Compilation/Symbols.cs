using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Profiles.Yaml;
using YamlDotNet.RepresentationModel;

namespace Protocol.Profiles.Compilation;

/// <summary>What a profile declares, used to check every reference in its rules.</summary>
internal sealed class Symbols(NodeReader reader)
{
    public Dictionary<string, RoleDefinition> Roles { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ActivityDefinition> Activities { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, FlagDefinition> Flags { get; } = new(StringComparer.Ordinal);
    public List<string> RiskLevels { get; } = [];
    public List<string> Classifications { get; } = [];

    public RoleDefinition? Role(YamlNode node, string what)
    {
        var id = reader.Text(node, what);
        if (id is null) return null;
        if (Roles.TryGetValue(id, out var role)) return role;
        reader.Error(reader.Resolve(node), ErrorCodes.UnknownReference, $"{what} '{id}' is not a declared role", Suggest.Hint(id, Roles.Keys, "a role"));
        return null;
    }

    public ActivityDefinition? Activity(YamlNode node, string what)
    {
        var id = reader.Text(node, what);
        if (id is null) return null;
        if (Activities.TryGetValue(id, out var activity)) return activity;
        reader.Error(reader.Resolve(node), ErrorCodes.UnknownReference, $"{what} '{id}' is not a declared activity", Suggest.Hint(id, Activities.Keys, "an activity"));
        return null;
    }

    public string? Flag(string id, YamlNode node)
    {
        if (Flags.ContainsKey(id)) return id;
        reader.Error(node, ErrorCodes.UnknownReference, $"flag '{id}' is not declared under 'flags'", Suggest.Hint(id, Flags.Keys, "a flag"));
        return null;
    }

    public string? RiskLevel(string level, YamlNode node)
    {
        if (RiskLevels.Contains(level, StringComparer.Ordinal)) return level;
        reader.Error(node, ErrorCodes.UnknownReference, $"risk level '{level}' is not one of the profile's risk-levels", Suggest.Hint(level, RiskLevels, "a risk level"));
        return null;
    }

    public string? Classification(string label, YamlNode node)
    {
        if (Classifications.Contains(label, StringComparer.Ordinal)) return label;
        reader.Error(node, ErrorCodes.UnknownReference, $"classification '{label}' is not a label of any classification rule", Suggest.Hint(label, Classifications, "a classification"));
        return null;
    }

    /// <summary>Parses <c>type</c> or <c>type:qualifier</c>, checking the type and the qualifier.</summary>
    public EventReference? Event(YamlNode node, string what)
    {
        var text = reader.Text(node, what);
        if (text is null) return null;
        node = reader.Resolve(node);
        var colon = text.IndexOf(':');
        var typeName = colon < 0 ? text : text[..colon];
        var qualifier = colon < 0 ? null : text[(colon + 1)..];
        if (!EventTypes.TryParse(typeName, out var type))
        {
            reader.Error(node, ErrorCodes.UnknownReference, $"{what} '{typeName}' is not an event", Suggest.Hint(typeName, EventTypes.Names, "an event"));
            return null;
        }
        if (type == EventType.RiskGraded)
        {
            if (qualifier is not null && RiskLevel(qualifier, node) is null) return null;
            return new EventReference(type, qualifier);
        }
        if (type == EventType.Categorised)
        {
            if (qualifier is not null && !EventTypes.PoliceCategories.Contains(qualifier))
            {
                reader.Error(node, ErrorCodes.UnknownReference, $"{what} '{text}': '{qualifier}' is not a police category", Suggest.Hint(qualifier, EventTypes.PoliceCategories, "a police category"));
                return null;
            }
            return new EventReference(type, qualifier);
        }
        if (type.IsActivityRecord())
        {
            if (qualifier is null)
            {
                reader.Error(node, ErrorCodes.MissingKey, $"{what} '{text}' must name an activity, e.g. '{typeName}:{Activities.Keys.FirstOrDefault() ?? "strategy-meeting"}'");
                return null;
            }
            if (!Activities.ContainsKey(qualifier))
            {
                reader.Error(node, ErrorCodes.UnknownReference, $"{what} '{text}' names '{qualifier}', which is not a declared activity", Suggest.Hint(qualifier, Activities.Keys, "an activity"));
                return null;
            }
            return new EventReference(type, qualifier);
        }
        if (qualifier is not null)
        {
            reader.Error(node, ErrorCodes.BadValue, $"{what} '{text}': the event '{typeName}' takes no ':{qualifier}'", $"write '{typeName}'");
            return null;
        }
        return new EventReference(type);
    }

    /// <summary>
    /// One event or a list, read as "the first of these to happen"; or <c>{ first-of: [...] }</c> / <c>{ last-of: [...] }</c>
    /// ("the last of these, once all have happened"). Null if any is wrong or the list is empty.
    /// </summary>
    public EventSet? EventSet(YamlNode node, string what)
    {
        var before = reader.Diagnostics.Count;
        var mode = EventSetMode.FirstOf;
        if (reader.Resolve(node) is YamlMappingNode map)
        {
            var keys = reader.Keys(map, what, ["first-of", "last-of"]);
            if (keys.Count != 1)
            {
                if (reader.Diagnostics.Count == before)
                    reader.Error(map, keys.Count == 0 ? ErrorCodes.MissingKey : ErrorCodes.Conflict, $"{what} needs exactly one of 'first-of' or 'last-of' (a list of events)");
                return null;
            }
            var (key, list) = keys.First();
            mode = key == "last-of" ? EventSetMode.LastOf : EventSetMode.FirstOf;
            node = list;
        }
        var events = Events(node, what);
        return reader.Diagnostics.Count > before || events.Count == 0 ? null : new EventSet(events, mode);
    }

    public List<EventReference> Events(YamlNode node, string what)
    {
        var result = new List<EventReference>();
        var resolved = reader.Resolve(node);
        var items = resolved is YamlSequenceNode seq ? seq.Children.ToList() : [resolved];
        if (items.Count == 0) reader.Error(resolved, ErrorCodes.MissingKey, $"{what}: the list is empty", "name at least one event, or remove the key");
        foreach (var item in items)
            if (Event(item, what) is { } e) result.Add(e);
        return result;
    }
}
