using NodaTime;
using Protocol.Core.Model;
using Protocol.Core.Rules;

namespace Protocol.Core.Cases;

/// <summary>
/// The meaning of a case, after its structure has been read: the profile's vocabulary, the order of events
/// that cannot happen in another order, overlapping or unfinished episodes, the date of birth, and records
/// dated after the current time. Only impossibilities are errors; merely unusual orders (a return before the
/// report, a sighting after the report) are not. The rules are listed in docs/case-format.md.
/// <para>
/// Every error names the record by its input path (<c>episodes[1].events[3].at</c>) when the case was read by
/// <see cref="CaseReader"/>, else by its position in the case's sorted lists. Messages never repeat a value from
/// the case: not a flag, level, activity, id, date or instant.
/// </para>
/// </summary>
public static class CaseValidator
{
    /// <summary>
    /// Events an episode can have at most once: one absence has one start and one end of each kind. A report may
    /// come more than once (a formal report after an earlier one); rules on <c>reported-missing</c> take the first.
    /// </summary>
    public static IReadOnlyList<EventType> OncePerEpisode { get; } =
        [EventType.LastSeen, EventType.CarerAware, EventType.Found, EventType.Returned];

    private static readonly EventType[] EndsAbsence = [EventType.Found, EventType.Returned];
    private static readonly EventType[] NotBeforeLastSeen = [EventType.WhereaboutsKnown, EventType.WhereaboutsLost, EventType.Found, EventType.Returned];

    /// <summary>
    /// Checks a case. <paramref name="at"/> is the evaluation instant (a date of birth after it is an error);
    /// <paramref name="profile"/> enables the vocabulary checks (flags, risk levels, activities);
    /// <paramref name="now"/> is the current time: a record dated after it is an error. Records after
    /// <paramref name="at"/> but not after <paramref name="now"/> are allowed (an assessment "as at" an earlier
    /// instant): the evaluator ignores them and says so in the assessment's assumptions. With
    /// <paramref name="recordsAfterAt"/> = <see cref="RecordsAfterAt.Errors"/> they are errors instead.
    /// </summary>
    public static IReadOnlyList<CaseError> Validate(ChildCase childCase, Instant? at = null, CompiledProfile? profile = null, Instant? now = null,
        RecordsAfterAt recordsAfterAt = RecordsAfterAt.Ignored)
    {
        ArgumentNullException.ThrowIfNull(childCase);
        var errors = new List<CaseError>();
        var zone = profile?.Calendar.Zone ?? DateTimeZoneProviders.Tzdb["Europe/London"];
        var (episodes, records) = Locate(childCase);
        var everything = episodes.SelectMany(e => e.Events).Concat(records).ToList();
        if (profile is not null) CheckVocabulary(childCase, everything, profile, errors);

        CheckEventFields(everything, errors);
        foreach (var episode in episodes) CheckEpisode(episode, errors);
        CheckEpisodeIds(episodes, errors);
        CheckOverlaps(episodes, errors);

        if (childCase.Child.DateOfBirth is { } dob)
        {
            if (at is { } instant && dob > instant.InZone(zone).Date)
                errors.Add(new CaseError("child.dateOfBirth", "is after the evaluation instant: the child was not born yet"));
            var first = everything.OrderBy(e => e.Event.At).FirstOrDefault();
            if (first is not null && dob > first.Event.At.InZone(zone).Date)
                errors.Add(new CaseError("child.dateOfBirth", $"is after the child's first record ({first.Path}): nothing can be recorded before the child was born"));
        }

        if (now is { } n)
        {
            CheckFuture(everything, n, errors);
            foreach (var change in childCase.Child.Changes)
                if (change.From > n)
                    errors.Add(new CaseError($"child.changes[{(childCase.Source?.Changes.TryGetValue(change, out var i) == true ? i : childCase.Child.Changes.IndexOf(change))}].from",
                        "is in the future (after the current time): a change is recorded once it has happened"));
        }
        if (recordsAfterAt == RecordsAfterAt.Errors && at is { } asAt) CheckAfterAt(everything, asAt, now, errors);
        return errors;
    }

    /// <summary>
    /// Only the profile's vocabulary: flags, risk levels and activities. The evaluator refuses a case that fails
    /// this (an unknown risk level would make every condition on risk silently false).
    /// </summary>
    internal static IReadOnlyList<CaseError> CheckVocabulary(ChildCase childCase, CompiledProfile profile)
    {
        var errors = new List<CaseError>();
        var (episodes, records) = Locate(childCase);
        CheckVocabulary(childCase, episodes.SelectMany(e => e.Events).Concat(records), profile, errors);
        return errors;
    }

    private static (List<Ep> Episodes, List<Ev> Records) Locate(ChildCase childCase)
    {
        // The episodes and their events in input order, with their input paths when the case was read from input.
        var source = childCase.Source;
        var episodes = childCase.Episodes
            .Select((e, sorted) => (Episode: e, Index: source is not null && source.Episodes.TryGetValue(e, out var i) ? i : sorted))
            .OrderBy(x => x.Index)
            .Select(x => new Ep(x.Episode, $"episodes[{x.Index}]", Located(x.Episode.Events, source, j => $"episodes[{x.Index}].events[{j}]")))
            .ToList();
        return (episodes, Located(childCase.Records, source, j => $"records[{j}]"));
    }

    private static void CheckVocabulary(ChildCase childCase, IEnumerable<Ev> events, CompiledProfile profile, List<CaseError> errors)
    {
        var source = childCase.Source;
        var flags = source?.Flags ?? childCase.Child.AllFlagNames().Order(StringComparer.Ordinal).Select((f, i) => (i, f)).ToList();
        foreach (var (index, flag) in flags)
            if (!profile.DeclaresFlag(flag))
                errors.Add(new CaseError(source is null ? "child.flags" : $"child.flags[{index}]",
                    $"unknown flag: not a flag of profile '{profile.Metadata.Id}'; its flags are: {List(profile.Flags.Select(x => x.Id))}"));
        CheckVocabulary(events, profile, errors);
    }

    /// <summary>Vocabulary and future checks for establishment records of a caseload.</summary>
    internal static void CheckRecords(IReadOnlyList<EpisodeEvent> events, Func<EpisodeEvent, string> path, CompiledProfile? profile, Instant? now, Instant? latest, List<CaseError> errors)
    {
        var located = events.Select(e => new Ev(e, path(e))).ToList();
        if (profile is not null) CheckVocabulary(located, profile, errors);
        if (now is { } n) CheckFuture(located, n, errors);
        if (latest is { } asAt) CheckAfterAt(located, asAt, now, errors);
    }

    private static void CheckAfterAt(IEnumerable<Ev> events, Instant at, Instant? now, List<CaseError> errors)
    {
        foreach (var (e, path) in events)
            if (e.At > at && (now is null || e.At <= now))
                errors.Add(new CaseError(path + ".at", "is after the evaluation instant: give a later instant, or assess the case as it stood then (records after it ignored; CLI --as-at)"));
    }

    private static void CheckVocabulary(IEnumerable<Ev> events, CompiledProfile profile, List<CaseError> errors)
    {
        foreach (var (e, path) in events)
        {
            if (e.Level is not null && profile.RiskRank(e.Level) < 0)
                errors.Add(new CaseError(path + ".level", $"unknown risk level: profile '{profile.Metadata.Id}' grades risk as {List(profile.RiskLevels)}"));
            if (e.Activity is not null && !profile.DeclaresActivity(e.Activity))
                errors.Add(new CaseError(path + ".activity", $"unknown activity: not an activity of profile '{profile.Metadata.Id}'; its activities are: {List(profile.Activities.Select(x => x.Id))}"));
            if (e.Recipient is not null && !profile.DeclaresRole(e.Recipient))
                errors.Add(new CaseError(path + ".recipient", $"unknown recipient: not a role of profile '{profile.Metadata.Id}'; its roles are: {List(profile.Roles.Select(x => x.Id))}"));
            if (e.By is not null && !profile.DeclaresRole(e.By))
                errors.Add(new CaseError(path + ".by", $"unknown role: not a role of profile '{profile.Metadata.Id}'; its roles are: {List(profile.Roles.Select(x => x.Id))}"));
        }
    }

    /// <summary>
    /// The fields that only some events carry, for a case built in code (the reader already checks them as it reads):
    /// a police category on categorised, a usable interval on frequency-agreed.
    /// </summary>
    private static void CheckEventFields(IEnumerable<Ev> events, List<CaseError> errors)
    {
        foreach (var (e, path) in events)
        {
            if (e.Type == EventType.Categorised && (e.Category is null || !EventTypes.PoliceCategories.Contains(e.Category)))
                errors.Add(new CaseError(path + ".category", $"categorised needs a police category: one of {List(EventTypes.PoliceCategories)}"));
            if (e.Type == EventType.FrequencyAgreed && (e.Every is not { Value: > 0 } every || every.Unit == Time.TimeUnit.WorkingDays))
                errors.Add(new CaseError(path + ".every", "frequency-agreed needs an interval of more than zero in minutes, hours, days, weeks or months"));
        }
    }

    private static void CheckFuture(IEnumerable<Ev> events, Instant now, List<CaseError> errors)
    {
        foreach (var (e, path) in events)
            if (e.At > now)
                errors.Add(new CaseError(path + ".at", "is in the future (after the current time): a record cannot be dated after it was made"));
    }

    private static void CheckEpisode(Ep episode, List<CaseError> errors)
    {
        if (episode.Events.Count == 0)
        {
            errors.Add(new CaseError(episode.Path + ".events", "an episode needs at least one event (e.g. last-seen or reported-missing)"));
            return;
        }
        foreach (var type in OncePerEpisode)
        {
            var same = episode.Events.Where(e => e.Event.Type == type).ToList();
            foreach (var extra in same.Skip(1))
                errors.Add(new CaseError(extra.Path + ".type", $"a second {type.Name()} in the same episode (the first is {same[0].Path}): " +
                    $"{List(OncePerEpisode.Select(t => t.Name()))} happen at most once per episode; a new absence is a new episode"));
        }
        var lastSeen = episode.Events.Where(e => e.Event.Type == EventType.LastSeen).MinBy(e => e.Event.At);
        if (lastSeen is not null)
            foreach (var e in episode.Events.Where(e => NotBeforeLastSeen.Contains(e.Event.Type) && e.Event.At < lastSeen.Event.At))
                errors.Add(new CaseError(e.Path + ".at", $"{e.Event.Type.Name()} is before last-seen ({lastSeen.Path}): the child cannot be {Done(e.Event.Type)} before they went missing"));
        var end = episode.End;
        if (end is not null)
            foreach (var e in episode.Events.Where(e => e.Event.Type == EventType.ReturnNotified && e.Event.At < end.Event.At))
                errors.Add(new CaseError(e.Path + ".at", $"return-notified is before the child was {Done(end.Event.Type)} ({end.Path}): a return cannot be notified before it happened"));
    }

    private static void CheckEpisodeIds(List<Ep> episodes, List<CaseError> errors)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in episodes)
        {
            if (first.TryGetValue(e.Episode.Id, out var earlier))
                errors.Add(new CaseError(e.Path + ".id", $"the same id as {earlier}: episode ids must be unique"));
            else first[e.Episode.Id] = e.Path;
        }
    }

    private static void CheckOverlaps(List<Ep> episodes, List<CaseError> errors)
    {
        var timed = episodes.Where(e => e.StartEvent is not null)
            .OrderBy(e => e.StartEvent!.Event.At).ThenBy(e => e.End?.Event.At ?? Instant.MaxValue).ToList();
        var open = timed.Where(e => e.End is null).ToList();
        Ep? latestEnding = null;   // of the finished episodes begun so far, the one that ends last
        foreach (var e in timed)
        {
            if (latestEnding is not null && latestEnding.End!.Event.At > e.StartEvent!.Event.At)
                errors.Add(new CaseError(e.StartEvent.Path + ".at",
                    $"this episode begins before {latestEnding.Path} ended ({latestEnding.End.Path}): a child cannot be missing twice at once, so episodes cannot overlap"));
            if (e.End is not null && (latestEnding is null || e.End.Event.At > latestEnding.End!.Event.At)) latestEnding = e;
        }
        if (open.Count > 1)
        {
            foreach (var e in open.Take(open.Count - 1))
                errors.Add(new CaseError(e.Path, $"{e.Path} and {open[^1].Path} are both open (neither has a found or returned event): only the latest episode can be open"));
        }
        else if (open.Count == 1 && !ReferenceEquals(open[0], timed[^1]))
            errors.Add(new CaseError(open[0].Path, $"this episode is open (no found or returned event) but {timed[^1].Path} begins after it: only the latest episode can be open"));
    }

    private static string Done(EventType type) => type switch
    {
        EventType.Found => "found",
        EventType.Returned => "back",
        EventType.WhereaboutsLost => "lost track of",
        _ => "known to be somewhere",
    };

    private static string List(IEnumerable<string> items) => string.Join(", ", items);

    private static List<Ev> Located(IEnumerable<EpisodeEvent> events, CaseSource? source, Func<int, string> fallback)
    {
        if (source is null) return events.Select((e, j) => new Ev(e, fallback(j))).ToList();
        // In input order, named by input path.
        return events.Select((e, j) => source.Events.TryGetValue(e, out var o) ? (Ev: new Ev(e, o.Path), o.Index) : (Ev: new Ev(e, fallback(j)), Index: j))
            .OrderBy(x => x.Index).Select(x => x.Ev).ToList();
    }

    private sealed record Ev(EpisodeEvent Event, string Path);

    private sealed class Ep(Episode episode, string path, List<Ev> events)
    {
        public Episode Episode { get; } = episode;
        public string Path { get; } = path;
        public List<Ev> Events { get; } = events;

        /// <summary>The event that dates the start (<see cref="Episode.StartEvent"/>), with its path.</summary>
        public Ev? StartEvent { get; } = episode.StartEvent is { } start ? events.First(e => ReferenceEquals(e.Event, start)) : null;

        /// <summary>The first found or returned.</summary>
        public Ev? End { get; } = events.Where(e => EndsAbsence.Contains(e.Event.Type)).MinBy(e => e.Event.At);

    }
}
