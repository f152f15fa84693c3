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
    public static string Serialize(Assessment a) => Serialize(a, null);

    /// <summary>
    /// Serialises the assessment with what falls due within a horizon (<see cref="Horizon.Coming"/>), under
    /// <c>horizon</c>: its end and the coming items.
    /// </summary>
    public static string Serialize(Assessment a, (Instant Until, IReadOnlyList<ComingDuty> Items)? horizon)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options)) Write(w, a, horizon);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Serialises a caseload assessment: each child's assessment and the establishments' escalations.</summary>
    public static string Serialize(CaseloadAssessment c) => Serialize(c, null);

    /// <summary>
    /// Serialises a caseload assessment, each child with what falls due within a horizon (<see cref="Horizon.Coming"/>)
    /// when <paramref name="horizon"/> gives it.
    /// </summary>
    public static string Serialize(CaseloadAssessment c, Func<Assessment, (Instant Until, IReadOnlyList<ComingDuty> Items)>? horizon)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("profile", c.ProfileId);
            w.WriteString("evaluatedAt", Utc.Format(c.EvaluatedAt));
            w.WriteStartArray("children");
            foreach (var a in c.Children) Write(w, a, horizon?.Invoke(a));
            w.WriteEndArray();
            WriteEscalations(w, "establishments", c.Establishments);
            WriteLadders(w, "establishmentLadders", c.EstablishmentLadders);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, Assessment a, (Instant Until, IReadOnlyList<ComingDuty> Items)? horizon = null)
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
            w.WriteStartArray("history");
            foreach (var h in e.History)
            {
                w.WriteStartObject();
                w.WriteString("from", Utc.Format(h.From));
                w.WriteString("classification", h.Classification);
                w.WriteString("reason", h.Reason);
                WriteOptional(w, "citation", h.Citation);
                w.WriteEndObject();
            }
            w.WriteEndArray();
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
            if (o.Recipient is { } recipient) w.WriteString("recipient", recipient.Id);
            WriteOptional(w, "owner", o.Owner);
            w.WriteString("trigger", o.Trigger);
            w.WriteString("triggeredAt", Utc.Format(o.TriggeredAt));
            w.WriteString("countedFrom", Utc.Format(o.CountedFrom));
            WriteDue(w, o.Due);
            WriteOptional(w, "deadlineRule", o.DeadlineRule);
            if (o.WaitingFor is { } waiting) w.WriteString("waitingFor", waiting);
            w.WriteString("status", o.Status.Name());
            WriteMet(w, o.MetBy);
            WriteMinutes(w, "metAfterMinutes", o.MetAfter);
            w.WriteString("citation", o.Citation);
            WriteOptional(w, "reading", o.Reading);
            WriteLines(w, "explanation", o.Explanation);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteEscalations(w, "escalations", a.Escalations);
        WriteLadders(w, "ladders", a.Ladders);
        WriteLines(w, "assumptions", a.Assumptions);
        if (horizon is { } coming)
        {
            w.WriteStartObject("horizon");
            w.WriteString("until", Utc.Format(coming.Until));
            w.WriteStartArray("items");
            foreach (var d in coming.Items)
            {
                w.WriteStartObject();
                w.WriteString("kind", d.Kind);
                w.WriteString("id", d.Id);
                w.WriteString("title", d.Title);
                WriteOptional(w, "episode", d.EpisodeId);
                if (d.Occurrence is { } n) w.WriteNumber("occurrence", n);
                if (d.Recipient is { } r) w.WriteString("recipient", r.Id);
                w.WriteString("status", d.Status.Name());
                w.WriteString("arisesAt", Utc.Format(d.ArisesAt));
                WriteDue(w, d.Due);
                w.WriteString("responsible", d.Responsible.Id);
                w.WriteString("citation", d.Citation);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
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
            WriteOptional(w, "owner", e.Owner);
            WriteDue(w, e.Due);
            w.WriteString("status", e.Status.Name());
            WriteMet(w, e.MetBy);
            WriteMinutes(w, "metAfterMinutes", e.MetAfter);
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
        WriteInstant(w, "lateAfter", due.LateAfter);
        w.WriteEndObject();
    }

    private static void WriteMinutes(Utf8JsonWriter w, string name, Duration? duration)
    {
        if (duration is { } d) w.WriteNumber(name, (long)Math.Floor(d.TotalMinutes));
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
