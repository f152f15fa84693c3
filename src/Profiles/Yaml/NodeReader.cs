using System.Globalization;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.RepresentationModel;

namespace Protocol.Profiles.Yaml;

/// <summary>
/// Reads typed values from a YAML tree, collecting every problem as a positioned diagnostic instead of
/// stopping at the first. Scalars written <c>$name</c> are replaced by the value of the setting of that name.
/// </summary>
internal sealed class NodeReader(string file, List<ProfileDiagnostic> diagnostics)
{
    private Dictionary<string, YamlNode> _settings = new(StringComparer.Ordinal);
    private readonly HashSet<YamlNode> _reported = new(ReferenceEqualityComparer.Instance);

    public string File { get; } = file;
    public List<ProfileDiagnostic> Diagnostics { get; } = diagnostics;
    public HashSet<string> UsedSettings { get; } = new(StringComparer.Ordinal);

    public void UseSettings(Dictionary<string, YamlNode> settings) => _settings = settings;

    public void Error(YamlNode node, string code, string message, string? hint = null) =>
        Diagnostics.Add(new ProfileDiagnostic(File, (int)node.Start.Line, (int)node.Start.Column, code, message, hint));

    /// <summary>Marks a node as already reported, so that reading it again reports nothing more.</summary>
    public void MarkReported(YamlNode node) => _reported.Add(node);

    /// <summary>
    /// Follows a <c>$setting</c> reference to the setting's value, and on if that value is itself a
    /// reference; stops at a reference already reported (unknown, or part of a cycle).
    /// </summary>
    public YamlNode Resolve(YamlNode node)
    {
        for (var steps = 0; steps <= _settings.Count; steps++)
        {
            if (_reported.Contains(node) || node is not YamlScalarNode { Value: { Length: > 1 } v, Style: YamlDotNet.Core.ScalarStyle.Plain } || !v.StartsWith('$'))
                return node;
            var name = v[1..];
            if (!_settings.TryGetValue(name, out var value))
            {
                if (_reported.Add(node))
                    Error(node, ErrorCodes.UnknownReference, $"'{v}' refers to no setting named '{name}'", Suggest.Hint(name, _settings.Keys, "a setting"));
                return node;
            }
            UsedSettings.Add(name);
            node = value;
        }
        return node; // a cycle, reported where the settings are read
    }

    public YamlMappingNode? Map(YamlNode node, string what)
    {
        node = Resolve(node);
        if (node is YamlMappingNode map) return map;
        if (_reported.Contains(node)) return null;
        Error(node, ErrorCodes.WrongType, $"{what} must be a mapping of keys to values, not {Describe(node)}");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode node, string what)
    {
        node = Resolve(node);
        if (node is YamlSequenceNode seq) return seq;
        if (_reported.Contains(node)) return null;
        Error(node, ErrorCodes.WrongType, $"{what} must be a list, not {Describe(node)}", "write each item on its own line starting with '- '");
        return null;
    }

    public string? Text(YamlNode node, string what)
    {
        node = Resolve(node);
        if (_reported.Contains(node)) return null;
        if (node is YamlScalarNode { Value: { } v } && v.Length > 0) return v;
        Error(node, ErrorCodes.WrongType, $"{what} must be a text value, not {Describe(node)}");
        return null;
    }

    public int? Integer(YamlNode node, string what, int min = 0, int max = int.MaxValue)
    {
        var text = Text(node, what);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Error(node, ErrorCodes.BadValue, $"{what} must be a whole number from {min} to {max}, not '{text}'");
        return null;
    }

    public bool? Boolean(YamlNode node, string what)
    {
        var text = Text(node, what);
        switch (text)
        {
            case null: return null;
            case "true" or "yes": return true;
            case "false" or "no": return false;
            default:
                Error(node, ErrorCodes.BadValue, $"{what} must be true or false, not '{text}'");
                return null;
        }
    }

    public LocalDate? Date(YamlNode node, string what)
    {
        var text = Text(node, what);
        if (text is null) return null;
        var result = LocalDatePattern.Iso.Parse(text);
        if (result.Success) return result.Value;
        Error(node, ErrorCodes.BadValue, $"{what} must be a date written YYYY-MM-DD, not '{text}'");
        return null;
    }

    public LocalTime? Time(YamlNode node, string what)
    {
        var text = Text(node, what);
        if (text is null) return null;
        var result = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text);
        if (result.Success) return result.Value;
        Error(node, ErrorCodes.BadValue, $"{what} must be a local time written HH:mm (quoted, e.g. \"12:00\"), not '{text}'");
        return null;
    }

    /// <summary>A value from a fixed set.</summary>
    public string? OneOf(YamlNode node, string what, IReadOnlyList<string> allowed)
    {
        var text = Text(node, what);
        if (text is null) return null;
        if (allowed.Contains(text, StringComparer.Ordinal)) return text;
        Error(node, ErrorCodes.BadValue, $"{what} '{text}' is not allowed", Suggest.Hint(text, allowed, what));
        return null;
    }

    /// <summary>A single scalar or a list of scalars, each with its node.</summary>
    public List<(string Value, YamlNode Node)> TextOrList(YamlNode node, string what)
    {
        node = Resolve(node);
        var result = new List<(string, YamlNode)>();
        if (node is YamlSequenceNode seq)
        {
            if (seq.Children.Count == 0)
                Error(seq, ErrorCodes.MissingKey, $"{what}: the list is empty", "list at least one, or remove the key");
            foreach (var item in seq.Children)
                if (Text(item, what) is { } t) result.Add((t, Resolve(item)));
        }
        else if (Text(node, what) is { } t)
        {
            result.Add((t, node));
        }
        return result;
    }

    /// <summary>
    /// The keys of a mapping, checking every key is allowed (with a "did you mean" hint) and every
    /// required key is present.
    /// </summary>
    public Dictionary<string, YamlNode> Keys(YamlMappingNode map, string what, IReadOnlyList<string> allowed, IReadOnlyList<string>? required = null)
    {
        var result = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, ErrorCodes.WrongType, $"keys in {what} must be plain names");
                continue;
            }
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                Error(keyNode, ErrorCodes.UnknownKey, $"unknown key '{key}' in {what}", Suggest.Hint(key, allowed, "a key here"));
                continue;
            }
            result[key] = value;
        }
        foreach (var key in required ?? [])
        {
            if (result.ContainsKey(key)) continue;
            var code = key == "citation" ? ErrorCodes.MissingCitation : ErrorCodes.MissingKey;
            var hint = key == "citation" ? "cite the protocol's own section, e.g. citation: '§9 \"Return Conversation\"'" : $"add '{key}:'";
            Error(map, code, $"{what} has no '{key}'", hint);
        }
        return result;
    }

    /// <summary>The position of a key in a mapping, for errors about the key rather than its value.</summary>
    public static YamlNode KeyNode(YamlMappingNode map, string key) =>
        map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } v } && v == key) ?? map;

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: null or "" } => "an empty value",
        YamlScalarNode s => $"'{Shorten(s.Value!)}'",
        _ => "this value",
    };

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
