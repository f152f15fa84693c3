using NodaTime;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Core.Time;

namespace Protocol.Core.Evaluation;

/// <summary>
/// Evaluates a child's case against a compiled profile. A pure function of (profile, case, instant):
/// no clock, no I/O, no shared mutable state; safe to call from many threads at once. Events after the
/// evaluation instant are not seen ("as at" the instant), and the assessment's assumptions say how many were
/// ignored. The case is expected to be valid: read it with <see cref="Cases.CaseReader"/>, or check a case
/// built in code with <see cref="Cases.CaseValidator"/>.
/// </summary>
public static class Evaluator
{
    /// <summary>Evaluates the case at the instant.</summary>
    public static Assessment Evaluate(CompiledProfile profile, ChildCase childCase, Instant at)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(childCase);
        RequireVocabulary(profile, childCase, "");
        var run = new Run(profile, childCase, at);
        return run.Execute();
    }

    /// <summary>
    /// Evaluates every child of a caseload, and the ladders that count episodes per establishment
    /// (<c>per: establishment</c>) across all of them. An episode belongs to its own placement, else the
    /// child's current placement.
    /// </summary>
    public static CaseloadAssessment EvaluateCaseload(CompiledProfile profile, Caseload caseload, Instant at)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(caseload);
        var children = new List<Assessment>();
        var counted = new Dictionary<Ladder, List<CountedEpisode>>();
        for (var i = 0; i < caseload.Children.Length; i++) RequireVocabulary(profile, caseload.Children[i], $"children[{i}].");
        var establishmentLadders = profile.Ladders.Where(l => l.Per == LadderScope.Establishment).ToList();
        foreach (var l in establishmentLadders) counted[l] = [];
        foreach (var childCase in caseload.Children)
        {
            var run = new Run(profile, childCase, at);
            children.Add(run.Execute());
            foreach (var ladder in establishmentLadders)
                foreach (var (episode, label) in run.Classifications)
                {
                    if (!ladder.Counts.Contains(label, StringComparer.Ordinal) || (episode.Placement ?? childCase.Child.Placement) is null) continue;
                    var c = new CountedEpisode(childCase.Child.Id, episode, ladder.DatedBy.FirstIn(episode, at)?.At ?? episode.Start!.Value);
                    if (run.Counts(ladder, childCase, c)) counted[ladder].Add(c);
                }
        }
        var escalations = new List<EscalationResult>();
        var positions = new List<LadderPosition>();
        foreach (var ladder in establishmentLadders)
        {
            var byPlacement = counted[ladder]
                .GroupBy(c => c.Episode.Placement ?? caseload.Children.First(x => x.Child.Id == c.ChildId).Child.Placement!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in byPlacement)
            {
                var records = caseload.EstablishmentRecords.TryGetValue(group.Key, out var r) ? r : [];
                var (found, position) = LadderEvaluation.Evaluate(profile, ladder, group.ToList(), records, at, group.Key);
                escalations.AddRange(found);
                positions.Add(position);
            }
        }
        return new CaseloadAssessment { EvaluatedAt = at, ProfileId = profile.Metadata.Id, Children = children, Establishments = escalations, EstablishmentLadders = positions };
    }

    /// <summary>
    /// Refuses a case whose flags, risk levels or activities the profile does not declare: evaluating it would
    /// guess silently. The message names positions and the profile's vocabulary, never values from the case.
    /// </summary>
    private static void RequireVocabulary(CompiledProfile profile, ChildCase childCase, string prefix)
    {
        if (profile.Fits(childCase)) return; // set lookups only; positions are worked out only for the message
        var problems = Cases.CaseValidator.CheckVocabulary(childCase, profile);
        throw new ArgumentException(
            $"The case does not fit profile '{profile.Metadata.Id}': {string.Join("; ", problems.Select(p => prefix + p))}. " +
            "Read cases with CaseReader, or check a case built in code with CaseValidator.Validate.", nameof(childCase));
    }

    private sealed class Run(CompiledProfile profile, ChildCase childCase, Instant at)
    {
        private readonly List<ObligationResult> _obligations = [];
        private readonly List<EscalationResult> _escalations = [];
        private readonly SortedSet<string> _assumptions = new(StringComparer.Ordinal);
        private readonly Dictionary<Episode, string> _classification = [];
        private WorkingDayCalendar Calendar => profile.Calendar;

        public Assessment Execute()
        {
            var child = childCase.Child;
            if (child.DateOfBirth is null)
                _assumptions.Add("The date of birth is not recorded: conditions on age do not hold.");
            var ignored = childCase.AllEvents().Count(e => e.At > at);
            if (ignored > 0)
                _assumptions.Add($"{ignored} {(ignored == 1 ? "event recorded after the evaluation instant was" : "events recorded after the evaluation instant were")} ignored: the case is assessed as it stood at {Format(at)}.");
            var episodes = childCase.Episodes.Where(e => e.Start is { } s && s <= at).ToList();
            var summaries = new List<EpisodeSummary>();
            foreach (var episode in episodes)
            {
                if (episode.StartEvent is { Type: not EventType.LastSeen } from)
                {
                    _assumptions.Add($"Episode {episode.Id} has no last-seen record: it is taken to begin at {from.Type.Name()} ({Format(from.At)}); a clock the profile starts at last-seen falls back as each item's explanation says.");
                }
                var summary = Classify(episode);
                summaries.Add(summary);
                if (episode.First(new EventReference(EventType.ReportedMissing), at) is not null && summary.Risk is null)
                    _assumptions.Add($"Episode {episode.Id} was reported missing but has no risk grading: conditions on risk do not hold.");
                foreach (var rule in profile.Obligations.Where(r => r.Scope == Scope.Episode))
                    EvaluateEpisodeObligation(rule, episode, summary.Classification);
            }
            foreach (var rule in profile.Obligations.Where(r => r.Scope == Scope.Child))
                EvaluateChildObligation(rule);
            var ladders = profile.Ladders.Where(l => l.Per == LadderScope.Child).Select(EvaluateLadder).ToList();
            CheckCalendarCoverage();
            var latest = summaries.LastOrDefault();
            return new Assessment
            {
                ProfileId = profile.Metadata.Id,
                ProfileVersion = profile.Metadata.Version,
                EvaluatedAt = at,
                ChildId = child.Id,
                Age = child.AgeAt(at, Calendar.Zone),
                Classification = latest?.Classification,
                ClassificationReason = latest?.Reason,
                CurrentRisk = latest?.Risk,
                Episodes = summaries,
                Obligations = _obligations
                    .OrderBy(o => o.Due?.Utc ?? o.TriggeredAt)
                    .ThenBy(o => o.Id, StringComparer.Ordinal)
                    .ThenBy(o => o.EpisodeId, StringComparer.Ordinal)
                    .ThenBy(o => o.Occurrence)
                    .ToList(),
                Escalations = _escalations,
                Ladders = ladders,
                Assumptions = _assumptions.ToList(),
            };
        }

        private string? ClassificationOf(Episode episode) =>
            _classification.TryGetValue(episode, out var label) ? label : Classify(episode).Classification;

        private EpisodeSummary Classify(Episode episode)
        {
            var context = new FactContext(profile, childCase, episode, at, null, ClassificationOf);
            string label = profile.DefaultClassification, reason = "no classification rule matched";
            string? citation = null;
            foreach (var rule in profile.Classification)
            {
                if (!rule.When.Evaluate(context)) continue;
                label = rule.Label;
                reason = rule.Reason;
                citation = rule.Citation;
                break;
            }
            _classification[episode] = label;
            return new EpisodeSummary
            {
                EpisodeId = episode.Id,
                Classification = label,
                Reason = reason,
                Citation = citation,
                Risk = context.Risk(),
                Started = episode.Start,
                Ended = episode.FirstOf(profile.MissingEndsOn, at)?.At,
            };
        }

        private Instant? TriggerInstant(Trigger trigger, Episode episode, out string description)
        {
            description = trigger.Describe();
            switch (trigger)
            {
                case EventTrigger t:
                    var e = t.Event.FirstIn(episode, at);
                    if (e is null) return null;
                    description = $"{t.Event} at {Format(e.At)}";
                    return e.At;
                case MissingForTrigger m:
                    var start = m.From.FirstIn(episode, at);
                    if (start is null) return null;
                    var threshold = m.Amount.AddTo(start.At, Calendar);
                    if (threshold > at) return null;
                    var ended = episode.FirstOf(profile.MissingEndsOn, at);
                    var reached = m.Mode == ThresholdMode.Inclusive
                        ? ended is null || ended.At >= threshold
                        : ended is null ? at > threshold : ended.At > threshold;
                    if (!reached) return null;
                    description = $"still missing {(m.Mode == ThresholdMode.Strict ? "more than" : "at")} {m.Amount} after {m.From} at {Format(start.At)}, i.e. from {Format(threshold)}";
                    return threshold;
                default:
                    throw new InvalidOperationException($"Unknown trigger {trigger}");
            }
        }

        private void EvaluateEpisodeObligation(ObligationRule rule, Episode episode, string classification)
        {
            var triggered = TriggerInstant(rule.Trigger, episode, out var triggerText);
            if (triggered is not { } t) return;
            var context = new FactContext(profile, childCase, episode, t, classification, ClassificationOf);
            var why = new List<string> { $"Triggered: {triggerText}." };
            if (rule.AppliesTo.Count > 0 && !rule.AppliesTo.Contains(classification, StringComparer.Ordinal))
            {
                why.Add($"Does not apply: the episode is classified '{classification}', and this applies to {string.Join(" or ", rule.AppliesTo.Select(a => $"'{a}'"))} episodes.");
                _obligations.Add(NotApplicable(rule, episode.Id, t, triggerText, why));
                return;
            }
            var conditionLines = rule.When.Explain(context);
            if (!rule.When.Evaluate(context))
            {
                why.Add("Does not apply: its conditions did not hold at the trigger.");
                why.AddRange(conditionLines);
                _obligations.Add(NotApplicable(rule, episode.Id, t, triggerText, why));
                return;
            }
            if (conditionLines.Count > 0)
            {
                why.Add("Applies: its conditions held at the trigger.");
                why.AddRange(conditionLines);
            }
            // Records of what was done may sit on the episode or at child level (e.g. a meeting held after
            // several episodes): both can meet an episode's obligation.
            IReadOnlyList<EpisodeEvent> candidates = childCase.Records.IsEmpty ? episode.Events : episode.Events.Concat(childCase.Records).OrderBy(e => e.At).ToList();
            var metFrom = rule.MetSince == MetSince.EpisodeStart ? episode.Start ?? t : t;
            AddOccurrences(rule, ChooseDeadline(rule, context, why), episode, episode.Id, t, triggerText, why, candidates, metFrom);
        }

        private void EvaluateChildObligation(ObligationRule rule)
        {
            if (rule.Trigger is not EventTrigger trigger) return;
            foreach (var e in childCase.AllEvents())
            {
                if (e.At > at) break;
                if (!trigger.Event.Matches(e)) continue;
                var episode = childCase.Episodes.FirstOrDefault(ep => ep.Events.Contains(e))
                              ?? childCase.Episodes.LastOrDefault(ep => ep.Start <= e.At);
                var classification = episode is null ? null : _classification.GetValueOrDefault(episode);
                var context = new FactContext(profile, childCase, episode, e.At, classification, ClassificationOf);
                var triggerText = $"{trigger.Event} at {Format(e.At)}";
                var why = new List<string> { $"Triggered: {triggerText}." };
                var lines = rule.When.Explain(context);
                if (!rule.When.Evaluate(context))
                {
                    // A child-level rule whose conditions fail on an ordinary occurrence (e.g. only the first or
                    // second decline) is not reported: it would be noise on every record.
                    continue;
                }
                if (lines.Count > 0)
                {
                    why.Add("Applies: its conditions held at the trigger.");
                    why.AddRange(lines);
                }
                AddOccurrences(rule, ChooseDeadline(rule, context, why), episode, null, e.At, triggerText, why, childCase.AllEvents().ToList(), e.At);
            }
        }

        private static Deadline ChooseDeadline(ObligationRule rule, FactContext context, List<string> why)
        {
            foreach (var alternative in rule.DeadlineAlternatives)
            {
                if (!alternative.When.Evaluate(context)) continue;
                why.Add($"Deadline {alternative.Deadline.Describe()}, because {alternative.When.Description}.");
                return alternative.Deadline;
            }
            if (rule.DeadlineAlternatives.Count > 0)
                why.Add($"Deadline {rule.Deadline.Describe()}: no condition for a different deadline held.");
            return rule.Deadline;
        }

        private void AddOccurrences(ObligationRule rule, Deadline deadline, Episode? episode, string? episodeId, Instant t, string triggerText,
            List<string> why, IReadOnlyList<EpisodeEvent> candidates, Instant metFrom)
        {
            var anchor = t;
            if (deadline.From is { } from)
            {
                var anchorEvent = episode is null ? null : from.FirstIn(episode, at);
                if (anchorEvent is null)
                {
                    why.Add($"The deadline is counted from {from}, which is not recorded: counted from the trigger instead.");
                    _assumptions.Add($"{Subject(rule, episodeId)}: its deadline is counted from {from}, which is not recorded; it is counted from the trigger instead.");
                }
                else
                    anchor = anchorEvent.At;
            }
            var firstDue = deadline.DueFrom(anchor, Calendar);
            if (firstDue < t)
                why.Add($"The deadline is counted from {deadline.From} at {Format(anchor)}, before the trigger: it had already passed when the duty arose.");
            if (rule.Recurs is null)
            {
                _obligations.Add(Resolve(rule, deadline, episodeId, null, t, anchor, triggerText, why, firstDue, candidates, metFrom, rule.LapsesOn));
                return;
            }
            var recurs = rule.Recurs;
            var stops = rule.LapsesOn.Concat(recurs.Until).ToList();
            var stop = episode?.FirstOf(recurs.Until, at) is { } s && s.At >= t ? s : null;
            var windowStart = metFrom;
            for (var k = 0; k < recurs.MaxOccurrences; k++)
            {
                if (windowStart > at) break;
                if (stop is not null && stop.At <= windowStart && k > 0) break;
                var due = k == 0 ? firstDue : new Amount(recurs.Every.Value * k, recurs.Every.Unit).AddTo(firstDue, Calendar);
                var lines = new List<string>(why) { $"Occurrence {k + 1}: recurs every {recurs.Every} until {string.Join(" or ", recurs.Until)}." };
                // Intervals are [start, due] for the first occurrence and (previous due, due] after it, so a
                // record exactly on a boundary meets only the occurrence it is due for.
                _obligations.Add(Resolve(rule, deadline, episodeId, k + 1, t, anchor, triggerText, lines, due, candidates, windowStart, stops, windowEnd: due, exclusiveStart: k > 0));
                windowStart = due;
            }
            if (windowStart <= at && (stop is null || stop.At > windowStart))
                _assumptions.Add($"{Subject(rule, episodeId)}: only its first {recurs.MaxOccurrences} occurrences are assessed (the profile's 'max'); it still recurs after {Format(windowStart)}.");
        }

        /// <summary>An obligation named in the assessment's assumptions: its id, and its episode if it has one.</summary>
        private static string Subject(ObligationRule rule, string? episodeId) => episodeId is null ? rule.Id : $"{rule.Id} (episode {episodeId})";

        private ObligationResult Resolve(ObligationRule rule, Deadline deadline, string? episodeId, int? occurrence, Instant t, Instant countedFrom, string triggerText,
            List<string> why, Instant due, IReadOnlyList<EpisodeEvent> candidates, Instant metFrom,
            IReadOnlyList<EventReference> lapses, Instant? windowEnd = null, bool exclusiveStart = false)
        {
            var dueTime = DueTime.Create(due, Calendar.Zone, deadline.Describe(), !deadline.CanBeOverdue);
            why.Add($"Due {(deadline.CanBeOverdue ? "by" : "at")} {Format(due)} ({deadline.Describe()}).");
            EpisodeEvent? met = null;
            foreach (var e in candidates)
            {
                if (e.At > at) break;
                if (e.At < metFrom || (exclusiveStart && e.At == metFrom)) continue;
                if (rule.MetBy.Any(r => r.Matches(e))) { met = e; break; }
            }
            if (met is not null && occurrence is not null && windowEnd is { } we && met.At > we)
                met = null; // a record after this occurrence's window belongs to a later occurrence
            ObligationStatus status;
            if (met is not null)
            {
                var onTime = !deadline.CanBeOverdue || met.At <= due;
                status = onTime ? ObligationStatus.MetOnTime : ObligationStatus.MetLate;
                why.Add($"{(onTime ? "Met on time" : "Met late")}: {met.Type.Name()}{(met.Qualifier is null ? "" : ":" + met.Qualifier)} at {Format(met.At)}.");
            }
            else
            {
                EpisodeEvent? lapse = null;
                foreach (var e in candidates)
                {
                    if (e.At > at) break;
                    if (e.At < metFrom || (exclusiveStart && e.At == metFrom)) continue;
                    if (lapses.Any(r => r.Matches(e))) { lapse = e; break; }
                }
                if (lapse is not null && (!deadline.CanBeOverdue || lapse.At <= due))
                {
                    status = ObligationStatus.NotApplicable;
                    why.Add($"Lapsed: {lapse.Type.Name()} at {Format(lapse.At)}, before it was met or due.");
                }
                else if (deadline.CanBeOverdue && at > due)
                {
                    status = ObligationStatus.Overdue;
                    why.Add($"Overdue: not met by {Format(due)}; {FormatSpan(at - due)} past the deadline at {Format(at)}.");
                }
                else
                {
                    status = ObligationStatus.Pending;
                    why.Add(deadline.CanBeOverdue
                        ? $"Pending: {FormatSpan(due - at)} left at {Format(at)}."
                        : "Pending: due immediately, and not yet recorded as done.");
                }
            }
            return new ObligationResult
            {
                Id = rule.Id,
                Title = rule.Title,
                Nature = rule.Nature,
                Responsible = rule.Responsible,
                EpisodeId = episodeId,
                Occurrence = occurrence,
                Trigger = triggerText,
                TriggeredAt = t,
                CountedFrom = countedFrom,
                Due = dueTime,
                Status = status,
                MetBy = met is null ? null : new MetEvent(met.Qualifier is null ? met.Type.Name() : $"{met.Type.Name()}:{met.Qualifier}", met.At),
                Citation = rule.Citation,
                Reading = rule.Reading,
                Explanation = why,
            };
        }

        private static ObligationResult NotApplicable(ObligationRule rule, string? episodeId, Instant t, string triggerText, List<string> why) => new()
        {
            Id = rule.Id,
            Title = rule.Title,
            Nature = rule.Nature,
            Responsible = rule.Responsible,
            EpisodeId = episodeId,
            Trigger = triggerText,
            TriggeredAt = t,
            CountedFrom = t,
            Status = ObligationStatus.NotApplicable,
            Citation = rule.Citation,
            Reading = rule.Reading,
            Explanation = why,
        };

        private LadderPosition EvaluateLadder(Ladder ladder)
        {
            var counted = childCase.Episodes
                .Where(e => _classification.TryGetValue(e, out var c) && ladder.Counts.Contains(c, StringComparer.Ordinal))
                .Select(e => new CountedEpisode(childCase.Child.Id, e, ladder.DatedBy.FirstIn(e, at)?.At ?? e.Start!.Value))
                .Where(c => Counts(ladder, childCase, c))
                .ToList();
            var (escalations, position) = LadderEvaluation.Evaluate(profile, ladder, counted, childCase.AllEvents(), at, establishment: null);
            _escalations.AddRange(escalations);
            return position;
        }

        /// <summary>True if the ladder's <c>where</c> condition holds for the episode, at the instant that dates it.</summary>
        public bool Counts(Ladder ladder, ChildCase owner, CountedEpisode c) =>
            ladder.Where.IsAlways || ladder.Where.Evaluate(new FactContext(profile, owner, c.Episode, c.At, _classification.GetValueOrDefault(c.Episode), ClassificationOf));

        /// <summary>The classification of each episode (after <see cref="Execute"/>).</summary>
        public IReadOnlyDictionary<Episode, string> Classifications => _classification;

        private void CheckCalendarCoverage()
        {
            foreach (var o in _obligations)
            {
                if (o.Due is { } due && !Calendar.Covers(due.Utc.InZone(Calendar.Zone).Date))
                {
                    _assumptions.Add($"Some dates fall outside the bank-holiday list ({Calendar}): only weekends were excluded from working days there.");
                    return;
                }
            }
        }

        private string Format(Instant instant) => DueTime.FormatLocal(instant, Calendar.Zone);

        private static string FormatSpan(Duration d)
        {
            var total = (long)Math.Round(d.TotalMinutes);
            var days = total / (24 * 60);
            var hours = total / 60 % 24;
            var minutes = total % 60;
            var parts = new List<string>();
            if (days > 0) parts.Add($"{days}d");
            if (hours > 0) parts.Add($"{hours}h");
            if (minutes > 0 || parts.Count == 0) parts.Add($"{minutes}m");
            return string.Join(" ", parts);
        }
    }
}
