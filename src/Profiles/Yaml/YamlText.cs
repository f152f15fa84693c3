using System.Buffers;
using System.Text.Unicode;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
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
        if (FirstControlCharacter(text) is var bad and >= 0)
        {
            var (line, column) = Position(text, bad);
            var what = text[bad] == '\0' ? "NUL characters" : $"the control character U+{(int)text[bad]:X4}";
            diagnostics.Add(new ProfileDiagnostic(file, line, column, ErrorCodes.Unreadable, $"the file contains {what}: it is not a text file", "give the path of the .yaml file"));
            return null;
        }
        // Building the node tree recurses once per level of nesting and expands aliases, so the
        // parser's events, which do not recurse, are checked first; the tree is then built from the same
        // events, so the text is parsed once.
        var events = Scan(text, file, diagnostics);
        if (events is null) return null;
        var stream = new YamlStream();
        try
        {
            stream.Load(new Replay(events));
        }
        catch (YamlException e)
        {
            diagnostics.Add(SyntaxError(e, text, file));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            diagnostics.Add(new ProfileDiagnostic(file, 1, 1, ErrorCodes.EmptyDocument, "the file is empty", "start from a shipped profile or the documented format"));
            return null;
        }
        return stream.Documents[0].RootNode;
    }

    /// <summary>Events already read, handed to the node-tree builder.</summary>
    private sealed class Replay(List<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            if (_next >= events.Count) { Current = null; return false; }
            Current = events[_next++];
            return true;
        }
    }

    /// <summary>
    /// Streams the parser's events once, before the node tree is built, and reports the first of: a
    /// node nested more than <see cref="MaxDepth"/> levels deep (the root is level 1); more than
    /// <see cref="MaxNodes"/> values once aliases are expanded ("billion laughs"); an alias used before
    /// its anchor is defined (YAML allows only backward references; this also rules out an alias inside
    /// its own anchor); a second document; a parse failure. Each at its own position. The events, or null
    /// if any.
    /// </summary>
    private static List<ParsingEvent>? Scan(string text, string file, List<ProfileDiagnostic> diagnostics)
    {
        var read = new List<ParsingEvent>();
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(ParsingEvent Start, bool Flow, string? Anchor, long ValuesBefore)>();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long values = 0;
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                read.Add(e);
                var depth = open.Count + 1;
                switch (e)
                {
                    case DocumentStart when ++documents > 1:
                        return Fail(e, ErrorCodes.Syntax, "the file holds more than one YAML document ('---')", "keep one document per file");
                    case MappingStart or SequenceStart:
                        open.Push((e, e is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow }, AnchorOf(e), values));
                        values++;
                        break;
                    case MappingEnd or SequenceEnd:
                        var closed = open.Pop();
                        if (closed.Anchor is not null) sizes[closed.Anchor] = values - closed.ValuesBefore;
                        continue;
                    case Scalar:
                        if (AnchorOf(e) is { } anchor) sizes[anchor] = 1;
                        values++;
                        break;
                    case AnchorAlias alias:
                        if (!sizes.TryGetValue(alias.Value.Value, out var size))
                            return Fail(e, ErrorCodes.Syntax, $"the alias '*{alias.Value.Value}' refers to no anchor '&{alias.Value.Value}' defined before it",
                                "an alias repeats a value anchored earlier in the file: define the anchor first, or write the value out");
                        values += size;
                        break;
                    default:
                        continue;
                }
                if (depth > MaxDepth)
                    return Fail(e, ErrorCodes.TooLarge, $"the document is nested more than {MaxDepth} levels deep", "a profile needs only a few levels of nesting");
                if (values > MaxNodes)
                    return Fail(e, ErrorCodes.TooLarge, $"the document expands to more than {MaxNodes} values (aliases repeated too often?)", "write values out instead of nesting aliases");
            }
            return read;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An unclosed '[' or '{' is found only where the text stops making sense, often lines later
            // (and the parser may then fail with an internal error): point at the bracket instead.
            var flow = open.FirstOrDefault(o => o.Flow);
            if (flow.Start is not null && (ex is not YamlException y || (y.Start.Line > flow.Start.Start.Line && y.Message.Contains("flow", StringComparison.Ordinal))))
            {
                var bracket = flow.Start is SequenceStart ? "[" : "{";
                return Fail(flow.Start, ErrorCodes.Syntax, $"this '{bracket}' is never closed", $"close it with '{(bracket == "[" ? "]" : "}")}', and separate the items with ', '");
            }
            if (ex is YamlException yaml) diagnostics.Add(SyntaxError(yaml, text, file));
            else
            {
                var at = parser.Current?.End ?? Mark.Empty;
                diagnostics.Add(new ProfileDiagnostic(file, (int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column), ErrorCodes.Syntax,
                    "the text after this position is not valid YAML", "check indentation, quotes and brackets near this position"));
            }
            return null;
        }

        List<ParsingEvent>? Fail(ParsingEvent at, string code, string message, string hint)
        {
            diagnostics.Add(new ProfileDiagnostic(file, (int)at.Start.Line, (int)at.Start.Column, code, message, hint));
            return null;
        }
    }

    private static string? AnchorOf(ParsingEvent e) => e is NodeEvent { Anchor: { IsEmpty: false } a } ? a.Value : null;

    /// <summary>A parser error as a diagnostic: a duplicate key, a tab used for indentation (at the tab), or any other syntax error.</summary>
    private static ProfileDiagnostic SyntaxError(YamlException e, string text, string file)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var (line, column) = ((int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column));
        if (message.StartsWith("Duplicate key", StringComparison.Ordinal))
            return new ProfileDiagnostic(file, line, column, ErrorCodes.DuplicateKey, Clean(message), "each key may appear once in a mapping: remove or rename one");
        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            // The parser reports the start of the construct it was reading; the tab itself is more useful.
            if (FirstIndentingTab(text, line) is { } tab) (line, column) = tab;
            return new ProfileDiagnostic(file, line, column, ErrorCodes.Syntax, Clean(message), "indent with spaces, not tabs");
        }
        return new ProfileDiagnostic(file, line, column, ErrorCodes.Syntax, Clean(message), "check indentation, quotes and brackets near this position");
    }

    /// <summary>The position of the first tab in the indentation of a line, from the given line on.</summary>
    private static (int Line, int Column)? FirstIndentingTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = fromLine - 1; i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indentation);
            if (tab >= 0) return (i + 1, tab + 1);
        }
        return null;
    }

    /// <summary>The index of the first character that no text file has (NUL and the other C0 controls but tab, line feed and carriage return; DEL), or -1.</summary>
    private static int FirstControlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (text[i] is (< ' ' and not '\t' and not '\n' and not '\r') or '\x7F') return i;
        return -1;
    }

    /// <summary>
    /// Reads a file as text, or reports why it cannot be one: missing or unreadable, larger than
    /// <see cref="MaxBytes"/> (judged by its size, before reading it), or not UTF-8 (at the first byte that is not).
    /// A byte-order mark may say UTF-16 or UTF-32 instead.
    /// </summary>
    public static string? ReadFile(string path, string what, List<ProfileDiagnostic> diagnostics)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return Unreadable(path, "no such file", diagnostics);
            if (info.Length > MaxBytes) return TooLargeFile(path, info.Length, what, diagnostics);
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            return Unreadable(path, e.Message, diagnostics);
        }
        if (bytes.Length > MaxBytes) return TooLargeFile(path, bytes.Length, what, diagnostics);
        return Decode(bytes, path, diagnostics);
    }

    private static string? Unreadable(string path, string why, List<ProfileDiagnostic> diagnostics)
    {
        diagnostics.Add(new ProfileDiagnostic(path, 1, 1, ErrorCodes.Unreadable, $"cannot read the file: {why}"));
        return null;
    }

    private static string? TooLargeFile(string path, long length, string what, List<ProfileDiagnostic> diagnostics)
    {
        diagnostics.Add(new ProfileDiagnostic(path, 1, 1, ErrorCodes.TooLarge,
            $"the file is {length / 1024} KB; {what} may be at most {MaxBytes / 1024} KB", "give the path of the .yaml file"));
        return null;
    }

    private static string? Decode(byte[] bytes, string file, List<ProfileDiagnostic> diagnostics)
    {
        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        var offset = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        var chars = new char[bytes.Length - offset];
        var status = Utf8.ToUtf16(bytes.AsSpan(offset), chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done) return new string(chars, 0, written);
        var decoded = new string(chars, 0, written);
        var (line, column) = Position(decoded, decoded.Length);
        diagnostics.Add(new ProfileDiagnostic(file, line, column, ErrorCodes.Unreadable,
            $"the file is not UTF-8 text: byte {offset + read} (0x{bytes[offset + read]:X2}) is not part of a UTF-8 character", "save the file as UTF-8"));
        return null;
    }

    /// <summary>The 1-based line and column of a character of the text.</summary>
    internal static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < text.Length; i++)
            if (text[i] == '\n') { line++; lineStart = i + 1; }
        return (line, index - lineStart + 1);
    }

    private static string Clean(string message)
    {
        var m = message.TrimEnd('.');
        return m.Length > 0 ? char.ToLowerInvariant(m[0]) + m[1..] : m;
    }
}
