namespace Protocol.Tests.Shared;

/// <summary>
/// Case files with recognisable personal details in every free-text position, for the privacy tests of the
/// reader, evaluator and CLI (linked into Protocol.Cli.Tests). Ids are opaque references that an assessment
/// deliberately echoes (it must say which child and episode it is about), so the <em>valid</em> case keeps
/// neutral ids and puts the details everywhere else; the malformed cases put them in the ids too, because
/// error messages never echo ids.
/// </summary>
public static class PrivacyCases
{
    public const string Name = "Zebedee Quatermass-Plunkett";
    public const string Postcode = "SW1A 1AA";
    public const string Phone = "07700 900461";
    public const string Email = "zebedee.qp@example.org";

    /// <summary>Every recognisable string, and the distinctive parts of the name.</summary>
    public static IReadOnlyList<string> All { get; } = [Name, "Zebedee", "Quatermass", "Plunkett", Postcode, Phone, Email];

    /// <summary>Structural problems everywhere: unknown keys and values, wrong types, bad instants and dates.</summary>
    public static string StructurallyMalformed { get; } = $$"""
        {
          "child": {
            "id": "{{Name}}", "dateOfBirth": "{{Name}}", "careStatus": "{{Postcode}}", "placement": "{{Postcode}}",
            "responsibleAuthority": "{{Name}}", "hostAuthority": "{{Phone}}", "flags": ["{{Name}}", 7,
              { "flag": "{{Name}}", "from": "{{Postcode}}", "to": "{{Phone}}", "{{Email}}": "{{Name}}" },
              { "flag": "{{Email}}" },
              { "flag": "{{Phone}}", "from": "2025-04-01", "to": "2025-03-01" },
              { "flag": 7, "to": "{{Name}}" }
            ],
            "changes": [
              { "from": "{{Email}}", "careStatus": "{{Name}}", "responsibleAuthority": "{{Name}}", "hostAuthority": "{{Phone}}", "placement": "{{Postcode}}", "{{Name}}": "{{Phone}}" },
              { "from": "2025-04-01" },
              { "responsibleAuthority": "{{Name}}", "hostAuthority": "{{Phone}}", "placement": "{{Postcode}}" },
              "{{Name}}"
            ],
            "{{Name}}": "{{Postcode}}", "address": "{{Postcode}}", "phone": "{{Phone}}"
          },
          "episodes": [
            { "id": "{{Name}}", "placement": "{{Email}}", "{{Email}}": { "{{Name}}": "{{Phone}}" }, "events": [
              { "type": "{{Name}}", "at": "{{Postcode}}" },
              { "type": "last-seen", "at": "{{Phone}}", "activity": "{{Email}}" },
              { "type": "found", "at": "2025-03-01T10:00:00Z", "level": "{{Name}}" },
              { "type": "risk-graded", "at": "2025-03-01T10:00:00+25:00", "level": "{{Name}}", "{{Phone}}": "{{Name}}" },
              { "type": "meeting-held", "at": "2025-03-01T10:00:00Z" },
              "{{Name}}",
              { "type": "categorised", "at": "2025-03-01T10:00:00Z", "category": "{{Name}}" },
              { "type": "found", "at": "2025-03-01T10:00:00Z", "category": "{{Postcode}}" },
              { "type": "returned", "at": "2025-03-01T10:00:00Z", "recipient": "{{Email}}" },
              { "type": "carer-aware", "at": "2025-03-01T10:00:00Z", "by": "{{Phone}}" },
              { "type": "frequency-agreed", "at": "2025-03-01T10:00:00Z", "activity": "{{Email}}", "every": "{{Phone}}" },
              { "type": "frequency-agreed", "at": "2025-03-01T10:00:00Z", "activity": "daily-review", "every": "3 {{Name}}" },
              { "type": "review-held", "at": "2025-03-01T10:00:00Z", "activity": "{{Name}}", "every": "{{Postcode}}" },
              { "type": "whereabouts-lost", "at": "{{Email}}" }
            ] }
          ],
          "records": [ { "type": "found", "at": "2025-03-01T10:00:00Z", "{{Postcode}}": "{{Name}}" } ]
        }
        """;

    /// <summary>A sound structure with problems of meaning: unknown vocabulary, duplicate ids, overlapping and open episodes.</summary>
    public static string SemanticallyMalformed { get; } = $$"""
        {
          "child": {
            "id": "{{Name}}", "dateOfBirth": "2025-03-02", "careStatus": "looked-after", "placement": "{{Postcode}}",
            "responsibleAuthority": "{{Name}}", "hostAuthority": "{{Phone}}",
            "flags": ["{{Name}}", "{{Postcode}}", { "flag": "{{Email}}", "from": "2025-01-01", "to": "2025-02-01T10:00:00Z" }],
            "changes": [
              { "from": "2099-01-01", "careStatus": "care-leaver", "responsibleAuthority": "{{Name}}", "hostAuthority": "{{Phone}}", "placement": "{{Postcode}}" },
              { "from": "2025-02-01T00:00:00Z", "placement": "{{Email}}", "hostAuthority": "{{Name}}" }
            ]
          },
          "episodes": [
            { "id": "{{Name}}", "placement": "{{Email}}", "events": [
              { "type": "last-seen", "at": "2025-03-01T10:00:00Z" },
              { "type": "risk-graded", "at": "2025-03-01T11:00:00Z", "level": "{{Name}}" },
              { "type": "interview-completed", "at": "2025-03-01T12:00:00Z", "activity": "{{Email}}" },
              { "type": "found", "at": "2025-03-01T09:00:00Z" },
              { "type": "found", "at": "2025-03-02T09:00:00Z" },
              { "type": "whereabouts-lost", "at": "2025-03-01T08:00:00Z" },
              { "type": "decision-recorded", "at": "2025-03-01T13:00:00Z", "activity": "strategy-meeting", "by": "{{Name}}", "recipient": "{{Postcode}}" },
              { "type": "frequency-agreed", "at": "2025-03-01T13:00:00Z", "activity": "{{Phone}}", "every": "3 days", "by": "{{Email}}" }
            ] },
            { "id": "{{Name}}", "events": [ { "type": "last-seen", "at": "2025-03-01T08:00:00Z" } ] },
            { "id": "{{Postcode}}", "events": [ { "type": "reported-missing", "at": "2099-03-01T08:00:00Z" } ] },
            { "id": "{{Phone}}", "events": [] }
          ],
          "records": [
            { "type": "meeting-held", "at": "2025-03-05T10:00:00Z", "activity": "{{Postcode}}" },
            { "type": "notification-sent", "at": "2025-03-05T11:00:00Z", "activity": "school-notice", "recipient": "{{Email}}", "by": "{{Phone}}" }
          ]
        }
        """;

    /// <summary>A valid case (fixture profile) with the details in every non-id free-text position; ids are neutral.</summary>
    public static string Valid { get; } = $$"""
        {
          "child": {
            "id": "C-1", "dateOfBirth": "2010-06-15", "careStatus": "looked-after", "placement": "{{Postcode}}",
            "responsibleAuthority": "{{Name}}", "hostAuthority": "{{Phone}}",
            "flags": ["exploitation-risk", { "flag": "exploitation-risk", "from": "2025-05-01", "to": "2025-05-31" }],
            "changes": [
              { "from": "2025-05-15", "careStatus": "looked-after", "responsibleAuthority": "{{Phone}}", "hostAuthority": "{{Name}}", "placement": "{{Email}}" },
              { "from": "2025-02-01T09:00:00Z", "careStatus": "looked-after", "hostAuthority": "{{Name}}", "placement": "{{Postcode}}" }
            ]
          },
          "episodes": [
            { "id": "E-1", "placement": "{{Email}}", "events": [
              { "type": "last-seen", "at": "2025-03-01T10:00:00Z" },
              { "type": "reported-missing", "at": "2025-03-01T12:00:00Z" },
              { "type": "categorised", "at": "2025-03-01T12:05:00Z", "category": "missing" },
              { "type": "notification-sent", "at": "2025-03-01T12:20:00Z", "activity": "school-notice", "recipient": "social-worker", "by": "police" },
              { "type": "whereabouts-known", "at": "2025-03-01T15:00:00Z" },
              { "type": "whereabouts-lost", "at": "2025-03-01T18:00:00Z" },
              { "type": "reported-missing", "at": "2025-03-01T19:00:00Z" },
              { "type": "risk-graded", "at": "2025-03-01T12:10:00Z", "level": "high" },
              { "type": "found", "at": "2025-03-02T09:00:00Z" },
              { "type": "interview-completed", "at": "2025-03-03T10:00:00Z", "activity": "interview" }
            ] },
            { "id": "E-2", "placement": "{{Name}}", "events": [
              { "type": "carer-aware", "at": "2025-05-30T22:00:00+01:00" },
              { "type": "reported-missing", "at": "2025-05-31T01:00:00+01:00" },
              { "type": "risk-graded", "at": "2025-05-31T01:30:00+01:00", "level": "medium" },
              { "type": "found", "at": "2025-06-03T10:00:00Z" }
            ] }
          ],
          "records": [
            { "type": "meeting-held", "at": "2025-05-31T10:00:00Z", "activity": "strategy-meeting", "by": "manager" },
            { "type": "decision-recorded", "at": "2025-05-31T11:00:00Z", "activity": "stage-1-meeting", "by": "social-worker" },
            { "type": "frequency-agreed", "at": "2025-05-31T11:30:00Z", "activity": "daily-review", "every": "12h", "by": "manager", "recipient": "police" }
          ]
        }
        """;

    /// <summary>
    /// <see cref="Valid"/> as a caseload. Placements are establishment ids, which a caseload assessment echoes (an
    /// escalation names its establishment), so they are neutral here; the authorities still carry the details.
    /// </summary>
    public static string ValidCaseload { get; } =
        $$"""{ "children": [ {{Valid.Replace($"\"{Postcode}\"", "\"home-a\"").Replace($"\"{Email}\"", "\"home-a\"").Replace($"\"placement\": \"{Name}\"", "\"placement\": \"home-a\"")}} ] }""";

    /// <summary>The evaluation instant for <see cref="Valid"/>: before E-2's found, so one event is ignored.</summary>
    public const string At = "2025-06-01T12:00:00Z";
}
