using System.Text;
using Protocol.Profiles;

namespace Protocol.Profiles.Tests.Validation;

/// <summary>
/// One broken profile and the diagnostic it must produce: code, line, column and a fragment of the
/// message (and of the hint, where the hint is the point). <see cref="TextDiffers"/> marks files whose
/// bytes cannot be given as a string (invalid UTF-8): the exact diagnostic is checked through the file.
/// </summary>
public sealed record MalformedCase(
    string Name, string Category, Func<byte[]> Content, string Code, int Line, int Column, string Message,
    string? Hint = null, bool TextDiffers = false)
{
    public override string ToString() => Name;
}

/// <summary>
/// The table of broken profiles shared by the loader tests and the CLI tests. Each is a small valid
/// profile (<see cref="Base"/>) with one thing broken, so that line and column are exact.
/// </summary>
public static class MalformedProfiles
{
    /// <summary>A small valid profile that uses every kind of declaration and reference. Line numbers are in the comments of the cases.</summary>
    public const string Base = """
        profile:
          id: test
          authority: Test authority
          title: Test protocol
        risk-levels: [medium, high]
        settings:
          clock:
            value: found
            reading: The clock starts when the child is found.
            citation: §0
        roles:
          police: Police
          social-worker: Social worker
        activities:
          interview: { kind: interview, title: Interview }
          meeting: { kind: meeting, title: Meeting }
        flags:
          exploitation-risk: At risk of exploitation
        episodes:
          missing-ends-on: [found, returned]
          classification:
            - label: missing
              when: { event: reported-missing }
              reason: Reported to the police
              citation: §1
          default-classification: absent
          obligations-apply-to: [missing]
        obligations:
          - id: interview
            title: Interview within 24 hours
            responsible: police
            trigger: { on: $clock }
            when: { risk: high, flag: exploitation-risk }
            deadline: { within: 24h }
            met-by: interview-completed:interview
            recurs: { every: 1 day, until: [returned] }
            citation: §2
        ladders:
          - id: repeat
            title: Repeat episodes
            counts: [missing]
            window: 90 days
            citation: §3
            rungs:
              - id: first
                title: First meeting
                episodes: 3-5
                activity: meeting
                responsible: social-worker
                deadline: { within: 5 working days }
                citation: §3
              - id: second
                title: Second meeting
                episodes: 6+
                activity: meeting
                responsible: social-worker
                deadline: { within: 5 working days }
                citation: §3
        not-encoded:
          - id: media
            reason: A professional judgement.
            citation: §4

        """;

    /// <summary>The obligation of <see cref="Base"/> (lines 29-37), for copying.</summary>
    private static string Obligation => string.Join("\n", BaseLines[28..37]);

    private static readonly string[] BaseLines = Base.Split('\n');

    /// <summary>Base with whole lines replaced (1-based, by the line numbers of Base); null deletes the line.</summary>
    public static string Lines(params (int Line, string? Text)[] edits)
    {
        var lines = BaseLines.Select(l => (string?)l).ToArray();
        foreach (var (line, text) in edits)
        {
            if (lines[line - 1] is null) throw new ArgumentException($"line {line} edited twice");
            lines[line - 1] = text;
        }
        return string.Join("\n", lines.Where(l => l is not null));
    }

    /// <summary>Base with one line replaced, checking the line is the one meant.</summary>
    public static string Line(int line, string expected, string text)
    {
        if (BaseLines[line - 1] != expected) throw new ArgumentException($"line {line} of the base is '{BaseLines[line - 1]}', not '{expected}'");
        return Lines((line, text));
    }

    /// <summary>Base with lines inserted after a line.</summary>
    public static string Insert(int after, string text) => Lines((after, BaseLines[after - 1] + "\n" + text));

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static MalformedCase Case(string name, string category, string yaml, string code, int line, int column, string message, string? hint = null) =>
        new(name, category, () => Utf8(yaml), code, line, column, message, hint);

    /// <summary>"billion laughs": each level a list of ten aliases to the level below.</summary>
    private static string AliasBomb(int levels)
    {
        var sb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < levels; i++)
            sb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        return sb.ToString();
    }

    public static IReadOnlyList<MalformedCase> All { get; } = Build();

    public static MalformedCase Get(string name) => All.Single(c => c.Name == name);

    private static List<MalformedCase> Build() =>
    [
        // ---- YAML syntax -------------------------------------------------------------------------
        Case("unclosed-double-quote", "yaml-syntax", Line(30, "    title: Interview within 24 hours", "    title: \"Interview within 24 hours"),
            ErrorCodes.Syntax, 30, 12, "quoted scalar"),
        Case("unclosed-single-quote", "yaml-syntax", Line(4, "  title: Test protocol", "  title: 'Test protocol"),
            ErrorCodes.Syntax, 4, 10, "quoted scalar"),
        Case("bad-indentation-dedent", "yaml-syntax", Line(30, "    title: Interview within 24 hours", "   title: Interview within 24 hours"),
            ErrorCodes.Syntax, 30, 4, "expected"),
        Case("bad-indentation-indent", "yaml-syntax", Line(30, "    title: Interview within 24 hours", "      title: Interview within 24 hours"),
            ErrorCodes.Syntax, 30, 12, "found invalid mapping"),
        Case("unclosed-flow-sequence", "yaml-syntax", Line(5, "risk-levels: [medium, high]", "risk-levels: [medium, high"),
            ErrorCodes.Syntax, 5, 14, "this '[' is never closed", "close it with ']'"),
        Case("unclosed-flow-mapping", "yaml-syntax", Line(34, "    deadline: { within: 24h }", "    deadline: { within: 24h"),
            ErrorCodes.Syntax, 34, 15, "this '{' is never closed", "close it with '}'"),
        Case("extra-closing-bracket", "yaml-syntax", Line(5, "risk-levels: [medium, high]", "risk-levels: [medium, high]]"),
            ErrorCodes.Syntax, 5, 28, "did not find expected key"),

        // ---- tabs --------------------------------------------------------------------------------
        Case("tab-indentation-top", "tabs", Line(12, "  police: Police", "\tpolice: Police"),
            ErrorCodes.Syntax, 12, 1, "tab", "spaces"),
        Case("tab-indentation-nested", "tabs", Line(30, "    title: Interview within 24 hours", "  \t  title: Interview within 24 hours"),
            ErrorCodes.Syntax, 30, 3, "tab", "spaces"),

        // ---- duplicate keys ----------------------------------------------------------------------
        Case("duplicate-key-top-level", "duplicate-key", Base + "roles:\n  other: Other\n",
            ErrorCodes.DuplicateKey, 63, 1, "roles", "each key may appear once"),
        Case("duplicate-key-nested", "duplicate-key", Insert(37, "    citation: §9"),
            ErrorCodes.DuplicateKey, 38, 5, "citation"),
        Case("duplicate-key-flow", "duplicate-key", Line(34, "    deadline: { within: 24h }", "    deadline: { within: 24h, within: 3h }"),
            ErrorCodes.DuplicateKey, 34, 30, "within"),
        Case("duplicate-role", "duplicate-key", Line(13, "  social-worker: Social worker", "  police: Social worker"),
            ErrorCodes.DuplicateKey, 13, 3, "police"),

        // ---- unknown keys ------------------------------------------------------------------------
        Case("unknown-key-top-level", "unknown-key", Line(28, "obligations:", "obligation:"),
            ErrorCodes.UnknownKey, 28, 1, "unknown key 'obligation' in the profile", "did you mean 'obligations'?"),
        Case("unknown-key-obligation", "unknown-key", Line(34, "    deadline: { within: 24h }", "    dedline: { within: 24h }"),
            ErrorCodes.UnknownKey, 34, 5, "unknown key 'dedline' in obligation 'interview'", "did you mean 'deadline'?"),
        Case("unknown-key-rung", "unknown-key", Line(48, "        activity: meeting", "        activty: meeting"),
            ErrorCodes.UnknownKey, 48, 9, "unknown key 'activty' in rung 'first'", "did you mean 'activity'?"),
        Case("unknown-key-setting", "unknown-key", Line(9, "    reading: The clock starts when the child is found.", "    readin: The clock starts when the child is found."),
            ErrorCodes.UnknownKey, 9, 5, "unknown key 'readin' in setting 'clock'", "did you mean 'reading'?"),
        Case("unknown-key-condition", "unknown-key", Line(33, "    when: { risk: high, flag: exploitation-risk }", "    when: { risk: high, flg: exploitation-risk }"),
            ErrorCodes.UnknownKey, 33, 25, "unknown key 'flg'", "did you mean 'flag'?"),

        // ---- wrong types -------------------------------------------------------------------------
        Case("list-where-map", "wrong-type", Line(32, "    trigger: { on: $clock }", "    trigger: [found]"),
            ErrorCodes.WrongType, 32, 14, "must be a mapping of keys to values, not a list"),
        Case("map-where-text", "wrong-type", Line(30, "    title: Interview within 24 hours", "    title: { text: Interview }"),
            ErrorCodes.WrongType, 30, 12, "'title' must be a text value, not a mapping"),
        Case("text-where-list", "wrong-type", Line(5, "risk-levels: [medium, high]", "risk-levels: medium"),
            ErrorCodes.WrongType, 5, 14, "'risk-levels' must be a list, not 'medium'"),
        Case("list-where-text", "wrong-type", Line(12, "  police: Police", "  police: [Police]"),
            ErrorCodes.WrongType, 12, 11, "must be a text value, not a list"),
        Case("empty-value", "wrong-type", Line(31, "    responsible: police", "    responsible:"),
            ErrorCodes.WrongType, 31, 17, "must be a text value, not an empty value"),
        Case("section-not-a-list", "wrong-type", Lines((28, "obligations: none"), (29, null), (30, null), (31, null), (32, null), (33, null), (34, null), (35, null), (36, null), (37, null)),
            ErrorCodes.WrongType, 28, 14, "'obligations' must be a list, not 'none'"),
        Case("not-a-whole-number", "wrong-type", Line(36, "    recurs: { every: 1 day, until: [returned] }", "    recurs: { every: 1 day, until: [returned], max: lots }"),
            ErrorCodes.BadValue, 36, 53, "'max' must be a whole number"),
        Case("not-a-boolean", "wrong-type", Insert(10, "    informational: perhaps"),
            ErrorCodes.BadValue, 11, 20, "must be true or false"),
        Case("key-not-a-name", "wrong-type", Insert(13, "  ? [a, b]\n  : Someone"),
            ErrorCodes.WrongType, 14, 5, "must be a text value, not a list"),

        // ---- lengths of time ---------------------------------------------------------------------
        Case("negative-duration", "bad-duration", Line(34, "    deadline: { within: 24h }", "    deadline: { within: -3h }"),
            ErrorCodes.BadDuration, 34, 25, "cannot be negative"),
        Case("unparsable-duration", "bad-duration", Line(34, "    deadline: { within: 24h }", "    deadline: { within: 72 hourz }"),
            ErrorCodes.BadDuration, 34, 25, "'within' '72 hourz': expected a number and a unit"),
        Case("duration-in-words", "bad-duration", Line(34, "    deadline: { within: 24h }", "    deadline: { within: three days }"),
            ErrorCodes.BadDuration, 34, 25, "expected a number and a unit"),
        Case("duration-without-unit", "bad-duration", Line(34, "    deadline: { within: 24h }", "    deadline: { within: 24 }"),
            ErrorCodes.BadDuration, 34, 25, "'within' '24': expected a number and a unit"),
        Case("zero-interval", "bad-duration", Line(36, "    recurs: { every: 1 day, until: [returned] }", "    recurs: { every: 0 days, until: [returned] }"),
            ErrorCodes.BadDuration, 36, 22, "'every' must be more than zero"),
        Case("duration-too-long", "bad-duration", Line(34, "    deadline: { within: 24h }", "    deadline: { within: 99999999999h }"),
            ErrorCodes.BadDuration, 34, 25, "expected a number and a unit"),
        Case("bare-duration-as-deadline", "bad-duration", Line(34, "    deadline: { within: 24h }", "    deadline: 24h"),
            ErrorCodes.BadDuration, 34, 15, "is not a deadline", "deadline: { within: 24h }"),
        Case("window-in-hours", "bad-duration", Line(42, "    window: 90 days", "    window: 72h"),
            ErrorCodes.BadDuration, 42, 13, "must be in days, weeks or months"),
        Case("working-days-where-not-allowed", "bad-duration", Line(36, "    recurs: { every: 1 day, until: [returned] }", "    recurs: { every: 2 working days, until: [returned] }"),
            ErrorCodes.BadDuration, 36, 22, "working days are for deadlines only"),

        // ---- unknown references ------------------------------------------------------------------
        Case("unknown-role", "unknown-reference", Line(31, "    responsible: police", "    responsible: polise"),
            ErrorCodes.UnknownReference, 31, 18, "'responsible' 'polise' is not a declared role", "did you mean 'police'?"),
        Case("unknown-chair", "unknown-reference", Insert(49, "        chair: manager"),
            ErrorCodes.UnknownReference, 50, 16, "'chair' 'manager' is not a declared role"),
        Case("unknown-event", "unknown-reference", Line(35, "    met-by: interview-completed:interview", "    met-by: interview-done:interview"),
            ErrorCodes.UnknownReference, 35, 13, "'interview-done' is not an event"),
        Case("unknown-activity", "unknown-reference", Line(48, "        activity: meeting", "        activity: meting"),
            ErrorCodes.UnknownReference, 48, 19, "'meting' is not a declared activity", "did you mean 'meeting'?"),
        Case("unknown-flag", "unknown-reference", Line(33, "    when: { risk: high, flag: exploitation-risk }", "    when: { risk: high, flag: exploitaton-risk }"),
            ErrorCodes.UnknownReference, 33, 31, "flag 'exploitaton-risk' is not declared", "did you mean 'exploitation-risk'?"),
        Case("unknown-risk-level", "unknown-reference", Line(33, "    when: { risk: high, flag: exploitation-risk }", "    when: { risk: hihg, flag: exploitation-risk }"),
            ErrorCodes.UnknownReference, 33, 19, "risk level 'hihg' is not one of the profile's risk-levels", "did you mean 'high'?"),
        Case("unknown-risk-level-qualifier", "unknown-reference", Line(32, "    trigger: { on: $clock }", "    trigger: { on: risk-graded:severe }"),
            ErrorCodes.UnknownReference, 32, 20, "risk level 'severe'"),
        Case("unknown-setting", "unknown-reference", Line(32, "    trigger: { on: $clock }", "    trigger: { on: $clok }"),
            ErrorCodes.UnknownReference, 32, 20, "'$clok' refers to no setting named 'clok'", "did you mean 'clock'?"),
        Case("unknown-classification", "unknown-reference", Line(41, "    counts: [missing]", "    counts: [mising]"),
            ErrorCodes.UnknownReference, 41, 14, "classification 'mising'", "did you mean 'missing'?"),
        Case("unknown-classification-default", "unknown-reference", Line(27, "  obligations-apply-to: [missing]", "  obligations-apply-to: [missin, absent]"),
            ErrorCodes.UnknownReference, 27, 26, "classification 'missin'"),
        Case("bad-ladder-count", "unknown-reference", Line(47, "        episodes: 3-5", "        episodes: three"),
            ErrorCodes.BadValue, 47, 19, "'episodes: three' is not a count"),
        Case("reversed-ladder-count", "unknown-reference", Line(47, "        episodes: 3-5", "        episodes: 5-3"),
            ErrorCodes.BadValue, 47, 19, "'episodes: 5-3' is not a count"),

        // ---- duplicate ids -----------------------------------------------------------------------
        Case("duplicate-obligation-id", "duplicate-id", Insert(37, Obligation),
            ErrorCodes.DuplicateId, 38, 9, "obligation id 'interview' is already used at line 29"),
        Case("duplicate-ladder-id", "duplicate-id", Insert(58, "  - id: repeat\n    title: Again\n    counts: [missing]\n    window: 1 month\n    citation: §5\n    rungs:\n      - { id: third, title: Third, episodes: 2+, activity: meeting, responsible: police, deadline: immediately, citation: §5 }"),
            ErrorCodes.DuplicateId, 59, 9, "ladder id 'repeat' is used twice"),
        Case("duplicate-rung-id", "duplicate-id", Line(52, "      - id: second", "      - id: first"),
            ErrorCodes.DuplicateId, 52, 13, "rung id 'first' is already used at line 45"),
        Case("duplicate-rung-id-across-ladders", "duplicate-id", Insert(58, "  - id: again\n    title: Again\n    counts: [missing]\n    window: 1 month\n    citation: §5\n    rungs:\n      - { id: second, title: Third, episodes: 2+, activity: meeting, responsible: police, deadline: immediately, citation: §5 }"),
            ErrorCodes.DuplicateId, 65, 15, "rung id 'second' is already used at line 52"),
        Case("duplicate-risk-level", "duplicate-id", Line(5, "risk-levels: [medium, high]", "risk-levels: [medium, medium, high]"),
            ErrorCodes.DuplicateId, 5, 23, "risk level 'medium' is listed twice"),
        Case("duplicate-not-encoded-id", "duplicate-id", Base + "  - id: media\n    reason: Again.\n    citation: §5\n",
            ErrorCodes.DuplicateId, 63, 9, "not-encoded id 'media' is listed twice"),

        // ---- circular or conflicting definitions -------------------------------------------------
        Case("setting-refers-to-itself", "conflict", Line(8, "    value: found", "    value: $clock"),
            ErrorCodes.CircularReference, 8, 12, "setting 'clock' refers to itself"),
        Case("settings-in-a-cycle", "conflict", Lines((8, "    value: $other"), (10, "    citation: §0\n  other:\n    value: $clock\n    reading: Circular.\n    citation: §0")),
            ErrorCodes.CircularReference, 8, 12, "settings refer to each other in a cycle: clock -> other -> clock"),
        Case("settings-in-a-cycle-through-a-list", "conflict", Lines((8, "    value: $b"), (10, "    citation: §0\n  b:\n    value: [$c, found]\n    reading: B.\n    citation: §0\n  c:\n    value: $clock\n    reading: C.\n    citation: §0")),
            ErrorCodes.CircularReference, 8, 12, "settings refer to each other in a cycle: clock -> b -> c -> clock"),
        Case("rungs-out-of-order", "conflict", Line(54, "        episodes: 6+", "        episodes: 2+"),
            ErrorCodes.RungOrder, 54, 19, "rung 'second' (2 or more) must start above rung 'first' (3 to 5)"),
        Case("rungs-overlapping", "conflict", Line(54, "        episodes: 6+", "        episodes: 5+"),
            ErrorCodes.RungOrder, 54, 19, "must start above rung 'first'"),
        Case("default-deadline-with-when", "conflict", Line(34, "    deadline: { within: 24h }", "    deadline:\n      - { when: { risk: high }, within: 1h }\n      - { when: { risk: medium }, within: 3h }"),
            ErrorCodes.Conflict, 36, 11, "the last deadline of obligation 'interview' is the default and takes no 'when'"),
        Case("deadline-alternative-without-when", "conflict", Line(34, "    deadline: { within: 24h }", "    deadline:\n      - { within: 1h }\n      - { within: 3h }"),
            ErrorCodes.MissingKey, 35, 9, "every deadline of obligation 'interview' but the last needs a 'when'"),
        Case("deadline-within-and-on", "conflict", Line(34, "    deadline: { within: 24h }", "    deadline: { within: 24h, on: same-day }"),
            ErrorCodes.Conflict, 34, 15, "needs exactly one of 'within'"),
        Case("trigger-on-and-missing-for", "conflict", Line(32, "    trigger: { on: $clock }", "    trigger: { on: $clock, missing-for: 6h }"),
            ErrorCodes.Conflict, 32, 14, "needs exactly one of 'on' (an event), 'missing-for' (a length of time)"),
        Case("encoded-and-not-encoded", "conflict", Line(60, "  - id: media", "  - id: interview"),
            ErrorCodes.Conflict, 60, 9, "'interview' is both encoded and listed under not-encoded"),
        Case("unused-setting", "conflict", Line(32, "    trigger: { on: $clock }", "    trigger: { on: found }"),
            ErrorCodes.Conflict, 7, 3, "setting 'clock' is never used"),

        // ---- missing required fields -------------------------------------------------------------
        Case("missing-citation", "missing-field", Lines((37, null)),
            ErrorCodes.MissingCitation, 29, 5, "obligation 'interview' has no 'citation'"),
        Case("missing-rung-citation", "missing-field", Lines((51, null)),
            ErrorCodes.MissingCitation, 45, 9, "rung 'first' has no 'citation'"),
        Case("missing-title", "missing-field", Lines((30, null)),
            ErrorCodes.MissingKey, 29, 5, "obligation 'interview' has no 'title'"),
        Case("missing-profile-title", "missing-field", Lines((4, null)),
            ErrorCodes.MissingKey, 2, 3, "'profile' has no 'title'"),
        Case("missing-section", "missing-field", Lines((11, null), (12, null), (13, null)),
            ErrorCodes.MissingKey, 1, 1, "the profile has no 'roles'"),

        // ---- what the file is --------------------------------------------------------------------
        Case("empty-file", "document", "", ErrorCodes.EmptyDocument, 1, 1, "the file is empty"),
        Case("whitespace-only", "document", "   \n\n  \n", ErrorCodes.EmptyDocument, 1, 1, "the file is empty"),
        Case("comment-only", "document", "# a profile will go here\n", ErrorCodes.EmptyDocument, 1, 1, "the file is empty"),
        Case("scalar-document", "document", "just some text\n", ErrorCodes.EmptyDocument, 1, 1, "must be a mapping", null),
        Case("list-document", "document", "- profile\n- obligations\n", ErrorCodes.EmptyDocument, 1, 1, "not a list"),
        Case("multiple-documents", "document", Base + "---\nprofile: { id: second }\n", ErrorCodes.Syntax, 63, 1, "more than one YAML document"),
        new("nul-bytes", "document", () => Utf8(Line(30, "    title: Interview within 24 hours", "    title: Inter\0view")),
            ErrorCodes.Unreadable, 30, 17, "NUL"),
        new("invalid-utf8", "document", () => [.. Utf8(Base[..Base.IndexOf("Interview within", StringComparison.Ordinal)]), 0xC3, 0x28, 0xFF, .. Utf8(Base[Base.IndexOf("Interview within", StringComparison.Ordinal)..])],
            ErrorCodes.Unreadable, 30, 12, "not UTF-8", TextDiffers: true),
        new("control-characters", "document", () => Utf8(Line(30, "    title: Interview within 24 hours", "    title: Inter\u0007view")),
            ErrorCodes.Unreadable, 30, 17, "the control character U+0007"),

        // ---- limits ------------------------------------------------------------------------------
        new("ten-megabytes", "limits", () => Utf8(Base + "not-encoded-padding: \"" + new string('x', 10 * 1024 * 1024) + "\"\n"),
            ErrorCodes.TooLarge, 1, 1, "may be at most 2048 KB"),
        Case("nested-flow-sequences", "limits", "a: " + new string('[', 10_000) + new string(']', 10_000) + "\n",
            ErrorCodes.TooLarge, 1, 67, "nested more than 64 levels"),
        Case("nested-flow-sequences-unclosed", "limits", new string('[', 500_000),
            ErrorCodes.TooLarge, 1, 65, "nested more than 64 levels"),
        Case("nested-flow-mappings", "limits", "a: " + string.Concat(Enumerable.Repeat("{a: ", 10_000)) + "1" + new string('}', 10_000) + "\n",
            ErrorCodes.TooLarge, 1, 253, "nested more than 64 levels"),
        Case("nested-block-sequences", "limits", "a:\n  " + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n",
            ErrorCodes.TooLarge, 2, 129, "nested more than 64 levels"),
        Case("nested-block-mappings", "limits", string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', i) + "a:\n")) + new string(' ', 1_000) + "b: 1\n",
            ErrorCodes.TooLarge, 64, 64, "nested more than 64 levels"),

        // ---- anchors and aliases -----------------------------------------------------------------
        Case("alias-bomb-9-levels", "aliases", AliasBomb(9), ErrorCodes.TooLarge, 6, 10, "expands to more than"),
        Case("alias-bomb-10-levels", "aliases", AliasBomb(10), ErrorCodes.TooLarge, 6, 10, "expands to more than"),
        Case("undefined-alias", "aliases", Line(31, "    responsible: police", "    responsible: *police"),
            ErrorCodes.Syntax, 31, 18, "the alias '*police' refers to no anchor '&police' defined before it"),
        Case("alias-before-anchor", "aliases", Lines((31, "    responsible: *who"), (49, "        responsible: &who social-worker")),
            ErrorCodes.Syntax, 31, 18, "the alias '*who' refers to no anchor"),
        Case("alias-inside-its-own-anchor", "aliases", Line(5, "risk-levels: [medium, high]", "risk-levels: &levels [medium, *levels]"),
            ErrorCodes.Syntax, 5, 31, "the alias '*levels' refers to no anchor"),
    ];
}
