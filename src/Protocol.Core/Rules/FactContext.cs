using NodaTime;
using Protocol.Core.Model;
using Protocol.Core.Time;

namespace Protocol.Core.Rules;

/// <summary>
/// The facts a condition may test, fixed at one point in time (<see cref="At"/>): the trigger of an
/// obligation, or the evaluation instant for a classification. Only events at or before that point count.
/// Profile conditions compile to calls of these methods and nothing else.
/// </summary>
public sealed class FactContext
{
    internal FactContext(CompiledProfile profile, ChildCase childCase, Episode? episode, Instant at, string? classification,
        Func<Episode, string?>? classificationOf = null)
    {
        _classificationOf = classificationOf ?? (_ => null);
        Profile = profile;
        Case = childCase;
        Episode = episode;
        At = at;
        Classification = classification;
    }

    private readonly Func<Episode, string?> _classificationOf;

    /// <summary>The profile being evaluated.</summary>
    public CompiledProfile Profile { get; }

    /// <summary>The child's case.</summary>
    public ChildCase Case { get; }

    /// <summary>The episode in question, if any.</summary>
    public Episode? Episode { get; }

    /// <summary>The point in time the facts are taken at.</summary>
    public Instant At { get; }

    /// <summary>The episode's classification, if known.</summary>
    public string? Classification { get; }

    private WorkingDayCalendar Calendar => Profile.Calendar;

    /// <summary>The latest risk level graded at or before <see cref="At"/>, or null if none.</summary>
    public string? Risk()
    {
        if (Episode is null) return null;
        string? level = null;
        foreach (var e in Episode.Events)
        {
            if (e.At > At) break;
            if (e.Type == EventType.RiskGraded) level = e.Level;
        }
        return level;
    }

    /// <summary>True if the current risk is one of the levels.</summary>
    public bool RiskIs(string[] levels) => Risk() is { } r && Array.IndexOf(levels, r) >= 0;

    /// <summary>True if the current risk is at least the level, in the profile's order.</summary>
    public bool RiskAtLeast(string level) =>
        Risk() is { } r && Profile.RiskRank(r) >= Profile.RiskRank(level);

    /// <summary>True if the child has the flag.</summary>
    public bool HasFlag(string flag) => Case.Child.Flags.Contains(flag);

    /// <summary>The child's age in whole years at <see cref="At"/>, or null if unknown.</summary>
    public int? Age() => Case.Child.AgeAt(At, Calendar.Zone);

    /// <summary>True if the age is known and under the limit.</summary>
    public bool AgeUnder(int years) => Age() is { } a && a < years;

    /// <summary>True if the age is known and at least the limit.</summary>
    public bool AgeAtLeast(int years) => Age() is { } a && a >= years;

    /// <summary>True if the child's care status is one of these.</summary>
    public bool CareStatusIs(CareStatus[] statuses) => Array.IndexOf(statuses, Case.Child.CareStatus) >= 0;

    /// <summary>True if the host authority is known and differs from the responsible authority.</summary>
    public bool PlacedOutOfArea() =>
        Case.Child.HostAuthority is { } host && Case.Child.ResponsibleAuthority is { } resp &&
        !string.Equals(host, resp, StringComparison.OrdinalIgnoreCase);

    /// <summary>True if the responsible authority is one of the profile's own authority codes.</summary>
    public bool ResponsibleAuthorityIsLocal() =>
        Case.Child.ResponsibleAuthority is { } a && Profile.Metadata.AuthorityCodes.Contains(a, StringComparer.OrdinalIgnoreCase);

    /// <summary>True if the host authority is one of the profile's own authority codes.</summary>
    public bool HostAuthorityIsLocal() =>
        Case.Child.HostAuthority is { } a && Profile.Metadata.AuthorityCodes.Contains(a, StringComparer.OrdinalIgnoreCase);

    /// <summary>True if an event of the reference occurred in the episode at or before <see cref="At"/>.</summary>
    public bool HasEvent(EventReference reference) => Episode?.First(reference, At) is not null;

    /// <summary>
    /// True if, at <see cref="At"/>, the child had been missing for at least the amount counted from the
    /// first <paramref name="from"/> event, without the episode having ended.
    /// </summary>
    public bool MissingForAtLeast(Amount amount, EventSet from)
    {
        if (Episode is null || from.FirstIn(Episode, At) is not { } start) return false;
        var threshold = amount.AddTo(start.At, Calendar);
        if (threshold > At) return false;
        var ended = Episode.FirstOf(Profile.MissingEndsOn, At);
        return ended is null || ended.At >= threshold;
    }

    /// <summary>
    /// True if, at <see cref="At"/>, the child had been missing for more than the amount counted from
    /// <paramref name="from"/>: the episode went on past the mark ("more than 24 hours").
    /// </summary>
    public bool MissingForMoreThan(Amount amount, EventSet from)
    {
        if (Episode is null || from.FirstIn(Episode, At) is not { } start) return false;
        var threshold = amount.AddTo(start.At, Calendar);
        if (threshold >= At) return false;
        var ended = Episode.FirstOf(Profile.MissingEndsOn, At);
        return ended is null || ended.At > threshold;
    }

    /// <summary>
    /// True if the missing period so far — from the first <paramref name="from"/> event to the end of the
    /// episode or <see cref="At"/>, whichever is first, both ends included — touches the local times
    /// [start, end) on any date (an end at or before the start crosses midnight, e.g. 22:00–06:00). A child
    /// still missing, or found, exactly at 00:00 was missing at 00:00.
    /// </summary>
    public bool MissingDuring(LocalTime start, LocalTime end, EventSet from)
    {
        if (Episode is null || from.FirstIn(Episode, At) is not { } begin) return false;
        var ended = Episode.FirstOf(Profile.MissingEndsOn, At);
        var stop = ended is not null && ended.At < At ? ended.At : At;
        if (stop < begin.At) return false;
        var zone = Calendar.Zone;
        var first = begin.At.InZone(zone).Date.PlusDays(-1);
        var last = stop.InZone(zone).Date;
        for (var date = first; date <= last && Period.Between(first, date, PeriodUnits.Days).Days <= 400; date = date.PlusDays(1))
        {
            var windowStart = Calendar.At(date, start);
            var windowEnd = Calendar.At(end <= start ? date.PlusDays(1) : date, end);
            if (windowStart <= stop && windowEnd > begin.At) return true;
        }
        return false;
    }

    /// <summary>True if the episode's classification is one of these labels.</summary>
    public bool ClassifiedAs(string[] labels) => Classification is { } c && Array.IndexOf(labels, c) >= 0;

    /// <summary>
    /// True if no earlier episode of the child (one that started before this one) has the same
    /// classification as this episode: e.g. the child's first missing episode.
    /// </summary>
    public bool IsFirstEpisode()
    {
        if (Episode?.Start is not { } start) return false;
        foreach (var other in Case.Episodes)
        {
            if (ReferenceEquals(other, Episode) || other.Start is not { } s || s >= start) continue;
            if (_classificationOf(other) == Classification) return false;
        }
        return true;
    }

    /// <summary>
    /// The number of trailing <paramref name="declined"/> outcomes in the child's whole history, at or
    /// before <see cref="At"/>, counting back until an <paramref name="completed"/> outcome breaks the run.
    /// </summary>
    public int ConsecutiveCount(EventReference declined, EventReference completed)
    {
        var run = 0;
        foreach (var e in Case.AllEvents())
        {
            if (e.At > At) break;
            if (declined.Matches(e)) run++;
            else if (completed.Matches(e)) run = 0;
        }
        return run;
    }

    /// <summary>True if the run of <paramref name="declined"/> outcomes is at least <paramref name="count"/>.</summary>
    public bool ConsecutiveAtLeast(EventReference declined, EventReference completed, int count) =>
        ConsecutiveCount(declined, completed) >= count;

    /// <summary>
    /// The number of the child's episodes in the window of the given length ending on <see cref="At"/>'s
    /// local date (counted like a ladder window: "4 weeks" holds that date and the 27 before it), dated by
    /// the first of <paramref name="datedBy"/> (else the episode's start), at or before <see cref="At"/>,
    /// and, if <paramref name="counts"/> is not empty, classified as one of those labels.
    /// </summary>
    public int EpisodesWithin(Amount amount, string[] counts, EventSet? datedBy)
    {
        var zone = Calendar.Zone;
        var first = EpisodeWindow.FirstDate(amount, At.InZone(zone).Date);
        var total = 0;
        foreach (var e in Case.Episodes)
        {
            var dated = (datedBy is null ? null : datedBy.FirstIn(e, At))?.At ?? e.Start;
            if (dated is not { } d || d > At || d.InZone(zone).Date < first) continue;
            if (counts.Length > 0)
            {
                var label = ReferenceEquals(e, Episode) ? Classification : _classificationOf(e);
                if (label is null || Array.IndexOf(counts, label) < 0) continue;
            }
            total++;
        }
        return total;
    }

    /// <summary>True if <see cref="EpisodesWithin"/> is at least <paramref name="count"/>.</summary>
    public bool EpisodesWithinAtLeast(Amount amount, int count, string[] counts, EventSet? datedBy) =>
        EpisodesWithin(amount, counts, datedBy) >= count;
}
