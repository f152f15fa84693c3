using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Protocol.Profiles.Yaml;

/// <summary>Loads YAML text into a node tree with positions, within limits, turning every failure into a diagnostic.</summary>
internal static class YamlText
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxDepth = 64;
    public const int MaxNodes = 200_000;

    public static YamlNode? Load(string text, string file, List<ProfileDiagnostic> diagnostics)
    {
        if (text.Length > MaxBytes)
        {
            diagnostics.Add(new ProfileDiagnostic(file, 1, 1, ErrorCodes.TooLarge,
                $"the file is {text.Length / 1024} KB; a profile or test file may be at most {MaxBytes / 1024} KB", "split it, or remove what is not part of the protocol"));
            return null;
        }
        if (text.IndexOf('\0') >= 0)
        {
            diagnostics.Add(new ProfileDiagnostic(file, 1, 1, ErrorCodes.Unreadable, "the file contains NUL characters: it is not a text file", "give the path of the .yaml file"));
            return null;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
            var code = message.StartsWith("Duplicate key", StringComparison.Ordinal) ? ErrorCodes.DuplicateKey : ErrorCodes.Syntax;
            var hint = code == ErrorCodes.DuplicateKey ? "each key may appear once in a mapping: remove or rename one"
                : message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? "indent with spaces, not tabs"
                : "check indentation, quotes and brackets near this position";
            diagnostics.Add(new ProfileDiagnostic(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column), code, Clean(message), hint));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            diagnostics.Add(new ProfileDiagnostic(file, 1, 1, ErrorCodes.EmptyDocument, "the file is empty", "start from a shipped profile or the documented format"));
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            diagnostics.Add(new ProfileDiagnostic(file, (int)second.Start.Line, (int)second.Start.Column, ErrorCodes.Syntax,
                "the file holds more than one YAML document ('---')", "keep one document per file"));
            return null;
        }
        var root = stream.Documents[0].RootNode;
        if (!WithinLimits(root, file, diagnostics)) return null;
        return root;
    }

    private static bool WithinLimits(YamlNode root, string file, List<ProfileDiagnostic> diagnostics)
    {
        // Aliases share nodes, so a tree walk can be exponential ("billion laughs"): count visits, not nodes.
        var visits = 0;
        var stack = new Stack<(YamlNode Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (++visits > MaxNodes)
            {
                diagnostics.Add(new ProfileDiagnostic(file, (int)node.Start.Line, (int)node.Start.Column, ErrorCodes.TooLarge,
                    $"the document expands to more than {MaxNodes} values (aliases repeated too often?)", "write values out instead of nesting aliases"));
                return false;
            }
            if (depth > MaxDepth)
            {
                diagnostics.Add(new ProfileDiagnostic(file, (int)node.Start.Line, (int)node.Start.Column, ErrorCodes.TooLarge,
                    $"the document is nested more than {MaxDepth} levels deep", "a profile needs only a few levels of nesting"));
                return false;
            }
            switch (node)
            {
                case YamlMappingNode m:
                    foreach (var (k, v) in m.Children) { stack.Push((k, depth + 1)); stack.Push((v, depth + 1)); }
                    break;
                case YamlSequenceNode s:
                    foreach (var c in s.Children) stack.Push((c, depth + 1));
                    break;
            }
        }
        return true;
    }

    private static string Clean(string message)
    {
        var m = message.TrimEnd('.');
        return m.Length > 0 ? char.ToLowerInvariant(m[0]) + m[1..] : m;
    }
}
