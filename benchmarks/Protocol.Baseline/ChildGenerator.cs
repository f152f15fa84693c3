using NodaTime;
using Protocol.Core.Model;

namespace Protocol.Baseline;

/// <summary>
/// Deterministic, realistic Warwickshire children for the baseline (no real person: every value is drawn from a seeded
/// <see cref="Random"/>). Each child has 0 to 8 episodes over a few months (one in twenty is a frequent runner with 9 to
/// 12, so the Escalation rung is reached too); most episodes are reported and graded medium or high, some are
/// unreported absences; most end (found, returned, or both), the latest may be open. The records that meet the
/// subset's duties are made on time, late, or not at all, and some children have Missing Intervention Meetings
/// recorded. Only vocabulary that profiles/warwickshire.yaml declares is used. Dates run from January to August 2025,
/// across the spring and autumn clock changes and the bank holidays of Easter and May.
/// </summary>
public sealed class ChildGenerator
{
    /// <summary>The earliest instant a generated child's first episode can begin.</summary>
    public static Instant Origin { get; } = Instant.FromUtc(2025, 1, 6, 0, 0);

    /// <summary>
    /// Instants to evaluate the children at: while many are still having episodes (some open), after the spring clock
    /// change, and long after the last generated record.
    /// </summary>
    public static IReadOnlyList<Instant> EvaluationInstants { get; } =
    [
        Instant.FromUtc(2025, 2, 14, 16, 30),
        Instant.FromUtc(2025, 4, 2, 9, 15),
        Instant.FromUtc(2025, 5, 9, 23, 45),
        Instant.FromUtc(2025, 12, 1, 12, 0),
    ];

    private static readonly string[] OtherAuthorities = ["coventry", "birmingham", "solihull"];

    private readonly Random _random;

    /// <summary>A generator whose children depend only on the seed.</summary>
    public ChildGenerator(int seed) => _random = new Random(seed);

    /// <summary>The seed the agreement test and the benchmarks share, so that they see the same children.</summary>
    public const int DefaultSeed = 20250106;

    /// <summary><paramref name="count"/> children from a fresh generator with the seed.</summary>
    public static List<ChildCase> Generate(int count, int seed)
    {
        var generator = new ChildGenerator(seed);
        var children = new List<ChildCase>(count);
        for (var i = 0; i < count; i++) children.Add(generator.Next(i));
        return children;
    }

    /// <summary>The next child, with the id <c>G-{index}</c>.</summary>
    public ChildCase Next(int index)
    {
        var start = Origin + Duration.FromMinutes(_random.Next(0, 60 * 24 * 45));
        var ageDays = _random.Next(10 * 365, 18 * 365 - 20); // 10 to nearly 18: some turn 18 during the months generated
        var lookedAfter = _random.NextDouble() < 0.4;
        var placedByOther = lookedAfter && _random.NextDouble() < 0.2;
        var flags = _random.NextDouble() < 0.2 ? new[] { "exploitation-risk" } : [];
        var child = new Child
        {
            Id = $"G-{index:D5}",
            DateOfBirth = start.InUtc().Date.PlusDays(-ageDays),
            CareStatus = lookedAfter ? CareStatus.LookedAfter : CareStatus.LivingAtHome,
            ResponsibleAuthority = placedByOther ? OtherAuthorities[_random.Next(OtherAuthorities.Length)] : "warwickshire",
            HostAuthority = "warwickshire",
            Placement = lookedAfter ? $"home-{_random.Next(40)}" : null,
            Flags = [.. flags],
        };

        var frequent = _random.NextDouble() < 0.05;
        var episodeCount = frequent ? _random.Next(9, 13) : EpisodeCount();
        var episodes = new List<Episode>(episodeCount);
        var reports = new List<Instant>(episodeCount);
        var t = start;
        for (var k = 0; k < episodeCount; k++)
        {
            var isLast = k == episodeCount - 1;
            var (episode, end, report) = MakeEpisode($"E-{k + 1}", t, isLast, frequent);
            episodes.Add(episode);
            if (report is { } r) reports.Add(r);
            if (end is null) break; // an open episode is the latest
            // The next absence begins a while after this one ended: days for a frequent runner, weeks for most.
            t = end.Value + Duration.FromMinutes(frequent ? _random.Next(12 * 60, 9 * 24 * 60) : _random.Next(24 * 60, 30 * 24 * 60));
        }
        return new ChildCase(child, episodes, MeetingRecords(reports));
    }

    /// <summary>0 to 8, mostly few: one or two absences are common, eight is rare.</summary>
    private int EpisodeCount()
    {
        var x = _random.NextDouble();
        return x switch
        {
            < 0.10 => 0,
            < 0.32 => 1,
            < 0.50 => 2,
            < 0.64 => 3,
            < 0.75 => 4,
            < 0.84 => 5,
            < 0.91 => 6,
            < 0.96 => 7,
            _ => 8,
        };
    }

    /// <summary>One episode from <paramref name="lastSeen"/>: its events, when the child was back (null: open), and its first report.</summary>
    private (Episode Episode, Instant? End, Instant? Report) MakeEpisode(string id, Instant lastSeen, bool isLast, bool frequent)
    {
        // Most absences begin in the evening.
        var earliest = lastSeen;
        lastSeen = lastSeen.InUtc().Date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()
                   + Duration.FromMinutes(_random.NextDouble() < 0.6 ? _random.Next(16 * 60, 23 * 60 + 59) : _random.Next(0, 24 * 60));
        if (lastSeen < earliest) lastSeen += Duration.FromDays(1); // never before the previous episode ended
        var events = new List<EpisodeEvent> { new(EventType.LastSeen, lastSeen) };
        if (_random.NextDouble() < 0.8) events.Add(new EpisodeEvent(EventType.CarerAware, lastSeen + Minutes(10, 180)));

        // How long the child is away: most come back within a day, a few are away for days.
        var away = _random.NextDouble() switch
        {
            < 0.40 => Minutes(60, 12 * 60),
            < 0.65 => Minutes(12 * 60, 24 * 60),
            < 0.85 => Minutes(24 * 60, 72 * 60),
            < 0.95 => Minutes(72 * 60, 7 * 24 * 60),
            _ => Minutes(7 * 24 * 60, 14 * 24 * 60),
        };
        var open = isLast && _random.NextDouble() < (frequent ? 0.1 : 0.2);
        Instant? end = open ? null : lastSeen + away;

        // Most are reported; a few long after going missing; some are absences whose whereabouts are known (not reported).
        Instant? report = null;
        var reportRoll = _random.NextDouble();
        var reportedAfterBack = false;
        if (reportRoll < 0.86) report = lastSeen + Minutes(20, 8 * 60);
        else if (reportRoll < 0.90) report = lastSeen + Minutes(24 * 60 + 30, 40 * 60);
        else if (reportRoll < 0.92 && end is { } e1) (report, reportedAfterBack) = (e1 + Minutes(10, 120), true); // a report made once the child was back
        if (!reportedAfterBack && report is { } rep && end is { } e0 && rep >= e0) end = rep + Minutes(30, 6 * 60); // reported while still away
        if (report is { } r)
        {
            events.Add(new EpisodeEvent(EventType.ReportedMissing, r));
            var limit = end is { } e2 && e2 > r ? e2 : r + Duration.FromDays(20);
            // Graded at once (almost always), medium or high; some medium gradings are raised to high later.
            if (_random.NextDouble() < 0.95)
            {
                var high = _random.NextDouble() < 0.22;
                events.Add(new EpisodeEvent(EventType.RiskGraded, r + Minutes(5, 90), Level: high ? "high" : "medium"));
                if (!high && _random.NextDouble() < 0.12)
                {
                    var regrade = r + Minutes(2 * 60, 30 * 60);
                    if (regrade < limit) events.Add(new EpisodeEvent(EventType.RiskGraded, regrade, Level: "high"));
                }
            }
            // The Front Door told: mostly within the day, some late, some never.
            events.AddRange(Maybe(EventType.NotificationSent, "front-door-missing-notification", r, 0.72, Minutes(15, 20 * 60), 0.14, Minutes(25 * 60, 60 * 60)));
            // The Detective Inspector's review of a high-risk child, if graded high.
            var highAt = events.FirstOrDefault(x => x.Type == EventType.RiskGraded && x.Level == "high")?.At;
            if (highAt is { } h)
                events.AddRange(Maybe(EventType.ReviewHeld, "detective-inspector-review", h, 0.6, Minutes(20, 6 * 60), 0.2, Minutes(20 * 60, 40 * 60)));
            // DREAMM: held for most long absences, some before the 24-hour mark (for high risk), some late.
            if (end is null || end.Value - lastSeen > Duration.FromHours(20))
                events.AddRange(Maybe(EventType.ReviewHeld, "dreamm-review", lastSeen, 0.55, Minutes(18 * 60, 50 * 60), 0.2, Minutes(60 * 60, 120 * 60)));
        }
        else if (_random.NextDouble() < 0.5) events.Add(new EpisodeEvent(EventType.WhereaboutsKnown, lastSeen + Minutes(30, 4 * 60)));

        if (end is { } back)
        {
            // Found by the police, returned by themselves, or both (either order).
            var how = _random.NextDouble();
            var foundAt = how < 0.55 ? back : how < 0.85 ? (Instant?)null : how < 0.95 ? back : back + Minutes(20, 5 * 60);
            var returnedAt = how < 0.55 ? (Instant?)null : how < 0.85 ? back : how < 0.95 ? back + Minutes(30, 4 * 60) : back;
            if (foundAt is { } f) events.Add(new EpisodeEvent(EventType.Found, f));
            if (returnedAt is { } rt)
            {
                events.Add(new EpisodeEvent(EventType.Returned, rt));
                // The carer tells the police of a return (mostly within the hour).
                if (foundAt is null || foundAt > rt)
                    events.AddRange(Maybe(EventType.NotificationSent, "police-told-of-return", rt, 0.7, Minutes(1, 55), 0.15, Minutes(70, 8 * 60)));
            }
            if (report is not null)
            {
                // The Front Door notified of the return (mostly), then the Return Conversation: on time, late, declined or not yet.
                if (_random.NextDouble() < 0.9)
                {
                    var notified = back + Minutes(10, 36 * 60);
                    events.Add(new EpisodeEvent(EventType.ReturnNotified, notified));
                    var rc = _random.NextDouble();
                    if (rc < 0.55) events.Add(new EpisodeEvent(EventType.InterviewCompleted, notified + Minutes(60, 71 * 60), Activity: "return-conversation"));
                    else if (rc < 0.70) events.Add(new EpisodeEvent(EventType.InterviewCompleted, notified + Minutes(73 * 60, 8 * 24 * 60), Activity: "return-conversation"));
                    else if (rc < 0.85) events.Add(new EpisodeEvent(EventType.InterviewDeclined, notified + Minutes(2 * 60, 90 * 60), Activity: "return-conversation"));
                }
                else if (_random.NextDouble() < 0.5)
                    events.Add(new EpisodeEvent(EventType.InterviewCompleted, back + Minutes(24 * 60, 5 * 24 * 60), Activity: "return-conversation"));
            }
        }
        return (new Episode(id, events), end, report);
    }

    /// <summary>
    /// Child-level Missing Intervention Meeting records: around the third, sixth and ninth report, a meeting held
    /// (mostly within a week, sometimes later), occasionally a decision recorded instead for a higher stage.
    /// </summary>
    private List<EpisodeEvent> MeetingRecords(List<Instant> reports)
    {
        var records = new List<EpisodeEvent>();
        (int Index, string Activity)[] stages = [(2, "mim-stage-1"), (5, "mim-stage-2"), (8, "mim-escalation")];
        foreach (var (index, activity) in stages)
        {
            if (reports.Count <= index) break;
            var roll = _random.NextDouble();
            var trigger = reports[index];
            if (roll < 0.5) records.Add(new EpisodeEvent(EventType.MeetingHeld, trigger + Minutes(6 * 60, 7 * 24 * 60), Activity: activity));
            else if (roll < 0.7) records.Add(new EpisodeEvent(EventType.MeetingHeld, trigger + Minutes(8 * 24 * 60, 20 * 24 * 60), Activity: activity));
            else if (roll < 0.8 && index > 2) records.Add(new EpisodeEvent(EventType.DecisionRecorded, trigger + Minutes(60, 4 * 24 * 60), Activity: activity));
        }
        return records;
    }

    /// <summary>A record made on time (probability <paramref name="onTime"/>), late (<paramref name="late"/>), or not at all.</summary>
    private IEnumerable<EpisodeEvent> Maybe(EventType type, string activity, Instant from, double onTime, Duration soon, double late, Duration later)
    {
        var roll = _random.NextDouble();
        if (roll < onTime) yield return new EpisodeEvent(type, from + soon, Activity: activity);
        else if (roll < onTime + late) yield return new EpisodeEvent(type, from + later, Activity: activity);
    }

    private Duration Minutes(int min, int max) => Duration.FromMinutes(_random.Next(min, max));
}
