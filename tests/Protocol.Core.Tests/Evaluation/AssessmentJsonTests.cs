using System.Text.Json;
using CsCheck;
using NodaTime;
using NodaTime.Text;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Core.Tests.Properties;
using Protocol.Profiles;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// The JSON output says exactly what the assessment says: every field under its documented name, in its fixed
/// order, instants in ISO-8601 UTC, local due times with their offset, kebab-case names, nulls written where the
/// field is optional and absent where the docs say "only when set" (occurrence, recipient, waitingFor,
/// metAfterMinutes). Read back field by field on generated children of every shipped profile, and on a fixture
/// child that has every kind of item (occurrences, recipients, an external owner, a wait, a ladder, a horizon).
/// </summary>
public class AssessmentJsonTests
{
    private static readonly Instant From2024 = Instant.FromUtc(2024, 1, 1, 0, 0);

    public static TheoryData<string> ShippedIds() => new(ProfileCatalog.Shipped.Ids);

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public void TheJson_SaysWhatTheAssessmentSays_OnGeneratedChildren(string id)
    {
        var profile = ProfileCatalog.Shipped.Get(id);
        var cases = CaseGen.For(profile, From2024, maxEpisodes: 5).Array[25, 25].Single(_ => true, "0000000000001");
        foreach (var g in cases)
        {
            var a = Evaluator.Evaluate(profile, g.Case, g.At);
            var coming = Horizon.Coming(a, Duration.FromDays(7));
            using var doc = JsonDocument.Parse(AssessmentJson.Serialize(a, (a.EvaluatedAt + Duration.FromDays(7), coming)));
            ShouldMatch(doc.RootElement, a, coming);
        }
    }

    [Fact]
    public void TheJson_WithoutAHorizon_HasNoHorizonKey()
    {
        var a = Evaluate(RichCase(), "2025-02-06T12:00:00Z");
        using var doc = JsonDocument.Parse(AssessmentJson.Serialize(a));
        doc.RootElement.TryGetProperty("horizon", out _).Should().BeFalse();
        ShouldMatch(doc.RootElement, a, null);
    }

    [Fact]
    public void TheJson_OfARichChild_SaysWhatTheAssessmentSays_InItsFixedOrder()
    {
        var a = Evaluate(RichCase(), "2025-02-06T12:00:00Z");
        var coming = Horizon.Coming(a, Duration.FromDays(3));
        using var doc = JsonDocument.Parse(AssessmentJson.Serialize(a, (a.EvaluatedAt + Duration.FromDays(3), coming)));
        var root = doc.RootElement;
        ShouldMatch(root, a, coming);

        // The rich child really has every optional field, so each is checked above in both forms.
        a.Obligations.Should().Contain(o => o.Occurrence != null).And.Contain(o => o.Occurrence == null);
        a.Obligations.Should().Contain(o => o.Recipient != null).And.Contain(o => o.MetAfter != null).And.Contain(o => o.Due == null);
        a.Obligations.Should().Contain(o => o.Due != null && o.Due.LateAfter == null).And.Contain(o => o.Due != null && o.Due.LateAfter != null);
        a.Escalations.Should().NotBeEmpty();
        a.Assumptions.Should().NotBeEmpty();
        coming.Should().NotBeEmpty();

        Names(root).Should().Equal("profile", "profileVersion", "evaluatedAt", "childId", "age", "classification", "classificationReason",
            "currentRisk", "episodes", "obligations", "escalations", "ladders", "assumptions", "horizon");
        Names(root.GetProperty("episodes")[0]).Should().Equal("id", "classification", "reason", "citation", "risk", "started", "ended", "open", "history");
        Names(root.GetProperty("episodes")[0].GetProperty("history")[0]).Should().Equal("from", "classification", "reason", "citation");
        var full = root.GetProperty("obligations").EnumerateArray().First(o => o.TryGetProperty("occurrence", out _) && o.TryGetProperty("metAfterMinutes", out _));
        Names(full).Should().Equal("id", "title", "nature", "responsible", "responsibleTitle", "episode", "occurrence", "owner", "trigger",
            "triggeredAt", "countedFrom", "due", "deadlineRule", "status", "metBy", "metAfterMinutes", "citation", "reading", "explanation");
        Names(full.GetProperty("due")).Should().Equal("utc", "local", "rule", "immediate", "lateAfter");
        Names(full.GetProperty("metBy")).Should().Equal("event", "at");
        Names(root.GetProperty("obligations").EnumerateArray().First(o => o.TryGetProperty("recipient", out _))).Should()
            .ContainInOrder("episode", "recipient", "owner");
        Names(root.GetProperty("escalations")[0]).Should().Equal("ladder", "rung", "title", "nature", "range", "count", "windowFrom", "windowTo",
            "establishment", "triggerChild", "triggerEpisode", "triggeredAt", "activity", "chair", "responsible", "owner", "due", "status", "metBy",
            "citation", "explanation");
        Names(root.GetProperty("ladders")[0]).Should().Equal("id", "title", "countNow", "highestRungReached", "window");
        Names(root.GetProperty("horizon")).Should().Equal("until", "items");
        Names(root.GetProperty("horizon").GetProperty("items")[0]).Should().StartWith(["kind", "id", "title", "episode"])
            .And.EndWith(["status", "arisesAt", "due", "responsible", "citation"]);
    }

    [Fact]
    public void TheJson_WritesInstantsInUtc_LocalTimesWithTheirOffset_AndKebabCaseNames()
    {
        var a = Evaluate(RichCase(), "2025-02-06T12:00:00Z");
        using var doc = JsonDocument.Parse(AssessmentJson.Serialize(a));
        var root = doc.RootElement;
        root.GetProperty("evaluatedAt").GetString().Should().Be("2025-02-06T12:00:00Z");
        var statuses = root.GetProperty("obligations").EnumerateArray().Select(o => o.GetProperty("status").GetString()).Distinct().ToList();
        statuses.Should().OnlyContain(s => Protocol.Core.Evaluation.Names.StatusNames.Contains(s!)).And.Contain("met-on-time");
        root.GetProperty("obligations").EnumerateArray().Select(o => o.GetProperty("nature").GetString()).Should().Contain("duty");
        var due = root.GetProperty("obligations").EnumerateArray().First(o => o.GetProperty("due").ValueKind == JsonValueKind.Object).GetProperty("due");
        due.GetProperty("local").GetString().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$");
        due.GetProperty("utc").GetString().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$");
    }

    [Fact]
    public void TheCaseloadJson_SaysWhatTheCaseloadAssessmentSays()
    {
        var child = Child() with { Placement = "home-1" };
        var episodes = Enumerable.Range(0, 3).Select(i => Episode($"E{i}",
            E("last-seen", $"2025-02-0{2 * i + 1}T20:00:00Z"), E("reported-missing", $"2025-02-0{2 * i + 1}T21:00:00Z"),
            E("found", $"2025-02-0{2 * i + 2}T09:00:00Z"))).ToArray();
        var caseload = new Caseload([Case(child with { Id = "C1" }, episodes), Case(child with { Id = "C2" }, episodes)]);
        var c = Evaluator.EvaluateCaseload(Profile, caseload, I("2025-02-20T12:00:00Z"));
        using var doc = JsonDocument.Parse(AssessmentJson.Serialize(c));
        var root = doc.RootElement;
        Names(root).Should().Equal("profile", "evaluatedAt", "children", "establishments", "establishmentLadders");
        root.GetProperty("profile").GetString().Should().Be(c.ProfileId);
        root.GetProperty("evaluatedAt").GetString().Should().Be("2025-02-20T12:00:00Z");
        root.GetProperty("children").GetArrayLength().Should().Be(2);
        for (var i = 0; i < 2; i++) ShouldMatch(root.GetProperty("children")[i], c.Children[i], null);
        c.Establishments.Should().NotBeEmpty("the fixture's establishment ladder counts the six episodes at home-1");
        ShouldMatchEscalations(root.GetProperty("establishments"), c.Establishments);
        ShouldMatchLadders(root.GetProperty("establishmentLadders"), c.EstablishmentLadders);

        using var withHorizon = JsonDocument.Parse(AssessmentJson.Serialize(c, x => (x.EvaluatedAt + Duration.FromDays(1), Horizon.Coming(x, Duration.FromDays(1)))));
        withHorizon.RootElement.GetProperty("children")[0].GetProperty("horizon").GetProperty("until").GetString().Should().Be("2025-02-21T12:00:00Z");
    }

    /// <summary>
    /// A looked-after child placed by another authority, with a high-risk episode still open for days (daily
    /// reviews, recipients, a wait for the return) after two short ones (a ladder rung).
    /// </summary>
    private static ChildCase RichCase()
    {
        var child = Child() with { ResponsibleAuthority = "other-la", HostAuthority = "test-la" };
        return Case(child,
            Episode("E1", E("last-seen", "2025-01-27T20:00:00Z"), E("reported-missing", "2025-01-27T21:00:00Z"),
                E("risk-graded", "2025-01-27T21:30:00Z", "medium"), E("found", "2025-01-28T09:00:00Z"),
                E("interview-completed", "2025-01-29T10:00:00Z", "rhi")),
            Episode("E2", E("last-seen", "2025-01-30T20:00:00Z"), E("reported-missing", "2025-01-30T21:00:00Z"),
                E("found", "2025-01-31T09:00:00Z")),
            Episode("E3", E("last-seen", "2025-02-01T20:00:00Z"), E("reported-missing", "2025-02-01T21:00:00Z"),
                E("risk-graded", "2025-02-01T21:30:00Z", "high"), E("notification-sent", "2025-02-01T22:00:00Z", "police-notice"),
                E("review-held", "2025-02-02T22:00:00Z", "review")));
    }

    private static List<string> Names(JsonElement o) => o.EnumerateObject().Select(p => p.Name).ToList();

    private static void ShouldMatch(JsonElement root, Assessment a, IReadOnlyList<ComingDuty>? coming)
    {
        Str(root, "profile").Should().Be(a.ProfileId);
        Str(root, "profileVersion").Should().Be(a.ProfileVersion);
        Str(root, "evaluatedAt").Should().Be(Utc(a.EvaluatedAt));
        Str(root, "childId").Should().Be(a.ChildId);
        Int(root, "age").Should().Be(a.Age);
        Str(root, "classification").Should().Be(a.Classification);
        Str(root, "classificationReason").Should().Be(a.ClassificationReason);
        Str(root, "currentRisk").Should().Be(a.CurrentRisk);

        var episodes = root.GetProperty("episodes");
        episodes.GetArrayLength().Should().Be(a.Episodes.Count);
        for (var i = 0; i < a.Episodes.Count; i++)
        {
            var (j, e) = (episodes[i], a.Episodes[i]);
            Str(j, "id").Should().Be(e.EpisodeId);
            Str(j, "classification").Should().Be(e.Classification);
            Str(j, "reason").Should().Be(e.Reason);
            Str(j, "citation").Should().Be(e.Citation);
            Str(j, "risk").Should().Be(e.Risk);
            Str(j, "started").Should().Be(Utc(e.Started));
            Str(j, "ended").Should().Be(Utc(e.Ended));
            j.GetProperty("open").GetBoolean().Should().Be(e.Open);
            var history = j.GetProperty("history");
            history.GetArrayLength().Should().Be(e.History.Count);
            for (var k = 0; k < e.History.Count; k++)
            {
                Str(history[k], "from").Should().Be(Utc(e.History[k].From));
                Str(history[k], "classification").Should().Be(e.History[k].Classification);
                Str(history[k], "reason").Should().Be(e.History[k].Reason);
                Str(history[k], "citation").Should().Be(e.History[k].Citation);
            }
        }

        var obligations = root.GetProperty("obligations");
        obligations.GetArrayLength().Should().Be(a.Obligations.Count);
        for (var i = 0; i < a.Obligations.Count; i++)
        {
            var (j, o) = (obligations[i], a.Obligations[i]);
            Str(j, "id").Should().Be(o.Id);
            Str(j, "title").Should().Be(o.Title);
            Str(j, "nature").Should().Be(o.Nature.Name());
            Str(j, "responsible").Should().Be(o.Responsible.Id);
            Str(j, "responsibleTitle").Should().Be(o.Responsible.Title);
            Str(j, "episode").Should().Be(o.EpisodeId);
            Absent(j, "occurrence", o.Occurrence is null);
            if (o.Occurrence is { } n) j.GetProperty("occurrence").GetInt32().Should().Be(n);
            Absent(j, "recipient", o.Recipient is null);
            if (o.Recipient is { } r) Str(j, "recipient").Should().Be(r.Id);
            Str(j, "owner").Should().Be(o.Owner);
            Str(j, "trigger").Should().Be(o.Trigger);
            Str(j, "triggeredAt").Should().Be(Utc(o.TriggeredAt));
            Str(j, "countedFrom").Should().Be(Utc(o.CountedFrom));
            ShouldMatch(j.GetProperty("due"), o.Due);
            Str(j, "deadlineRule").Should().Be(o.DeadlineRule);
            Absent(j, "waitingFor", o.WaitingFor is null);
            if (o.WaitingFor is { } w) Str(j, "waitingFor").Should().Be(w);
            Str(j, "status").Should().Be(o.Status.Name());
            ShouldMatch(j.GetProperty("metBy"), o.MetBy);
            ShouldMatchMinutes(j, o.MetAfter);
            Str(j, "citation").Should().Be(o.Citation);
            Str(j, "reading").Should().Be(o.Reading);
            Lines(j, "explanation").Should().Equal(o.Explanation);
        }
        ShouldMatchEscalations(root.GetProperty("escalations"), a.Escalations);
        ShouldMatchLadders(root.GetProperty("ladders"), a.Ladders);
        Lines(root, "assumptions").Should().Equal(a.Assumptions);

        if (coming is null) return;
        var items = root.GetProperty("horizon").GetProperty("items");
        items.GetArrayLength().Should().Be(coming.Count);
        for (var i = 0; i < coming.Count; i++)
        {
            var (j, d) = (items[i], coming[i]);
            Str(j, "kind").Should().Be(d.Kind);
            Str(j, "id").Should().Be(d.Id);
            Str(j, "title").Should().Be(d.Title);
            Str(j, "episode").Should().Be(d.EpisodeId);
            Absent(j, "occurrence", d.Occurrence is null);
            if (d.Occurrence is { } n) j.GetProperty("occurrence").GetInt32().Should().Be(n);
            Absent(j, "recipient", d.Recipient is null);
            if (d.Recipient is { } r) Str(j, "recipient").Should().Be(r.Id);
            Str(j, "status").Should().Be(d.Status.Name());
            Str(j, "arisesAt").Should().Be(Utc(d.ArisesAt));
            ShouldMatch(j.GetProperty("due"), d.Due);
            Str(j, "responsible").Should().Be(d.Responsible.Id);
            Str(j, "citation").Should().Be(d.Citation);
        }
    }

    private static void ShouldMatchEscalations(JsonElement array, IReadOnlyList<EscalationResult> escalations)
    {
        array.GetArrayLength().Should().Be(escalations.Count);
        for (var i = 0; i < escalations.Count; i++)
        {
            var (j, e) = (array[i], escalations[i]);
            Str(j, "ladder").Should().Be(e.LadderId);
            Str(j, "rung").Should().Be(e.RungId);
            Str(j, "title").Should().Be(e.Title);
            Str(j, "nature").Should().Be(e.Nature.Name());
            Str(j, "range").Should().Be(e.Range);
            j.GetProperty("count").GetInt32().Should().Be(e.Count);
            Str(j, "windowFrom").Should().Be(e.WindowFrom is { } from ? LocalDatePattern.Iso.Format(from) : null);
            Str(j, "windowTo").Should().Be(LocalDatePattern.Iso.Format(e.WindowTo));
            Str(j, "establishment").Should().Be(e.Establishment);
            Str(j, "triggerChild").Should().Be(e.TriggerChildId);
            Str(j, "triggerEpisode").Should().Be(e.TriggerEpisodeId);
            Str(j, "triggeredAt").Should().Be(Utc(e.TriggeredAt));
            Str(j, "activity").Should().Be(e.Activity.Id);
            Str(j, "chair").Should().Be(e.Chair?.Id);
            Str(j, "responsible").Should().Be(e.Responsible.Id);
            Str(j, "owner").Should().Be(e.Owner);
            ShouldMatch(j.GetProperty("due"), e.Due);
            Str(j, "status").Should().Be(e.Status.Name());
            ShouldMatch(j.GetProperty("metBy"), e.MetBy);
            ShouldMatchMinutes(j, e.MetAfter);
            Str(j, "citation").Should().Be(e.Citation);
            Lines(j, "explanation").Should().Equal(e.Explanation);
        }
    }

    private static void ShouldMatchLadders(JsonElement array, IReadOnlyList<LadderPosition> ladders)
    {
        array.GetArrayLength().Should().Be(ladders.Count);
        for (var i = 0; i < ladders.Count; i++)
        {
            var (j, l) = (array[i], ladders[i]);
            Str(j, "id").Should().Be(l.LadderId);
            Str(j, "title").Should().Be(l.Title);
            j.GetProperty("countNow").GetInt32().Should().Be(l.CountNow);
            Str(j, "highestRungReached").Should().Be(l.HighestRungReached);
            Str(j, "window").Should().Be(l.Window);
        }
    }

    private static void ShouldMatch(JsonElement j, DueTime? due)
    {
        if (due is null)
        {
            j.ValueKind.Should().Be(JsonValueKind.Null);
            return;
        }
        Str(j, "utc").Should().Be(Utc(due.Utc));
        Str(j, "local").Should().Be(due.Local);
        Str(j, "rule").Should().Be(due.Rule);
        j.GetProperty("immediate").GetBoolean().Should().Be(due.Immediate);
        Str(j, "lateAfter").Should().Be(Utc(due.LateAfter));
    }

    private static void ShouldMatch(JsonElement j, MetEvent? met)
    {
        if (met is null)
        {
            j.ValueKind.Should().Be(JsonValueKind.Null);
            return;
        }
        Str(j, "event").Should().Be(met.Event);
        Str(j, "at").Should().Be(Utc(met.At));
    }

    /// <summary>Whole minutes, rounded down; absent when nothing met it (or a standing arrangement did).</summary>
    private static void ShouldMatchMinutes(JsonElement j, Duration? after)
    {
        Absent(j, "metAfterMinutes", after is null);
        if (after is { } d) j.GetProperty("metAfterMinutes").GetInt64().Should().Be((long)Math.Floor(d.TotalMinutes));
    }

    private static void Absent(JsonElement j, string name, bool absent) =>
        j.TryGetProperty(name, out _).Should().Be(!absent, "'{0}' is written only when set", name);

    /// <summary>A string property that must be present: its value, or null for JSON null.</summary>
    private static string? Str(JsonElement j, string name)
    {
        j.TryGetProperty(name, out var p).Should().BeTrue("'{0}' is always written", name);
        return p.ValueKind == JsonValueKind.Null ? null : p.GetString();
    }

    private static int? Int(JsonElement j, string name)
    {
        j.TryGetProperty(name, out var p).Should().BeTrue("'{0}' is always written", name);
        return p.ValueKind == JsonValueKind.Null ? null : p.GetInt32();
    }

    private static List<string> Lines(JsonElement j, string name) => j.GetProperty(name).EnumerateArray().Select(x => x.GetString()!).ToList();

    private static string? Utc(Instant? i) => i is { } x ? InstantPattern.ExtendedIso.Format(x) : null;
}
