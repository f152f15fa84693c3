using NodaTime;
using Protocol.Core.Model;
using Protocol.Core.Time;

namespace Protocol.Core.Rules;

/// <summary>
/// The facts a condition may test, fixed at one point in time (<see cref="At"/>): the trigger of an
/// obligation, or an instant of an episode's classification history. Only events at or before that point
/// count; flags and office hours are judged at <see cref="FactTime"/> (the same instant, except that an
/// episode's classification after it ended takes them as they stood when it ended); age at <see cref="AgeAt"/> (the
/// same instant, except that an episode's classification takes the age when it began); care status, placement
/// and authorities are those in force at <see cref="CircumstancesAt"/> (an episode's start: "an episode uses
/// those in force when it began"). Profile conditions compile to calls of these methods and nothing else.
/// <para>
/// While a condition is evaluated, each fact that could change its answer later without a new record (a
/// threshold not yet reached, a birthday, a flag's period, office hours, a window moving on) lowers
/// <see cref="NextChange"/> to the instant it could; the evaluator uses this to follow an episode's
/// classification through time. A context is used by one evaluation on one thread.
/// </para>
/// </summary>
public sealed class FactContext
{
    internal FactContext(CompiledProfile profile, ChildCase childCase, Episode? episode, Instant at, string? classification,
        Func<Episode, Instant, string?>? classificationOf = null, Instant? factTime = null, Instant? circumstancesAt = null, Instant? ageAt = null)
    {
        _classificationOf = classificationOf ?? ((_, _) => null);
        Profile = profile;
        Case = childCase;
        Episode = episode;
        At = at;
        FactTime = factTime ?? at;
        AgeAt = ageAt ?? FactTime;
        CircumstancesAt = circumstancesAt ?? episode?.Start ?? at;
        Classification = classification;
        _circumstances = childCase.Child.CircumstancesAt(CircumstancesAt);
    }

    private readonly Func<Episode, Instant, string?> _classificationOf;
    private readonly Circumstances _circumstances;

    /// <summary>The profile being evaluated.</summary>
    public CompiledProfile Profile { get; }

    /// <summary>The child's case.</summary>
    public ChildCase Case { get; }

    /// <summary>The episode in question, if any.</summary>
    public Episode? Episode { get; }

    /// <summary>The point in time the facts are taken at: events after it are not seen.</summary>
    public Instant At { get; }

    /// <summary>The instant flags, age and office hours are judged at (normally <see cref="At"/>).</summary>
    public Instant FactTime { get; }

    /// <summary>The instant age is judged at: the trigger of a duty; an episode's start for its classification.</summary>
    public Instant AgeAt { get; }

    /// <summary>The instant care status, placement and authorities are taken at (an episode's start).</summary>
    public Instant CircumstancesAt { get; }

    /// <summary>The episode's classification, if known.</summary>
    public string? Classification { get; }

    /// <summary>The earliest instant after <see cref="At"/> at which a fact consulted so far could change without a new record.</summary>
    public Instant NextChange { get; private set; } = Instant.MaxValue;

    /// <summary>True once a fact about the child's other episodes or child-level records was consulted.</summary>
    public bool ConsultedOtherRecords { get; private set; }

    private WorkingDayCalendar Calendar => Profile.Calendar;

    private bool TimeFrozen => FactTime < At;

    private void ChangesAt(Instant? instant)
    {
        if (instant is not null && instant.Value > At && instant.Value < NextChange) NextChange = instant.Value;
    }

    /// <summary>The care status, authorities and placement in force at <see cref="CircumstancesAt"/>.</summary>
    public Circumstances Circumstances => _circumstances;

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
    public bool RiskIs(string[] levels)
    {
        var risk = Risk();
        return risk is not null && Array.IndexOf(levels, risk) >= 0;
    }

    /// <summary>True if the current risk is at least the level, in the profile's order.</summary>
    public bool RiskAtLeast(string level)
    {
        var risk = Risk();
        return risk is not null && Profile.RiskRank(risk) >= Profile.RiskRank(level);
    }

    /// <summary>True if the latest police category at or before <see cref="At"/> is one of these.</summary>
    public bool PoliceCategoryIs(string[] categories)
    {
        var category = Episode?.PoliceCategoryAt(At);
        return category is not null && Array.IndexOf(categories, category) >= 0;
    }

    /// <summary>True if the child's whereabouts were known at <see cref="At"/> (known, and not lost again since).</summary>
    public bool WhereaboutsKnown() => Episode is not null && Episode.WhereaboutsKnownAt(At);

    /// <summary>True if the child had the flag at <see cref="FactTime"/>: always, or within one of its periods.</summary>
    public bool HasFlag(string flag)
    {
        if (!TimeFrozen) ChangesAt(Case.Child.NextFlagChange(flag, FactTime));
        return Case.Child.HasFlagAt(flag, FactTime);
    }

    /// <summary>The child's age in whole years at <see cref="AgeAt"/>, or null if unknown.</summary>
    public int? Age()
    {
        if (!TimeFrozen && AgeAt == At) ChangesAt(Case.Child.NextBirthday(AgeAt, Calendar.Zone));
        return Case.Child.AgeAt(AgeAt, Calendar.Zone);
    }

    /// <summary>True if the age is known and under the limit.</summary>
    public bool AgeUnder(int years)
    {
        var age = Age();
        return age is not null && age.Value < years;
    }

    /// <summary>True if the age is known and at least the limit.</summary>
    public bool AgeAtLeast(int years)
    {
        var age = Age();
        return age is not null && age.Value >= years;
    }

    /// <summary>True if the child's care status (at <see cref="CircumstancesAt"/>) is one of these.</summary>
    public bool CareStatusIs(CareStatus[] statuses) => Array.IndexOf(statuses, _circumstances.CareStatus) >= 0;

    /// <summary>True if the host authority is known and differs from the responsible authority.</summary>
    public bool PlacedOutOfArea()
    {
        var host = _circumstances.HostAuthority;
        var resp = _circumstances.ResponsibleAuthority;
        return host is not null && resp is not null && !string.Equals(host, resp, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True if the responsible authority is one of the profile's own authority codes.</summary>
    public bool ResponsibleAuthorityIsLocal() => IsLocal(_circumstances.ResponsibleAuthority);

    /// <summary>True if the host authority is one of the profile's own authority codes.</summary>
    public bool HostAuthorityIsLocal() => IsLocal(_circumstances.HostAuthority);

    private bool IsLocal(string? authority) =>
        authority is not null && Profile.Metadata.AuthorityCodes.Contains(authority, StringComparer.OrdinalIgnoreCase);

    /// <summary>True if <see cref="FactTime"/> falls within the profile's office hours (a working day, between opening and closing).</summary>
    public bool InOfficeHours()
    {
        var hours = Profile.OfficeHours ?? throw new InvalidOperationException("The profile states no office hours.");
        if (!TimeFrozen) ChangesAt(hours.NextChange(FactTime, Calendar));
        return hours.Contains(FactTime, Calendar);
    }

    /// <summary>True if an event of the reference occurred in the episode at or before <see cref="At"/>.</summary>
    public bool HasEvent(EventReference reference) => Episode?.First(reference, At) is not null;

    /// <summary>
    /// True if, at <see cref="At"/>, the child had been missing for at least the amount counted from the
    /// <paramref name="from"/> event, without the episode having ended.
    /// </summary>
    public bool MissingForAtLeast(Amount amount, EventSet from)
    {
        if (Episode is null) return false;
        var start = from.ClockStartIn(Episode, At);
        if (start is null) return false;
        var threshold = amount.AddTo(start.At, Calendar);
        var ended = Episode.MissingEnd(Profile.MissingEndsOn, At);
        if (threshold > At)
        {
            if (ended is null) ChangesAt(threshold);
            return false;
        }
        return ended is null || ended.At >= threshold;
    }

    /// <summary>
    /// True if, at <see cref="At"/>, the child had been missing for more than the amount counted from
    /// <paramref name="from"/>: the episode went on past the mark ("more than 24 hours").
    /// </summary>
    public bool MissingForMoreThan(Amount amount, EventSet from)
    {
        if (Episode is null) return false;
        var start = from.ClockStartIn(Episode, At);
        if (start is null) return false;
        var threshold = amount.AddTo(start.At, Calendar);
        var ended = Episode.MissingEnd(Profile.MissingEndsOn, At);
        if (threshold >= At)
        {
            if (ended is null) ChangesAt(threshold + Duration.Epsilon);
            return false;
        }
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
        if (Episode is null) return false;
        var begin = from.ClockStartIn(Episode, At);
        if (begin is null) return false;
        var ended = Episode.MissingEnd(Profile.MissingEndsOn, At);
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
        if (ended is null)
        {
            // Not yet: it will hold at the next window's start if the child is still missing then.
            for (var date = last; date <= last.PlusDays(2); date = date.PlusDays(1))
            {
                var windowStart = Calendar.At(date, start);
                if (windowStart > At) { ChangesAt(windowStart); break; }
            }
        }
        return false;
    }

    /// <summary>True if the episode's classification is one of these labels.</summary>
    public bool ClassifiedAs(string[] labels) => Classification is not null && Array.IndexOf(labels, Classification) >= 0;

    /// <summary>
    /// True if no earlier episode of the child (one that started before this one) had, at <see cref="At"/>, the same
    /// classification as this episode: e.g. the child's first missing episode.
    /// </summary>
    public bool IsFirstEpisode()
    {
        ConsultedOtherRecords = true;
        var start = Episode?.Start;
        if (start is null) return false;
        foreach (var other in Case.Episodes)
        {
            if (ReferenceEquals(other, Episode)) continue;
            var s = other.Start;
            if (s is null || s.Value >= start.Value) continue;
            if (_classificationOf(other, At) == Classification) return false;
        }
        return true;
    }

    /// <summary>
    /// The number of trailing <paramref name="declined"/> outcomes in the child's whole history, at or
    /// before <see cref="At"/>, counting back until an <paramref name="completed"/> outcome breaks the run.
    /// </summary>
    public int ConsecutiveCount(EventReference declined, EventReference completed)
    {
        ConsultedOtherRecords = true;
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
    /// and, if <paramref name="counts"/> is not empty, classified (at <see cref="At"/>) as one of those labels.
    /// </summary>
    public int EpisodesWithin(Amount amount, string[] counts, EventSet? datedBy)
    {
        ConsultedOtherRecords = true;
        var zone = Calendar.Zone;
        var today = At.InZone(zone).Date;
        var first = EpisodeWindow.FirstDate(amount, today);
        var total = 0;
        foreach (var e in Case.Episodes)
        {
            var dated = (datedBy is null ? null : datedBy.FirstIn(e, At))?.At ?? e.Start;
            if (dated is null || dated.Value > At) continue;
            var d = dated.Value;
            var date = d.InZone(zone).Date;
            if (date < first) continue;
            if (counts.Length > 0)
            {
                var label = ReferenceEquals(e, Episode) ? Classification : _classificationOf(e, At);
                if (label is null || Array.IndexOf(counts, label) < 0) continue;
            }
            total++;
            // The count falls when this episode leaves the window: at the start of the first date whose window begins after it.
            var leaves = amount.Unit switch
            {
                TimeUnit.Days => date.PlusDays(amount.Value),
                TimeUnit.Weeks => date.PlusDays(7 * amount.Value),
                _ => date.PlusMonths(amount.Value).PlusDays(-3),
            };
            while (EpisodeWindow.FirstDate(amount, leaves) <= date) leaves = leaves.PlusDays(1);
            ChangesAt(zone.AtStartOfDay(leaves).ToInstant());
        }
        return total;
    }

    /// <summary>True if <see cref="EpisodesWithin"/> is at least <paramref name="count"/>.</summary>
    public bool EpisodesWithinAtLeast(Amount amount, int count, string[] counts, EventSet? datedBy) =>
        EpisodesWithin(amount, counts, datedBy) >= count;
}
