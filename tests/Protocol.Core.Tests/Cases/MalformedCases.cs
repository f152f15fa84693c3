namespace Protocol.Tests.Shared;

/// <summary>
/// Malformed case files and the error each must produce: the path of the field and a fragment of the message.
/// Shared by the reader tests (Protocol.Core.Tests) and the CLI tests (linked into Protocol.Cli.Tests), both
/// against the fixture profile (tests/Protocol.Core.Tests/Fixtures/fixture.yaml), evaluated at <see cref="At"/>.
/// Every instant is before the real current time except where a case is about the future.
/// </summary>
public static class MalformedCases
{
    /// <summary>The evaluation instant used with every case.</summary>
    public const string At = "2025-06-01T12:00:00Z";

    /// <summary>The fixture profile, relative to the repository root.</summary>
    public const string ProfilePath = "tests/Protocol.Core.Tests/Fixtures/fixture.yaml";

    private const string Child = """ "child": { "id": "C-1", "dateOfBirth": "2010-06-15", "careStatus": "looked-after", "flags": ["exploitation-risk"] } """;

    private static string Ev(string type, string at, string extra = "") =>
        $$"""{ "type": "{{type}}", "at": "{{at}}"{{(extra.Length > 0 ? ", " + extra : "")}} }""";

    private static string Episode(string id, params string[] events) =>
        $$"""{ "id": "{{id}}", "events": [ {{string.Join(", ", events)}} ] }""";

    private static string For(string child, params string[] episodes) =>
        $$"""{ {{child}}, "episodes": [ {{string.Join(", ", episodes)}} ] }""";

    private static string Doc(params string[] episodes) => For(Child, episodes);

    private static string Open(string id, string day) =>
        Episode(id, Ev("last-seen", $"2025-{day}T10:00:00Z"), Ev("reported-missing", $"2025-{day}T12:00:00Z"));

    private static string Closed(string id, string day) =>
        Episode(id, Ev("last-seen", $"2025-{day}T10:00:00Z"), Ev("reported-missing", $"2025-{day}T12:00:00Z"), Ev("found", $"2025-{day}T20:00:00Z"));

    /// <summary>A valid case: the base every mutation starts from.</summary>
    public static string Valid { get; } = Doc(
        Closed("E-1", "03-01"),
        Episode("E-2", Ev("last-seen", "2025-04-01T10:00:00Z"), Ev("reported-missing", "2025-04-01T12:00:00Z"),
            Ev("risk-graded", "2025-04-01T12:10:00Z", "\"level\": \"high\""), Ev("found", "2025-04-02T09:00:00+01:00"),
            Ev("interview-completed", "2025-04-03T10:00:00Z", "\"activity\": \"interview\"")));

    /// <summary>(name, json, path, message fragment).</summary>
    public static TheoryData<string, string, string, string> All { get; } = new()
    {
        // The file itself
        { "empty file", "", "$", "the case is empty" },
        { "only whitespace", "  \n\t ", "$", "the case is empty" },
        { "truncated JSON", """{ "child": { "id": "C-1" }, "episodes": [ { "id": "E-1", "ev""", "$", "not valid JSON" },
        { "a list, not an object", "[ 1, 2 ]", "$", "expected a JSON object" },
        { "null", "null", "$", "expected a JSON object" },
        { "nested too deep", new string('[', 80) + new string(']', 80), "$", "not valid JSON" },
        { "a key given twice", """{ "child": { "id": "C-1", "id": "C-2" }, "episodes": [] }""", "$", "a field is given twice" },
        { "two spellings of one key", """{ "child": { "id": "C-1", "dateOfBirth": "2010-06-15", "date-of-birth": "2010-06-15" }, "episodes": [] }""", "child.dateOfBirth", "given twice" },

        // Wrong JSON types and missing parts
        { "no child", """{ "episodes": [] }""", "child", "required" },
        { "no episodes", """{ "child": { "id": "C-1" } }""", "episodes", "required" },
        { "episodes is an object", """{ "child": { "id": "C-1" }, "episodes": { "id": "E-1" } }""", "episodes", "expected a list" },
        { "child is a list", """{ "child": [ "C-1" ], "episodes": [] }""", "child", "expected an object" },
        { "child id is a number", """{ "child": { "id": 17 }, "episodes": [] }""", "child.id", "expected a text value" },
        { "child id is empty", """{ "child": { "id": "" }, "episodes": [] }""", "child.id", "must not be empty" },
        { "flags is a string", """{ "child": { "id": "C-1", "flags": "exploitation-risk" }, "episodes": [] }""", "child.flags", "expected a list" },
        { "event is a string", Doc(Episode("E-1", "\"found\"")), "episodes[0].events[0]", "expected an event object" },
        { "at is a number", Doc(Episode("E-1", """{ "type": "last-seen", "at": 1743500000 }""")), "episodes[0].events[0].at", "expected a text value" },
        { "episode without id", Doc("""{ "events": [ { "type": "last-seen", "at": "2025-03-01T10:00:00Z" } ] }"""), "episodes[0].id", "required" },
        { "unknown field on the child", For(""" "child": { "id": "C-1", "fullName": "x" } """), "child", "unknown field: field no. 2" },
        { "misspelt field, with a suggestion", For(""" "child": { "id": "C-1", "dateOfBrith": "2010-06-15" } """), "child", "did you mean 'dateOfBirth'?" },

        // Values
        { "unknown event type", Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00Z"), Ev("went-missing", "2025-03-01T11:00:00Z"))), "episodes[0].events[1].type", "unknown event type" },
        { "unknown care status", For(""" "child": { "id": "C-1", "careStatus": "fostered" } """), "child.careStatus", "unknown care status" },
        { "date of birth not YYYY-MM-DD", For(""" "child": { "id": "C-1", "dateOfBirth": "15/06/2010" } """), "child.dateOfBirth", "YYYY-MM-DD" },
        { "risk-graded without a level", Doc(Episode("E-1", Ev("risk-graded", "2025-03-01T10:00:00Z"))), "episodes[0].events[0].level", "required for risk-graded" },
        { "a level on another event", Doc(Episode("E-1", Ev("found", "2025-03-01T10:00:00Z", "\"level\": \"high\""))), "episodes[0].events[0].level", "only risk-graded events have a level" },
        { "activity record without an activity", Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00Z"), Ev("meeting-held", "2025-03-02T10:00:00Z"))), "episodes[0].events[1].activity", "required for meeting-held" },
        { "a timeline event among child records", """{ "child": { "id": "C-1" }, "episodes": [], "records": [ { "type": "found", "at": "2025-03-01T10:00:00Z" } ] }""", "records[0].type", "activity records only" },

        // Instants and offsets
        { "instant without an offset", Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00"))), "episodes[0].events[0].at", "with 'Z' or an offset" },
        { "offset out of range (+25:00)", Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00+25:00"))), "episodes[0].events[0].at", "with 'Z' or an offset" },
        { "a date, not an instant", Doc(Episode("E-1", Ev("last-seen", "2025-03-01"))), "episodes[0].events[0].at", "with 'Z' or an offset" },
        { "a day that does not exist", Doc(Episode("E-1", Ev("last-seen", "2025-02-30T10:00:00Z"))), "episodes[0].events[0].at", "with 'Z' or an offset" },
        { "a space instead of T", Doc(Episode("E-1", Ev("last-seen", "2025-03-01 10:00:00Z"))), "episodes[0].events[0].at", "with 'Z' or an offset" },
        { "a local time with a zone name", Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00 Europe/London"))), "episodes[0].events[0].at", "with 'Z' or an offset" },

        // The profile's vocabulary
        { "unknown flag", For(""" "child": { "id": "C-1", "flags": ["exploitation-risk", "exploitaton-risk"] } """), "child.flags[1]", "unknown flag: not a flag of profile 'fixture'; its flags are: exploitation-risk" },
        { "unknown risk level", Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00Z"), Ev("risk-graded", "2025-03-01T11:00:00Z", "\"level\": \"severe\""))), "episodes[0].events[1].level", "unknown risk level: profile 'fixture' grades risk as low, medium, high" },
        { "unknown activity", Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00Z"), Ev("meeting-held", "2025-03-02T10:00:00Z", "\"activity\": \"tea-party\""))), "episodes[0].events[1].activity", "unknown activity" },

        // Order of events within an episode
        { "found before last-seen", Doc(Episode("E-1", Ev("reported-missing", "2025-03-01T12:00:00Z"), Ev("last-seen", "2025-03-01T10:00:00Z"), Ev("found", "2025-03-01T09:00:00Z"))), "episodes[0].events[2].at", "found is before last-seen (episodes[0].events[1])" },
        { "returned before last-seen", Doc(Episode("E-1", Ev("returned", "2025-03-01T09:00:00Z"), Ev("last-seen", "2025-03-01T10:00:00Z"))), "episodes[0].events[0].at", "returned is before last-seen" },
        { "whereabouts known before last-seen", Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00+01:00"), Ev("whereabouts-known", "2025-03-01T08:30:00Z"))), "episodes[0].events[1].at", "whereabouts-known is before last-seen" },
        { "return notified before the return", Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00Z"), Ev("return-notified", "2025-03-01T11:00:00Z"), Ev("returned", "2025-03-01T12:00:00Z"))), "episodes[0].events[1].at", "return-notified is before the child was back (episodes[0].events[2])" },
        { "two last-seen in one episode", Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00Z"), Ev("found", "2025-03-01T20:00:00Z"), Ev("last-seen", "2025-03-01T11:00:00Z"))), "episodes[0].events[2].type", "a second last-seen in the same episode (the first is episodes[0].events[0])" },
        { "two found in one episode", Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00Z"), Ev("found", "2025-03-01T20:00:00Z"), Ev("found", "2025-03-02T20:00:00Z"))), "episodes[0].events[2].type", "a second found" },
        { "an episode without events", Doc(Episode("E-1")), "episodes[0].events", "at least one event" },

        // Episodes together
        { "duplicate episode ids", Doc(Closed("E-1", "03-01"), Closed("E-1", "04-01")), "episodes[1].id", "the same id as episodes[0]: episode ids must be unique" },
        { "overlapping episodes", Doc(Closed("E-1", "03-01"), Episode("E-2", Ev("last-seen", "2025-03-01T15:00:00Z"), Ev("found", "2025-03-02T10:00:00Z"))), "episodes[1].events[0].at", "begins before episodes[0] ended (episodes[0].events[2])" },
        { "overlapping episodes listed out of order", Doc(Episode("E-2", Ev("reported-missing", "2025-03-01T15:00:00Z"), Ev("found", "2025-03-02T10:00:00Z")), Closed("E-1", "03-01")), "episodes[0].events[0].at", "episodes cannot overlap" },
        { "two open episodes", Doc(Open("E-1", "03-01"), Open("E-2", "04-01")), "episodes[0]", "episodes[0] and episodes[1] are both open" },
        { "an open episode before a closed one", Doc(Closed("E-2", "04-01"), Open("E-1", "03-01")), "episodes[1]", "but episodes[0] begins after it: only the latest episode can be open" },

        // Dates of birth and the future
        { "born after an episode", For(""" "child": { "id": "C-1", "dateOfBirth": "2025-03-15" } """, Closed("E-1", "03-01")), "child.dateOfBirth", "is after the child's first record (episodes[0].events[0])" },
        { "born after the evaluation instant", For(""" "child": { "id": "C-1", "dateOfBirth": "2025-07-01" } """), "child.dateOfBirth", "is after the evaluation instant" },
        { "an event in the future", Doc(Closed("E-1", "03-01"), Episode("E-2", Ev("last-seen", "2099-04-01T10:00:00Z"))), "episodes[1].events[0].at", "is in the future" },
        { "a child record in the future", """{ "child": { "id": "C-1" }, "episodes": [], "records": [ { "type": "meeting-held", "activity": "strategy-meeting", "at": "2099-03-01T10:00:00Z" } ] }""", "records[0].at", "is in the future" },

        // Caseloads
        { "caseload: duplicate child ids", """{ "children": [ { "child": { "id": "C-1" }, "episodes": [] }, { "child": { "id": "C-1" }, "episodes": [] } ] }""", "children[1].child.id", "the same id as children[0]: child ids must be unique" },
        { "caseload: a child's overlapping episodes", """{ "children": [ { "child": { "id": "C-1" }, "episodes": [ """ + Open("E-1", "03-01") + ", " + Open("E-2", "03-01") + """ ] } ] }""", "children[0].episodes[0]", "both open" },
        { "caseload: duplicate establishments", """{ "children": [], "establishments": [ { "id": "home-a", "records": [] }, { "id": "home-a", "records": [] } ] }""", "establishments[1].id", "the same id as establishments[0]" },
    };
}
