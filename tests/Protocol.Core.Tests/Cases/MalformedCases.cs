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

    /// <summary>A child with the given flags (JSON list items) and no episodes.</summary>
    private static string Flags(string items) => For($$""" "child": { "id": "C-1", "flags": [ {{items}} ] } """);

    /// <summary>A child with the given dated changes (JSON list items) and no episodes.</summary>
    private static string Changes(string items) => For($$""" "child": { "id": "C-1", "changes": [ {{items}} ] } """);

    /// <summary>One episode: last seen, then the given event.</summary>
    private static string After(string type, string at, string extra = "") => Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00Z"), Ev(type, at, extra)));

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

        // Flags for a period
        { "a flag neither a name nor an object", Flags("7"), "child.flags[0]", "expected a flag name, or { flag, from, to }" },
        { "a flag period without its flag", Flags("""{ "from": "2025-04-01" }"""), "child.flags[0].flag", "required" },
        { "a flag period with an unknown field", Flags("""{ "flag": "exploitation-risk", "from": "2025-04-01", "until": "2025-05-01" }"""), "child.flags[0]", "unknown field: field no. 3 of this object is not a case field; allowed: flag, from, to" },
        { "a flag period with neither from nor to", Flags("""{ "flag": "exploitation-risk" }"""), "child.flags[0]", "give 'from', 'to' or both" },
        { "a flag period whose from and to are null", Flags("""{ "flag": "exploitation-risk", "from": null, "to": null }"""), "child.flags[0]", "give 'from', 'to' or both" },
        { "a flag period ending before it begins", Flags("""{ "flag": "exploitation-risk", "from": "2025-04-01", "to": "2025-03-31" }"""), "child.flags[0].to", "is not after 'from'" },
        { "a flag period ending the instant it begins", Flags("""{ "flag": "exploitation-risk", "from": "2025-04-01T10:00:00+01:00", "to": "2025-04-01T09:00:00Z" }"""), "child.flags[0].to", "is not after 'from'" },
        { "a flag period from a date not YYYY-MM-DD", Flags("""{ "flag": "exploitation-risk", "from": "01/04/2025" }"""), "child.flags[0].from", "expected a date written YYYY-MM-DD, or an ISO-8601 instant" },
        { "a flag period to a day that does not exist", Flags("""{ "flag": "exploitation-risk", "to": "2025-02-30" }"""), "child.flags[0].to", "expected a date written YYYY-MM-DD" },
        { "a flag period from a local time", Flags("""{ "flag": "exploitation-risk", "from": "2025-04-01T10:00:00" }"""), "child.flags[0].from", "with 'Z' or an offset" },
        { "a flag period to the last date there is", Flags("""{ "flag": "exploitation-risk", "to": "9999-12-31" }"""), "child.flags[0].to", "is the last date the calendar has" },
        { "an unknown flag for a period", Flags(""" "exploitation-risk", { "flag": "exploitaton-risk", "from": "2025-04-01" } """), "child.flags[1]", "unknown flag: not a flag of profile 'fixture'; its flags are: exploitation-risk" },

        // Dated changes
        { "changes is an object", For(""" "child": { "id": "C-1", "changes": { "from": "2025-04-01", "placement": "home-2" } } """), "child.changes", "expected a list of dated changes" },
        { "a change that is a string", Changes("\"looked-after\""), "child.changes[0]", "expected an object with 'from'" },
        { "a change without from", Changes("""{ "careStatus": "looked-after" }"""), "child.changes[0].from", "required" },
        { "a change that changes nothing", Changes("""{ "from": "2025-04-01" }"""), "child.changes[0]", "says when but not what changed" },
        { "a change whose fields are all null", Changes("""{ "from": "2025-04-01", "placement": null, "careStatus": null }"""), "child.changes[0]", "says when but not what changed" },
        { "a change to an unknown care status", Changes("""{ "from": "2025-04-01", "careStatus": "fostered" }"""), "child.changes[0].careStatus", "unknown care status: expected living-at-home, looked-after or care-leaver" },
        { "a change with an unknown field", Changes("""{ "from": "2025-04-01", "placment": "home-2" }"""), "child.changes[0]", "did you mean 'placement'?" },
        { "a change from a date not YYYY-MM-DD", Changes("""{ "from": "1 April 2025", "placement": "home-2" }"""), "child.changes[0].from", "expected a date written YYYY-MM-DD, or an ISO-8601 instant" },
        { "a change from an instant beyond the calendar", Changes("""{ "from": "-9998-01-01T00:00:00+18:00", "placement": "home-2" }"""), "child.changes[0].from", "expected a date written YYYY-MM-DD, or an ISO-8601 instant" },
        { "a change with an empty placement", Changes("""{ "from": "2025-04-01", "placement": "" }"""), "child.changes[0].placement", "must not be empty" },
        { "a change in the future, listed first", Changes("""{ "from": "2099-01-01", "careStatus": "care-leaver" }, { "from": "2025-01-01", "placement": "home-2" }"""), "child.changes[0].from", "is in the future (after the current time): a change is recorded once it has happened" },

        // New event fields and types
        { "categorised without a category", After("categorised", "2025-03-01T11:00:00Z"), "episodes[0].events[1].category", "required for categorised: one of absent, missing, no-apparent-risk" },
        { "a category on another event", After("reported-missing", "2025-03-01T11:00:00Z", "\"category\": \"missing\""), "episodes[0].events[1].category", "only categorised events have a category, not reported-missing" },
        { "an unknown police category", After("categorised", "2025-03-01T11:00:00Z", "\"category\": \"high-risk\""), "episodes[0].events[1].category", "unknown police category: expected one of absent, missing, no-apparent-risk" },
        { "a recipient on a timeline event", After("found", "2025-03-01T11:00:00Z", "\"recipient\": \"police\""), "episodes[0].events[1].recipient", "only activity records name a recipient or who did them, not found" },
        { "by on a timeline event", After("reported-missing", "2025-03-01T11:00:00Z", "\"by\": \"police\""), "episodes[0].events[1].by", "only activity records name a recipient or who did them, not reported-missing" },
        { "frequency-agreed without every", After("frequency-agreed", "2025-03-01T11:00:00Z", "\"activity\": \"daily-review\""), "episodes[0].events[1].every", "required for frequency-agreed" },
        { "every on another record", After("review-held", "2025-03-01T11:00:00Z", "\"activity\": \"daily-review\", \"every\": \"1 day\""), "episodes[0].events[1].every", "only frequency-agreed records have an interval, not review-held" },
        { "every of zero", After("frequency-agreed", "2025-03-01T11:00:00Z", "\"activity\": \"daily-review\", \"every\": \"0 days\""), "episodes[0].events[1].every", "expected an interval of more than zero" },
        { "every in working days", After("frequency-agreed", "2025-03-01T11:00:00Z", "\"activity\": \"daily-review\", \"every\": \"5 working days\""), "episodes[0].events[1].every", "expected an interval of more than zero in minutes, hours, days, weeks or months" },
        { "every not a length", After("frequency-agreed", "2025-03-01T11:00:00Z", "\"activity\": \"daily-review\", \"every\": \"weekly\""), "episodes[0].events[1].every", "expected an interval" },
        { "every a number, not text", After("frequency-agreed", "2025-03-01T11:00:00Z", "\"activity\": \"daily-review\", \"every\": 3"), "episodes[0].events[1].every", "expected a text value" },
        { "frequency-agreed without an activity", After("frequency-agreed", "2025-03-01T11:00:00Z", "\"every\": \"3 days\""), "episodes[0].events[1].activity", "required for frequency-agreed" },
        { "decision-recorded without an activity", After("decision-recorded", "2025-03-01T11:00:00Z"), "episodes[0].events[1].activity", "required for decision-recorded" },
        { "whereabouts-lost with an activity", After("whereabouts-lost", "2025-03-01T11:00:00Z", "\"activity\": \"interview\""), "episodes[0].events[1].activity", "only activity records have an activity, not whereabouts-lost" },
        { "whereabouts lost before last-seen", After("whereabouts-lost", "2025-03-01T09:00:00Z"), "episodes[0].events[1].at", "whereabouts-lost is before last-seen (episodes[0].events[0])" },
        { "an instant beyond the calendar", Doc(Episode("E-1", Ev("last-seen", "9999-12-31T23:59:59-18:00"))), "episodes[0].events[0].at", "with 'Z' or an offset" },

        // The profile's vocabulary
        { "unknown flag", For(""" "child": { "id": "C-1", "flags": ["exploitation-risk", "exploitaton-risk"] } """), "child.flags[1]", "unknown flag: not a flag of profile 'fixture'; its flags are: exploitation-risk" },
        { "unknown risk level", Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00Z"), Ev("risk-graded", "2025-03-01T11:00:00Z", "\"level\": \"severe\""))), "episodes[0].events[1].level", "unknown risk level: profile 'fixture' grades risk as low, medium, high" },
        { "unknown activity", Doc(Episode("E-1", Ev("last-seen", "2025-03-01T10:00:00Z"), Ev("meeting-held", "2025-03-02T10:00:00Z", "\"activity\": \"tea-party\""))), "episodes[0].events[1].activity", "unknown activity" },
        { "an unknown recipient", After("notification-sent", "2025-03-01T11:00:00Z", "\"activity\": \"school-notice\", \"recipient\": \"headteacher\""), "episodes[0].events[1].recipient", "unknown recipient: not a role of profile 'fixture'; its roles are: police, social-worker, manager" },
        { "an unknown role doing it", After("decision-recorded", "2025-03-01T11:00:00Z", "\"activity\": \"strategy-meeting\", \"by\": \"Police\""), "episodes[0].events[1].by", "unknown role: not a role of profile 'fixture'; its roles are: police, social-worker, manager" },
        { "an unknown recipient of a child record", """{ "child": { "id": "C-1" }, "episodes": [], "records": [ { "type": "meeting-held", "activity": "strategy-meeting", "at": "2025-03-01T10:00:00Z" }, { "type": "notification-sent", "activity": "school-notice", "at": "2025-03-01T10:00:00Z", "recipient": "school" } ] }""", "records[1].recipient", "its roles are: police, social-worker, manager" },

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
        { "caseload: a child's change in the future", """{ "children": [ { "child": { "id": "C-1" }, "episodes": [] }, { "child": { "id": "C-2", "changes": [ { "from": "2099-01-01", "placement": "home-b" } ] }, "episodes": [] } ] }""", "children[1].child.changes[0].from", "is in the future" },
        { "caseload: an establishment record by an unknown role", """{ "children": [], "establishments": [ { "id": "home-a", "records": [ { "type": "review-held", "activity": "home-review", "at": "2025-05-01T10:00:00Z", "by": "inspector" } ] } ] }""", "establishments[0].records[0].by", "unknown role: not a role of profile 'fixture'" },
        { "caseload: duplicate establishments", """{ "children": [], "establishments": [ { "id": "home-a", "records": [] }, { "id": "home-a", "records": [] } ] }""", "establishments[1].id", "the same id as establishments[0]" },
    };
}
