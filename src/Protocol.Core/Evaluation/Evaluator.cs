using NodaTime;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Core.Time;

namespace Protocol.Core.Evaluation;

/// <summary>
/// Evaluates a child's case against a compiled profile. A pure function of (profile, case, instant):
/// no clock, no I/O, no shared mutable state; safe to call from many threads at once. Events after the
/// evaluation instant are not seen ("as at" the instant).
/// </summary>
public static class Evaluator
{
    /// <summary>Evaluates the case at the instant.</summary>
    public static Assessment Evaluate(CompiledProfile profile, ChildCase childCase, Instant at)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(childCase);
        var run = new Run(profile, childCase, at);
        return run.Execute();
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
            var episodes = childCase.Episodes.Where(e => e.Start is { } s && s <= at).ToList();
            var summaries = new List<EpisodeSummary>();
            foreach (var episode in episodes)
            {
                var summary = Classify(episode);
                summaries.Add(summary);
                if (episode.First(new EventReference(EventType.ReportedMissing), at) is not null && summary.Risk is null)
                    _assumptions.Add($"Episode {episode.Id} was reported missing but has no risk grading: conditions on risk do not hold.");
                foreach (var rule in profile.Obligations.Where(r => r.Scope == Scope.Episode))
                    EvaluateEpisodeObligation(rule, episode, summary.Classification);
            }
            foreach (var rule in profile.Obligations.Where(r => r.Scope == Scope.Child))
                EvaluateChildObligation(rule);
            var ladders = profile.Ladders.Select(EvaluateLadder).ToList();
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
                    var e = episode.First(t.Event, at);
                    if (e is null) return null;
                    description = $"{t.Event} at {Format(e.At)}";
                    return e.At;
                case MissingForTrigger m:
                    var start = episode.First(m.From, at);
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
            var candidates = episode.Events;
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
                var anchorEvent = episode?.First(from, at);
                if (anchorEvent is null)
                    why.Add($"The deadline is counted from {from}, which is not recorded: counted from the trigger instead.");
                else
                    anchor = anchorEvent.At;
            }
            var firstDue = deadline.DueFrom(anchor, Calendar);
            if (rule.Recurs is null)
            {
                _obligations.Add(Resolve(rule, deadline, episodeId, null, t, triggerText, why, firstDue, candidates, metFrom, rule.LapsesOn));
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
                _obligations.Add(Resolve(rule, deadline, episodeId, k + 1, t, triggerText, lines, due, candidates, windowStart, stops, windowEnd: due));
                windowStart = due;
            }
        }

        private ObligationResult Resolve(ObligationRule rule, Deadline deadline, string? episodeId, int? occurrence, Instant t, string triggerText,
            List<string> why, Instant due, IReadOnlyList<EpisodeEvent> candidates, Instant metFrom,
            IReadOnlyList<EventReference> lapses, Instant? windowEnd = null)
        {
            var dueTime = DueTime.Create(due, Calendar.Zone, deadline.Describe(), !deadline.CanBeOverdue);
            why.Add($"Due {(deadline.CanBeOverdue ? "by" : "at")} {Format(due)} ({deadline.Describe()}).");
            EpisodeEvent? met = null;
            foreach (var e in candidates)
            {
                if (e.At > at) break;
                if (e.At < metFrom) continue;
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
                    if (e.At < metFrom) continue;
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
            Status = ObligationStatus.NotApplicable,
            Citation = rule.Citation,
            Reading = rule.Reading,
            Explanation = why,
        };

        private LadderPosition EvaluateLadder(Ladder ladder)
        {
            var counted = childCase.Episodes
                .Where(e => _classification.TryGetValue(e, out var c) && ladder.Counts.Contains(c, StringComparer.Ordinal))
                .Select(e => (Episode: e, At: e.First(ladder.DatedBy, at)?.At ?? e.Start!.Value))
                .Where(p => p.At <= at)
                .OrderBy(p => p.At)
                .ToList();
            int previous = 0;
            string? highest = null;
            for (var i = 0; i < counted.Count; i++)
            {
                var (episode, dated) = counted[i];
                var date = dated.InZone(Calendar.Zone).Date;
                var (count, from, readingText) = CountAt(ladder, counted, i, date);
                foreach (var rung in ladder.Rungs)
                {
                    if (!rung.Contains(count)) continue;
                    highest = rung.Id;
                    if (i > 0 && rung.Contains(previous)) continue;
                    _escalations.Add(ResolveRung(ladder, rung, episode, dated, date, count, from, readingText, counted.Take(i + 1).Where(p => from is null || p.At.InZone(Calendar.Zone).Date >= from).Select(p => p.Episode.Id)));
                }
                previous = count;
            }
            var today = at.InZone(Calendar.Zone).Date;
            var nowCount = counted.Count == 0 ? 0 : CountAt(ladder, counted.Append((counted[^1].Episode, at)).ToList(), counted.Count, today).Count - 1;
            return new LadderPosition(ladder.Id, ladder.Title, Math.Max(nowCount, 0), highest, ladder.Window.Describe());
        }

        private (int Count, LocalDate? From, string Reading) CountAt(Ladder ladder, List<(Episode Episode, Instant At)> counted, int index, LocalDate date)
        {
            if (ladder.Window.AllHistory) return (index + 1, null, "whole history");
            var best = (Count: -1, From: (LocalDate?)null, Reading: "");
            var perReading = new List<string>();
            foreach (var reading in ladder.Window.Readings)
            {
                var first = EpisodeWindow.FirstDate(reading, date);
                var count = 0;
                for (var j = 0; j <= index; j++)
                    if (counted[j].At.InZone(Calendar.Zone).Date >= first) count++;
                perReading.Add($"{count} in the {reading} from {first:yyyy-MM-dd}");
                if (count > best.Count) best = (count, first, reading.ToString());
            }
            return (best.Count, best.From, string.Join("; ", perReading));
        }

        private EscalationResult ResolveRung(Ladder ladder, Rung rung, Episode episode, Instant dated, LocalDate date, int count,
            LocalDate? from, string readings, IEnumerable<string> episodeIds)
        {
            var due = rung.Deadline.DueFrom(dated, Calendar);
            var why = new List<string>
            {
                $"Reached: {count} counted episodes ({string.Join(", ", episodeIds)}) in {ladder.Window.Describe()} ({readings}); this rung is {rung.Range}.",
                $"Due {(rung.Deadline.CanBeOverdue ? "by" : "at")} {Format(due)} ({rung.Deadline.Describe()} of the trigger episode {episode.Id}, dated {Format(dated)}).",
            };
            if (ladder.Reading is { } reading) why.Add($"Reading: {reading}");
            EpisodeEvent? met = null;
            foreach (var e in childCase.AllEvents())
            {
                if (e.At > at) break;
                if (e.At >= dated && e.Type.IsActivityRecord() && e.Activity == rung.Activity.Id) { met = e; break; }
            }
            ObligationStatus status;
            if (met is not null)
            {
                status = !rung.Deadline.CanBeOverdue || met.At <= due ? ObligationStatus.MetOnTime : ObligationStatus.MetLate;
                why.Add($"{(status == ObligationStatus.MetOnTime ? "Met on time" : "Met late")}: {met.Type.Name()}:{met.Activity} at {Format(met.At)}.");
            }
            else if (rung.Deadline.CanBeOverdue && at > due)
            {
                status = ObligationStatus.Overdue;
                why.Add($"Overdue: no {rung.Activity.Id} recorded by {Format(due)}.");
            }
            else
            {
                status = ObligationStatus.Pending;
                why.Add($"Pending: no {rung.Activity.Id} recorded yet.");
            }
            return new EscalationResult
            {
                LadderId = ladder.Id,
                RungId = rung.Id,
                Title = rung.Title,
                Nature = rung.Nature,
                Range = rung.Range,
                Count = count,
                WindowFrom = from,
                WindowTo = date,
                TriggerEpisodeId = episode.Id,
                TriggeredAt = dated,
                Activity = rung.Activity,
                Chair = rung.Chair,
                Responsible = rung.Responsible,
                Due = DueTime.Create(due, Calendar.Zone, rung.Deadline.Describe(), !rung.Deadline.CanBeOverdue),
                Status = status,
                MetBy = met is null ? null : new MetEvent($"{met.Type.Name()}:{met.Activity}", met.At),
                Citation = rung.Citation,
                Explanation = why,
            };
        }

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
