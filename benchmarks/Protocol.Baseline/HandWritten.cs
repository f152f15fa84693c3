using System.Collections.Immutable;
using NodaTime;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Time;

namespace Protocol.Baseline;

/// <summary>
/// The <see cref="WarwickshireSubset"/> written by hand: the six duties and the Missing Intervention Meeting ladder of
/// profiles/warwickshire.yaml as plain loops over a child's records, with the profile's settings read once by a person
/// and hard-coded here (each constant cites the setting or rule it comes from). No rules, no conditions, no
/// explanations: what a developer would write for this one protocol. It is the benchmarks' baseline; a test checks it
/// gives the engine's due instants and states on generated children. Like the engine, it sees the case as it stood at
/// the evaluation instant (records after it are ignored). It lists what is owed, never what is not applicable
/// (see <see cref="EngineAnswers.Of"/>). Immutable and thread-safe.
/// </summary>
public sealed class HandWritten
{
    // --- readings of profiles/warwickshire.yaml, hard-coded ----------------------------------------------------------
    /// <summary>authority-codes: [warwickshire]. The ladder's owner, multi-agency-meeting-owner: responsible-authority.</summary>
    private const string LocalAuthority = "warwickshire";
    /// <summary>police-notify-front-door: deadline { within: 24h } from the report.</summary>
    private static readonly Duration FrontDoorWithin = Duration.FromHours(24);
    /// <summary>dreamm-review-missing-24h: missing-for 24h from $missing-duration-clock (last-seen), threshold $more-than-threshold (strict).</summary>
    private static readonly Duration DreammThreshold = Duration.FromHours(24);
    /// <summary>return-conversation: within 72h from $return-conversation-clock (return-notified), if-not-recorded: wait.</summary>
    private static readonly Duration ReturnConversationWithin = Duration.FromHours(72);
    /// <summary>inform-police-on-return: deadline immediately; settings.immediately-grace: 1h.</summary>
    private static readonly Duration ImmediateGrace = Duration.FromHours(1);
    /// <summary>return-conversation: when $child-under-18 ({ not: { age-at-least: 18 } }; an unknown date of birth does not exempt).</summary>
    private const int AdultAge = 18;
    /// <summary>missing-intervention-meetings rungs: 3+, 6+, 9+ episodes; each "within 5 working days".</summary>
    private static readonly (string Id, int Min, string Activity)[] Rungs =
        [("mim-stage-1", 3, "mim-stage-1"), ("mim-stage-2", 6, "mim-stage-2"), ("mim-escalation", 9, "mim-escalation")];
    /// <summary>The rungs' deadline: { within: 5 working days } of the trigger episode's date.</summary>
    private const int RungWorkingDays = 5;
    /// <summary>settings.mim-window: [90 days, 3 months], ending on the trigger episode's date (either window: "or").</summary>
    private const int WindowDays = 90;
    private const int WindowMonths = 3;

    private readonly WorkingDayCalendar _calendar;
    private readonly DateTimeZone _zone;

    /// <summary>The hand-written subset over a calendar (the profile says <c>calendar: england-and-wales</c>).</summary>
    public HandWritten(WorkingDayCalendar calendar)
    {
        _calendar = calendar;
        _zone = calendar.Zone;
    }

    /// <summary>The hand-written subset over England and Wales working days, the Warwickshire profile's calendar.</summary>
    public static HandWritten Warwickshire { get; } = new(WorkingDayCalendar.EnglandAndWales);

    /// <summary>The subset's duties and rungs for the child at the instant, in <see cref="DutyAnswer.Order"/>.</summary>
    public List<DutyAnswer> Evaluate(ChildCase childCase, Instant at)
    {
        var answers = new List<DutyAnswer>(16);
        // The ladder counts episodes reported missing (classification "missing"), dated by the first report (mim-dated-by).
        var reportedEpisodes = new List<Episode>(childCase.Episodes.Length);
        var reportedAt = new List<Instant>(childCase.Episodes.Length);
        foreach (var episode in childCase.Episodes)
        {
            var report = EvaluateEpisode(childCase, episode, at, answers);
            if (report is { } r)
            {
                // Kept in order of the report (episodes come in order of their start, which almost always agrees).
                var i = reportedAt.Count;
                while (i > 0 && reportedAt[i - 1] > r) i--;
                reportedAt.Insert(i, r);
                reportedEpisodes.Insert(i, episode);
            }
        }
        EvaluateLadder(childCase, reportedEpisodes, reportedAt, at, answers);
        answers.Sort(DutyAnswer.Order);
        return answers;
    }

    /// <summary>The six duties for one episode; returns the instant of its first report, or null if it was not reported by <paramref name="at"/>.</summary>
    private Instant? EvaluateEpisode(ChildCase childCase, Episode episode, Instant at, List<DutyAnswer> answers)
    {
        EpisodeEvent? first = null, lastSeen = null, carerAware = null, report = null, high = null, found = null, returned = null, notified = null;
        foreach (var e in episode.Events)
        {
            if (e.At > at) break;
            first ??= e;
            switch (e.Type)
            {
                case EventType.LastSeen: lastSeen ??= e; break;
                case EventType.CarerAware: carerAware ??= e; break;
                case EventType.ReportedMissing: report ??= e; break;
                case EventType.RiskGraded when e.Level == "high": high ??= e; break;
                case EventType.Found: found ??= e; break;
                case EventType.Returned: returned ??= e; break;
                case EventType.ReturnNotified: notified ??= e; break;
            }
        }
        // Not begun at the instant, or never reported: an absence, never "missing", so none of the duties is owed
        // (episodes.obligations-apply-to: [missing]; a missing episode is one reported to the police).
        if (first is null || report is null) return null;
        var id = episode.Id;
        var missingFrom = report.At;
        var start = (lastSeen ?? carerAware ?? report).At;
        // The child is back at the first of found and returned (episodes.missing-ends-on; the setting located).
        var back = found is null ? returned : returned is null ? found : found.At <= returned.At ? found : returned;
        var records = childCase.Records;

        // police-risk-assessment: on the report; untimed; met by any risk grading from the report on.
        {
            var met = FirstFrom(episode.Events, records, report.At, at, EventType.RiskGraded, null);
            answers.Add(new DutyAnswer("police-risk-assessment", id, null, met is null ? ObligationStatus.Pending : ObligationStatus.MetOnTime));
        }

        // police-notify-front-door: on the report; within 24 hours; met by the missing notification to the Front Door.
        {
            var due = report.At + FrontDoorWithin;
            var met = FirstFrom(episode.Events, records, report.At, at, EventType.NotificationSent, "front-door-missing-notification");
            answers.Add(new DutyAnswer("police-notify-front-door", id, due, Timed(met, due, null, at)));
        }

        // police-detective-inspector-review-high: on the first high grading; by the end of that calendar day
        // (high-risk-detective-inspector-deadline: same-day); lapses when the child is found or returns (in-absence-lapses-on).
        if (high is not null)
        {
            var raised = Later(high.At, missingFrom);
            var due = _calendar.EndOfDay(raised.InZone(_zone).Date);
            var met = FirstFrom(episode.Events, records, high.At, at, EventType.ReviewHeld, "detective-inspector-review");
            answers.Add(new DutyAnswer("police-detective-inspector-review-high", id, due, Timed(met, due, back, at)));
        }

        // dreamm-review-missing-24h: raised once the child has been missing more than 24 hours after last seen (strict);
        // due the end of the next working day (dreamm-deadline); a review held since the start of the episode meets it
        // (met-since: episode-start); lapses when the child is back.
        {
            var mark = start + DreammThreshold; // without a last-seen record, from the episode's start
            var met = FirstFrom(episode.Events, records, start, at, EventType.ReviewHeld, "dreamm-review");
            if (back is null && at <= mark)
            {
                // Still missing, the mark ahead: upcoming, with the due time it would then have.
                answers.Add(new DutyAnswer("dreamm-review-missing-24h", id, NextWorkingDayEnd(mark), ObligationStatus.Upcoming));
            }
            else if (back is null || back.At > mark)
            {
                var raised = Later(mark, missingFrom); // reported only after the mark: it arises at the report
                var due = NextWorkingDayEnd(raised);
                answers.Add(new DutyAnswer("dreamm-review-missing-24h", id, due, Timed(met, due, back, at)));
            }
            // Back before (or at) the mark: it did not arise (not applicable).
        }

        // return-conversation: when the child is located (first of found, returned), for a child under 18 then; within
        // 72 hours of the return being notified (waiting until it is); met by a completed conversation; a decline before
        // it is late ends it.
        if (back is not null)
        {
            var raised = Later(back.At, missingFrom);
            var age = childCase.Child.AgeAt(raised, _zone);
            if (age is null || age < AdultAge)
            {
                Instant? due = notified is null ? null : notified.At + ReturnConversationWithin;
                var met = FirstFrom(episode.Events, records, back.At, at, EventType.InterviewCompleted, "return-conversation");
                EpisodeEvent? declined = null;
                foreach (var e in episode.Events)
                {
                    if (e.At > at) break;
                    if (e.At >= back.At && e.Type == EventType.InterviewDeclined && e.Activity == "return-conversation") { declined = e; break; }
                }
                ObligationStatus status;
                if (met is not null) status = due is { } d && met.At > d ? ObligationStatus.MetLate : ObligationStatus.MetOnTime;
                else if (declined is not null && (due is null || declined.At <= due)) status = ObligationStatus.Lapsed;
                else if (due is { } d2 && at > d2) status = ObligationStatus.Overdue;
                else status = ObligationStatus.Pending;
                answers.Add(new DutyAnswer("return-conversation", id, due, status));
            }
        }

        // inform-police-on-return: when the child returns, unless found by then (no-event: found); due at once, late after
        // the one-hour grace; met by telling the police, or by the police finding the child.
        if (returned is not null)
        {
            var raised = Later(returned.At, missingFrom);
            if (found is null || found.At > raised)
            {
                var lateAfter = raised + ImmediateGrace;
                var told = FirstFrom(episode.Events, records, returned.At, at, EventType.NotificationSent, "police-told-of-return");
                var met = found is not null && (told is null || found.At < told.At) ? found : told;
                ObligationStatus status;
                if (met is not null) status = met.At > lateAfter ? ObligationStatus.MetLate : ObligationStatus.MetOnTime;
                else status = at > lateAfter ? ObligationStatus.Overdue : ObligationStatus.Pending;
                answers.Add(new DutyAnswer("inform-police-on-return", id, raised, status));
            }
        }
        return report.At;
    }

    /// <summary>
    /// The Missing Intervention Meetings: each reported episode, in order of its report, counts the reported episodes
    /// in the 90 days or the 3 months ending on its date (the larger count); a rung is raised by the episode that brings
    /// the count into it (mim-raised-by: entering-rung). A rung reached before the lower rung's meeting was held is a
    /// decision with no deadline (mim-before-lower-held: decision). Meetings are the responsible authority's
    /// (multi-agency-meeting-owner): external for a child placed by another authority.
    /// </summary>
    private void EvaluateLadder(ChildCase childCase, List<Episode> episodes, List<Instant> reportedAt, Instant at, List<DutyAnswer> answers)
    {
        if (episodes.Count < Rungs[0].Min) return;
        var dates = new LocalDate[episodes.Count];
        for (var i = 0; i < dates.Length; i++) dates[i] = reportedAt[i].InZone(_zone).Date;
        // The latest raising of each rung so far, and when its meeting was held (null: not yet).
        var raisedAt = new Instant?[Rungs.Length];
        var heldAt = new Instant?[Rungs.Length];
        var previous = 0;
        for (var i = 0; i < episodes.Count; i++)
        {
            var from90 = dates[i].PlusDays(-(WindowDays - 1));
            var from3m = dates[i].PlusMonths(-WindowMonths).PlusDays(1);
            int in90 = 0, in3m = 0;
            for (var j = 0; j <= i; j++)
            {
                if (dates[j] >= from90) in90++;
                if (dates[j] >= from3m) in3m++;
            }
            var count = Math.Max(in90, in3m);
            for (var r = 0; r < Rungs.Length; r++)
            {
                if (count < Rungs[r].Min || (i > 0 && previous >= Rungs[r].Min)) continue;
                var trigger = reportedAt[i];
                var decision = r > 0 && raisedAt[r - 1] is not null && (heldAt[r - 1] is not { } held || held > trigger);
                var met = FirstActivityRecord(childCase, Rungs[r].Activity, trigger, at, decisionCounts: decision);
                raisedAt[r] = trigger;
                heldAt[r] = met?.At;
                var owner = childCase.Child.CircumstancesAt(episodes[i].Start ?? trigger).ResponsibleAuthority;
                var external = owner is not null && !string.Equals(owner, LocalAuthority, StringComparison.OrdinalIgnoreCase);
                Instant? due = decision ? null : _calendar.EndOfDay(_calendar.AddWorkingDays(dates[i], RungWorkingDays));
                ObligationStatus status;
                if (external) status = ObligationStatus.External;
                else if (decision) status = met is not null ? ObligationStatus.MetOnTime : ObligationStatus.DecisionRequired;
                else status = Timed(met, due!.Value, null, at);
                answers.Add(new DutyAnswer(Rungs[r].Id, episodes[i].Id, due, status));
            }
            previous = count;
        }
    }

    /// <summary>
    /// The first record of the rung's meeting from the trigger on (to the instant), anywhere in the child's records: any
    /// activity record of it, except an agreed frequency, and a recorded decision only where a decision is asked for.
    /// </summary>
    private static EpisodeEvent? FirstActivityRecord(ChildCase childCase, string activity, Instant from, Instant at, bool decisionCounts)
    {
        EpisodeEvent? best = null;
        foreach (var episode in childCase.Episodes)
            best = Earlier(best, FirstActivity(episode.Events, activity, from, at, decisionCounts));
        return Earlier(best, FirstActivity(childCase.Records, activity, from, at, decisionCounts));
    }

    private static EpisodeEvent? FirstActivity(ImmutableArray<EpisodeEvent> events, string activity, Instant from, Instant at, bool decisionCounts)
    {
        foreach (var e in events)
        {
            if (e.At > at) break;
            if (e.At < from || e.Activity != activity || !e.Type.IsActivityRecord() || e.Type == EventType.FrequencyAgreed) continue;
            if (e.Type == EventType.DecisionRecorded && !decisionCounts) continue;
            return e;
        }
        return null;
    }

    /// <summary>The state of a timed duty: met (on time or late), lapsed (back before it was late), overdue or pending.</summary>
    private static ObligationStatus Timed(EpisodeEvent? met, Instant due, EpisodeEvent? lapse, Instant at)
    {
        if (met is not null) return met.At > due ? ObligationStatus.MetLate : ObligationStatus.MetOnTime;
        if (lapse is not null && lapse.At <= due) return ObligationStatus.Lapsed;
        return at > due ? ObligationStatus.Overdue : ObligationStatus.Pending;
    }

    /// <summary>The end of the first working day after the instant's date.</summary>
    private Instant NextWorkingDayEnd(Instant t) => _calendar.EndOfDay(_calendar.NextWorkingDay(t.InZone(_zone).Date));

    /// <summary>
    /// The first record of the type (and activity, if given) from <paramref name="from"/> to <paramref name="at"/>, in the
    /// episode or among the child-level records.
    /// </summary>
    private static EpisodeEvent? FirstFrom(ImmutableArray<EpisodeEvent> events, ImmutableArray<EpisodeEvent> records, Instant from, Instant at, EventType type, string? activity) =>
        Earlier(First(events, from, at, type, activity), First(records, from, at, type, activity));

    private static EpisodeEvent? First(ImmutableArray<EpisodeEvent> events, Instant from, Instant at, EventType type, string? activity)
    {
        foreach (var e in events)
        {
            if (e.At > at) break;
            if (e.At >= from && e.Type == type && (activity is null || e.Activity == activity)) return e;
        }
        return null;
    }

    private static EpisodeEvent? Earlier(EpisodeEvent? a, EpisodeEvent? b) => a is null ? b : b is null || a.At <= b.At ? a : b;

    private static Instant Later(Instant a, Instant b) => a >= b ? a : b;
}
