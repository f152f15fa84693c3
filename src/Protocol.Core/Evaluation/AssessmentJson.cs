using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Protocol.Core.Evaluation;

/// <summary>
/// Writes an assessment as stable JSON: fixed property order, ISO-8601 instants in UTC plus local time,
/// kebab-case enum names, no culture-dependent formatting. Same assessment, same bytes.
/// </summary>
public static class AssessmentJson
{
    private static readonly InstantPattern Utc = InstantPattern.ExtendedIso;

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serialises the assessment, indented.</summary>
    public static string Serialize(Assessment a)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options)) Write(w, a);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Serialises a caseload assessment: each child's assessment and the establishments' escalations.</summary>
    public static string Serialize(CaseloadAssessment c)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("profile", c.ProfileId);
            w.WriteString("evaluatedAt", Utc.Format(c.EvaluatedAt));
            w.WriteStartArray("children");
            foreach (var a in c.Children) Write(w, a);
            w.WriteEndArray();
            WriteEscalations(w, "establishments", c.Establishments);
            WriteLadders(w, "establishmentLadders", c.EstablishmentLadders);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, Assessment a)
    {
        w.WriteStartObject();
        w.WriteString("profile", a.ProfileId);
        WriteOptional(w, "profileVersion", a.ProfileVersion);
        w.WriteString("evaluatedAt", Utc.Format(a.EvaluatedAt));
        w.WriteString("childId", a.ChildId);
        if (a.Age is { } age) w.WriteNumber("age", age); else w.WriteNull("age");
        WriteOptional(w, "classification", a.Classification);
        WriteOptional(w, "classificationReason", a.ClassificationReason);
        WriteOptional(w, "currentRisk", a.CurrentRisk);
        w.WriteStartArray("episodes");
        foreach (var e in a.Episodes)
        {
            w.WriteStartObject();
            w.WriteString("id", e.EpisodeId);
            w.WriteString("classification", e.Classification);
            w.WriteString("reason", e.Reason);
            WriteOptional(w, "citation", e.Citation);
            WriteOptional(w, "risk", e.Risk);
            WriteInstant(w, "started", e.Started);
            WriteInstant(w, "ended", e.Ended);
            w.WriteBoolean("open", e.Open);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("obligations");
        foreach (var o in a.Obligations)
        {
            w.WriteStartObject();
            w.WriteString("id", o.Id);
            w.WriteString("title", o.Title);
            w.WriteString("nature", o.Nature.Name());
            w.WriteString("responsible", o.Responsible.Id);
            w.WriteString("responsibleTitle", o.Responsible.Title);
            WriteOptional(w, "episode", o.EpisodeId);
            if (o.Occurrence is { } n) w.WriteNumber("occurrence", n);
            w.WriteString("trigger", o.Trigger);
            w.WriteString("triggeredAt", Utc.Format(o.TriggeredAt));
            w.WriteString("countedFrom", Utc.Format(o.CountedFrom));
            WriteDue(w, o.Due);
            w.WriteString("status", o.Status.Name());
            WriteMet(w, o.MetBy);
            w.WriteString("citation", o.Citation);
            WriteOptional(w, "reading", o.Reading);
            WriteLines(w, "explanation", o.Explanation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteEscalations(w, "escalations", a.Escalations);
        WriteLadders(w, "ladders", a.Ladders);
        WriteLines(w, "assumptions", a.Assumptions);
        w.WriteEndObject();
    }

    private static void WriteEscalations(Utf8JsonWriter w, string name, IReadOnlyList<EscalationResult> escalations)
    {
        w.WriteStartArray(name);
        foreach (var e in escalations)
        {
            w.WriteStartObject();
            w.WriteString("ladder", e.LadderId);
            w.WriteString("rung", e.RungId);
            w.WriteString("title", e.Title);
            w.WriteString("nature", e.Nature.Name());
            w.WriteString("range", e.Range);
            w.WriteNumber("count", e.Count);
            if (e.WindowFrom is { } from) w.WriteString("windowFrom", LocalDatePattern.Iso.Format(from)); else w.WriteNull("windowFrom");
            w.WriteString("windowTo", LocalDatePattern.Iso.Format(e.WindowTo));
            WriteOptional(w, "establishment", e.Establishment);
            w.WriteString("triggerChild", e.TriggerChildId);
            w.WriteString("triggerEpisode", e.TriggerEpisodeId);
            w.WriteString("triggeredAt", Utc.Format(e.TriggeredAt));
            w.WriteString("activity", e.Activity.Id);
            WriteOptional(w, "chair", e.Chair?.Id);
            w.WriteString("responsible", e.Responsible.Id);
            WriteDue(w, e.Due);
            w.WriteString("status", e.Status.Name());
            WriteMet(w, e.MetBy);
            w.WriteString("citation", e.Citation);
            WriteLines(w, "explanation", e.Explanation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteLadders(Utf8JsonWriter w, string name, IReadOnlyList<LadderPosition> ladders)
    {
        w.WriteStartArray(name);
        foreach (var l in ladders)
        {
            w.WriteStartObject();
            w.WriteString("id", l.LadderId);
            w.WriteString("title", l.Title);
            w.WriteNumber("countNow", l.CountNow);
            WriteOptional(w, "highestRungReached", l.HighestRungReached);
            w.WriteString("window", l.Window);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteDue(Utf8JsonWriter w, DueTime? due)
    {
        if (due is null) { w.WriteNull("due"); return; }
        w.WriteStartObject("due");
        w.WriteString("utc", Utc.Format(due.Utc));
        w.WriteString("local", due.Local);
        w.WriteString("rule", due.Rule);
        w.WriteBoolean("immediate", due.Immediate);
        w.WriteEndObject();
    }

    private static void WriteMet(Utf8JsonWriter w, MetEvent? met)
    {
        if (met is null) { w.WriteNull("metBy"); return; }
        w.WriteStartObject("metBy");
        w.WriteString("event", met.Event);
        w.WriteString("at", Utc.Format(met.At));
        w.WriteEndObject();
    }

    private static void WriteInstant(Utf8JsonWriter w, string name, Instant? instant)
    {
        if (instant is { } i) w.WriteString(name, Utc.Format(i)); else w.WriteNull(name);
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static void WriteLines(Utf8JsonWriter w, string name, IReadOnlyList<string> lines)
    {
        w.WriteStartArray(name);
        foreach (var line in lines) w.WriteStringValue(line);
        w.WriteEndArray();
    }
}
