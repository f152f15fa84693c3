using System.Text.Json.Nodes;
using CsCheck;
using NodaTime;
using NodaTime.Text;
using Protocol.Core.Model;
using Protocol.Core.Rules;

namespace Protocol.Core.Tests.Properties;

/// <summary>A generated case: the child, the episodes (sequential, non-overlapping, only the latest may be open) and an evaluation instant after them.</summary>
internal sealed record GeneratedCase(ChildCase Case, Instant At)
{
    public override string ToString() => $"{Case.Child.Id} with {Case.Episodes.Length} episodes at {At}";
}

/// <summary>Random but valid cases for a profile: its flags, risk levels and activities only.</summary>
internal static class CaseGen
{
    private sealed record EpisodeParams(int Gap, bool Reported, int ReportAfter, int Level, int Regrade, int RegradeLevel, int Missing, bool Ended,
        int NotifiedAfter, int[] Picks, int[] Times, int[] Kinds);

    private static Gen<EpisodeParams> Params(CompiledProfile p, int maxGapDays, int maxMissing) =>
        from gap in Gen.Int[1, maxGapDays * 24 * 60]
        from reported in Gen.Int[0, 4]
        from reportAfter in Gen.Int[0, 600]
        from level in Gen.Int[0, p.RiskLevels.Count - 1]
        from regrade in Gen.Int[0, 3]
        from regradeLevel in Gen.Int[0, p.RiskLevels.Count - 1]
        from missing in Gen.Int[30, maxMissing]
        from ended in Gen.Int[0, 9]
        from notifiedAfter in Gen.Int[0, 2880]
        from picks in Gen.Int[0, Math.Max(0, p.Activities.Count - 1)].Array[0, 6]
        from times in Gen.Int[0, 20000].Array[6]
        from kinds in Gen.Int[0, 4].Array[6]
        select new EpisodeParams(gap, reported != 0, reportAfter, level, regrade, regradeLevel, missing, ended != 0, notifiedAfter, picks, times, kinds);

    private static Episode MakeEpisode(CompiledProfile p, string id, Instant start, EpisodeParams x, bool isLast)
    {
        var events = new List<EpisodeEvent> { new(EventType.LastSeen, start), new(EventType.CarerAware, start + Duration.FromMinutes(x.ReportAfter / 3)) };
        if (x.Reported)
        {
            var report = start + Duration.FromMinutes(x.ReportAfter);
            events.Add(new EpisodeEvent(EventType.ReportedMissing, report));
            events.Add(new EpisodeEvent(EventType.RiskGraded, report + Duration.FromMinutes(10), Level: p.RiskLevels[x.Level]));
            if (x.Regrade == 0) events.Add(new EpisodeEvent(EventType.RiskGraded, report + Duration.FromMinutes(300), Level: p.RiskLevels[x.RegradeLevel]));
        }
        var end = start + Duration.FromMinutes(Math.Max(x.Missing, x.ReportAfter + 20));
        if (x.Ended || !isLast)   // only the latest episode can be open
        {
            events.Add(new EpisodeEvent(EventType.Found, end));
            events.Add(new EpisodeEvent(EventType.Returned, end + Duration.FromMinutes(30)));
            events.Add(new EpisodeEvent(EventType.ReturnNotified, end + Duration.FromMinutes(30 + x.NotifiedAfter)));
        }
        EventType[] recordTypes = [EventType.NotificationSent, EventType.InterviewCompleted, EventType.InterviewDeclined, EventType.MeetingHeld, EventType.ReviewHeld];
        for (var i = 0; i < x.Picks.Length && p.Activities.Count > 0; i++)
            events.Add(new EpisodeEvent(recordTypes[x.Kinds[i]], start + Duration.FromMinutes(x.Times[i]), Activity: p.Activities[x.Picks[i]].Id));
        return new Episode(id, events);
    }

    /// <summary>A case whose episodes start after <paramref name="origin"/>, each at least a day after the previous one ended.</summary>
    public static Gen<GeneratedCase> For(CompiledProfile p, Instant origin, int maxEpisodes = 6, int maxGapDays = 40, int maxMissingMinutes = 14 * 24 * 60) =>
        from year in Gen.Int[2005, 2018]
        from dayOfYear in Gen.Int[1, 365]
        from care in Gen.Int[0, 2]
        from flagMask in Gen.Int[0, (1 << Math.Min(p.Flags.Count, 8)) - 1]
        from episodes in Params(p, maxGapDays, maxMissingMinutes).Array[1, maxEpisodes]
        from evalAfter in Gen.Int[0, 20 * 24 * 60]
        select Build(p, origin, year, dayOfYear, care, flagMask, episodes, evalAfter);

    private static GeneratedCase Build(CompiledProfile p, Instant origin, int year, int dayOfYear, int care, int flagMask, EpisodeParams[] parameters, int evalAfter)
    {
        var child = new Child
        {
            Id = $"C-{year}-{dayOfYear}",
            DateOfBirth = new LocalDate(year, 1, 1).PlusDays(dayOfYear - 1),
            CareStatus = (CareStatus)care,
            Flags = [.. p.Flags.Where((_, i) => i < 8 && (flagMask & (1 << i)) != 0).Select(f => f.Id)],
        };
        var episodes = new List<Episode>();
        var cursor = origin;
        for (var i = 0; i < parameters.Length; i++)
        {
            var episode = MakeEpisode(p, $"E-{i + 1}", cursor + Duration.FromMinutes(parameters[i].Gap), parameters[i], i == parameters.Length - 1);
            episodes.Add(episode);
            cursor = episode.Events.Max(e => e.At) + Duration.FromDays(1);
        }
        return new GeneratedCase(new ChildCase(child, episodes), cursor + Duration.FromMinutes(evalAfter));
    }

    /// <summary>The case as JSON, each instant written with the offset chosen for it.</summary>
    public static string ToJson(ChildCase c, Func<Instant, Offset> offsetFor)
    {
        var pattern = OffsetDateTimePattern.ExtendedIso;
        JsonObject Event(EpisodeEvent e)
        {
            var o = new JsonObject { ["type"] = e.Type.Name(), ["at"] = pattern.Format(e.At.WithOffset(offsetFor(e.At))) };
            if (e.Level is not null) o["level"] = e.Level;
            if (e.Activity is not null) o["activity"] = e.Activity;
            return o;
        }
        var root = new JsonObject
        {
            ["child"] = new JsonObject
            {
                ["id"] = c.Child.Id,
                ["dateOfBirth"] = LocalDatePattern.Iso.Format(c.Child.DateOfBirth!.Value),
                ["careStatus"] = c.Child.CareStatus switch { CareStatus.LookedAfter => "looked-after", CareStatus.CareLeaver => "care-leaver", _ => "living-at-home" },
                ["flags"] = new JsonArray(c.Child.Flags.Order().Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
            },
            ["episodes"] = new JsonArray(c.Episodes.Select(e => (JsonNode)new JsonObject
            {
                ["id"] = e.Id,
                ["events"] = new JsonArray(e.Events.Select(x => (JsonNode)Event(x)).ToArray()),
            }).ToArray()),
        };
        return root.ToJsonString();
    }
}
