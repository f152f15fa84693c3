using NodaTime;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Core.Time;

namespace Protocol.Core.Evaluation;

public static partial class Evaluator
{
    /// <summary>One evaluation of one child: classifies each episode through time, then raises and decides each duty.</summary>
    private sealed partial class Run
    {
        private readonly CompiledProfile profile;
        private readonly ChildCase original;
        private readonly ChildCase childCase;
        private readonly Instant at;
        private readonly EpisodeClassifier _classifier;
        private readonly List<ObligationResult> _obligations = [];
        private readonly List<EscalationResult> _escalations = [];
        private readonly SortedSet<string> _assumptions = new(StringComparer.Ordinal);
        private readonly Dictionary<Episode, string> _classification = new(ReferenceEqualityComparer.Instance);

        public Run(CompiledProfile profile, ChildCase childCase, Instant at)
        {
            this.profile = profile;
            original = childCase;
            this.childCase = AsAt(childCase, at);
            this.at = at;
            _classifier = new EpisodeClassifier(profile, this.childCase, at);
        }

        private WorkingDayCalendar Calendar => profile.Calendar;

        public Assessment Execute()
        {
            var child = childCase.Child;
            if (child.DateOfBirth is null)
                _assumptions.Add("The date of birth is not recorded: conditions on age do not hold.");
            var ignored = original.AllEvents().Count(e => e.At > at);
            if (ignored > 0)
                _assumptions.Add($"{ignored} {(ignored == 1 ? "event recorded after the evaluation instant was" : "events recorded after the evaluation instant were")} ignored: the case is assessed as it stood at {Format(at)}.");
            var summaries = new List<EpisodeSummary>();
            foreach (var episode in childCase.Episodes)
            {
                var from = episode.StartEvent;
                if (from is not null && from.Type != EventType.LastSeen)
                    _assumptions.Add($"Episode {episode.Id} has no last-seen record: it is taken to begin at {from.Type.Name()} ({Format(from.At)}); a clock the profile starts at last-seen falls back as each item's explanation says.");
                var history = _classifier.Of(episode);
                _classification[episode] = history.Final.Classification;
                var summary = Summarise(episode, history);
                summaries.Add(summary);
                if (episode.First(new EventReference(EventType.ReportedMissing), at) is not null && summary.Risk is null)
                    _assumptions.Add($"Episode {episode.Id} was reported missing but has no risk grading: conditions on risk do not hold.");
                foreach (var rule in profile.Obligations)
                    if (rule.Scope == Scope.Episode) EvaluateEpisodeObligation(rule, episode, history);
            }
            foreach (var rule in profile.Obligations)
                if (rule.Scope == Scope.Child) EvaluateChildObligation(rule);
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
                    .ThenBy(o => o.Recipient?.Id, StringComparer.Ordinal)
                    .ToList(),
                Escalations = _escalations,
                Ladders = ladders,
                Assumptions = _assumptions.ToList(),
            };
        }

        private EpisodeSummary Summarise(Episode episode, ClassificationHistory history)
        {
            string? risk = null;
            foreach (var e in episode.Events)
                if (e.Type == EventType.RiskGraded) risk = e.Level;
            return new EpisodeSummary
            {
                EpisodeId = episode.Id,
                Classification = history.Final.Classification,
                Reason = history.Final.Reason,
                Citation = history.Final.Citation,
                Risk = risk,
                Started = episode.Start,
                Ended = episode.MissingEnd(profile.MissingEndsOn, at)?.At,
                History = history.Changes,
            };
        }

        /// <summary>The classification of each episode at the evaluation instant (after <see cref="Execute"/>).</summary>
        public IReadOnlyDictionary<Episode, string> Classifications => _classification;

        private string LabelAt(Episode episode, Instant t) => _classifier.LabelAt(episode, t);

        private void EvaluateEpisodeObligation(ObligationRule rule, Episode episode, ClassificationHistory history)
        {
            Instant t;
            string triggerText;
            var upcoming = false;
            switch (rule.Trigger)
            {
                case EventTrigger et:
                {
                    var e = et.Event.FirstIn(episode, at);
                    if (e is null) return;
                    t = e.At;
                    triggerText = $"{et.Event} at {Format(e.At)}";
                    break;
                }
                case MissingForTrigger m:
                {
                    var start = m.From.ClockStartIn(episode, at);
                    if (start is null) return;
                    var mark = m.Amount.AddTo(start.At, Calendar);
                    var startText = m.From.Matches(start) ? $"{m.From} at {Format(start.At)}"
                        : $"{m.From} (not recorded: the episode's start, {start.Type.Name()} at {Format(start.At)})";
                    triggerText = $"still missing {(m.Mode == ThresholdMode.Strict ? "more than" : "at")} {m.Amount} after {startText}, i.e. from {Format(mark)}";
                    var end = episode.MissingEnd(profile.MissingEndsOn, at);
                    if (end is not null)
                    {
                        var reached = m.Mode == ThresholdMode.Inclusive ? end.At >= mark : end.At > mark;
                        if (!reached)
                        {
                            Dropped(rule, episode, history, mark, end, triggerText);
                            return;
                        }
                    }
                    else if (m.Mode == ThresholdMode.Inclusive ? mark > at : mark >= at) upcoming = true;
                    t = mark;
                    break;
                }
                default:
                    throw new InvalidOperationException($"Unknown trigger {rule.Trigger}");
            }
            if (upcoming)
            {
                Upcoming(rule, episode, t, triggerText);
                return;
            }

            var why = new List<string> { $"Triggered: {triggerText}." };
            var raisedAt = t;
            if (rule.AppliesTo.Count > 0)
            {
                var then = history.At(t);
                var firstApplies = history.FirstIn(t, rule.AppliesTo);
                if (firstApplies is null)
                {
                    why.Add($"Does not apply: the episode is classified '{then.Classification}'{(then.Classification == history.Final.Classification ? "" : $" then and '{history.Final.Classification}' now")}, and this applies to {string.Join(" or ", rule.AppliesTo.Select(a => $"'{a}'"))} episodes.");
                    _obligations.Add(NotApplicable(rule, episode.Id, t, triggerText, why));
                    return;
                }
                var became = firstApplies.Value;
                if (became > t)
                {
                    why.Add($"The episode was '{then.Classification}' then; it became '{history.At(became).Classification}' at {Format(became)}: the duty arose at that moment.");
                    raisedAt = became;
                }
            }
            var context = new FactContext(profile, childCase, episode, raisedAt, history.At(raisedAt).Classification, LabelAt);
            if (!Applies(rule, context, why))
            {
                _obligations.Add(NotApplicable(rule, episode.Id, raisedAt, triggerText, why));
                return;
            }
            var candidates = Candidates(rule, episode);
            var metFrom = rule.MetSince == MetSince.EpisodeStart ? episode.Start ?? t : t;
            var deadline = ChooseDeadline(rule, context, why);
            var owner = ExternalOwner(rule, context.Circumstances);
            foreach (var recipient in Recipients(rule))
                AddOccurrences(new Raised(rule, deadline, episode, episode.Id, raisedAt, IsRaised: true, triggerText, why, candidates, metFrom, recipient, owner));
        }

        /// <summary>A threshold not yet reached while the child is still missing: the duty as it would arise if nothing changes.</summary>
        private void Upcoming(ObligationRule rule, Episode episode, Instant mark, string triggerText)
        {
            var projected = _classifier.Projected(episode, mark);
            if (rule.AppliesTo.Count > 0 && !rule.AppliesTo.Contains(projected.Classification, StringComparer.Ordinal)) return;
            var context = new FactContext(profile, childCase, episode, mark, projected.Classification, LabelAt);
            var why = new List<string> { $"Will be triggered: {triggerText}, if the child is still missing then." };
            if (!Applies(rule, context, why)) return;
            var deadline = ChooseDeadline(rule, context, why);
            var owner = ExternalOwner(rule, context.Circumstances);
            var metFrom = rule.MetSince == MetSince.EpisodeStart ? episode.Start ?? mark : mark;
            foreach (var recipient in Recipients(rule))
                AddOccurrences(new Raised(rule, deadline, episode, episode.Id, mark, IsRaised: false, triggerText, why, Candidates(rule, episode), metFrom, recipient, owner));
        }

        /// <summary>A threshold the episode ended before reaching: said once, so that a duty shown as upcoming does not vanish without a reason.</summary>
        private void Dropped(ObligationRule rule, Episode episode, ClassificationHistory history, Instant mark, EpisodeEvent end, string triggerText)
        {
            if (rule.AppliesTo.Count > 0 && !rule.AppliesTo.Contains(history.Final.Classification, StringComparer.Ordinal)) return;
            var why = new List<string>
            {
                $"Would have been triggered: {triggerText}.",
                $"Did not arise: the missing period ended ({end.Type.Name()} at {Format(end.At)}) before the mark at {Format(mark)}{(rule.Trigger is MissingForTrigger { Mode: ThresholdMode.Strict } ? " was passed" : "")}.",
            };
            _obligations.Add(NotApplicable(rule, episode.Id, mark, triggerText, why));
        }

        private void EvaluateChildObligation(ObligationRule rule)
        {
            List<EpisodeEvent>? all = null;
            var change = rule.Trigger as ChangeTrigger;
            if (change is not null)
            {
                // Raised each time a fact about the child changes (a flag identified, a dated change of circumstances).
                foreach (var t in change.Instants(childCase.Child, at))
                    RaiseChildLevel(rule, childCase.Episodes.LastOrDefault(ep => ep.Start <= t), t, $"{change.Describe()} at {Format(t)}", ref all);
                return;
            }
            var trigger = rule.Trigger as EventTrigger;
            if (trigger is null) return;
            foreach (var e in childCase.AllEvents())
            {
                if (!trigger.Event.Matches(e)) continue;
                var episode = childCase.Episodes.FirstOrDefault(ep => ep.Events.Contains(e))
                              ?? childCase.Episodes.LastOrDefault(ep => ep.Start <= e.At);
                RaiseChildLevel(rule, episode, e.At, $"{trigger.Event} at {Format(e.At)}", ref all);
            }
        }

        /// <summary>
        /// One raising of a child-level duty at <paramref name="t"/>. A child-level rule whose conditions fail on an ordinary
        /// occurrence (e.g. only the first or second decline) is not reported: it would be noise on every record.
        /// </summary>
        private void RaiseChildLevel(ObligationRule rule, Episode? episode, Instant t, string triggerText, ref List<EpisodeEvent>? all)
        {
            var classification = episode is null ? null : LabelAt(episode, t);
            var context = new FactContext(profile, childCase, episode, t, classification, LabelAt, circumstancesAt: t);
            var why = new List<string> { $"Triggered: {triggerText}." };
            if (!rule.When.Evaluate(context)) return;
            Applies(rule, context, why);
            all ??= childCase.AllEvents().ToList();
            var deadline = ChooseDeadline(rule, context, why);
            var owner = ExternalOwner(rule, context.Circumstances);
            foreach (var recipient in Recipients(rule))
                AddOccurrences(new Raised(rule, deadline, episode, null, t, IsRaised: true, triggerText, why, all, t, recipient, owner));
        }

        /// <summary>True if the rule's conditions hold; adds the lines that say which held.</summary>
        private static bool Applies(ObligationRule rule, FactContext context, List<string> why)
        {
            if (rule.When.IsAlways) return true;
            var lines = rule.When.Explain(context);
            if (!rule.When.Evaluate(context))
            {
                why.Add("Does not apply: its conditions did not hold at the trigger.");
                why.AddRange(lines);
                return false;
            }
            why.Add("Applies: its conditions held at the trigger.");
            why.AddRange(lines);
            return true;
        }

        private static IEnumerable<RoleDefinition?> Recipients(ObligationRule rule) =>
            rule.Recipients.Count == 0 ? [null] : rule.Recipients.Cast<RoleDefinition?>();

        /// <summary>
        /// The records that may meet an episode's duty: its own, the child-level records (e.g. a meeting held after
        /// several episodes), and, where the rule shares them, those of the child's episodes that began near this one.
        /// </summary>
        private IReadOnlyList<EpisodeEvent> Candidates(ObligationRule rule, Episode episode)
        {
            var window = rule.SharedAcrossEpisodesWithin;
            var episodeStart = window is null ? null : episode.Start;
            if (window is null || episodeStart is null)
            {
                // The same for every rule of the episode: merged and sorted once.
                if (childCase.Records.IsEmpty) return episode.Events;
                if (!_withRecords.TryGetValue(episode, out var merged))
                    _withRecords[episode] = merged = episode.Events.Concat(childCase.Records).OrderBy(e => e.At).ToList();
                return merged;
            }
            var start = episodeStart.Value;
            IEnumerable<EpisodeEvent> events = episode.Events.Concat(childCase.Records);
            foreach (var other in childCase.Episodes)
            {
                if (ReferenceEquals(other, episode)) continue;
                var otherStart = other.Start;
                if (otherStart is null) continue;
                var s = otherStart.Value;
                var (early, late) = s < start ? (s, start) : (start, s);
                if (window.AddTo(early, Calendar) < late) continue;
                events = events.Concat(other.Events);
            }
            return events.OrderBy(e => e.At).ToList();
        }

        private readonly Dictionary<Episode, List<EpisodeEvent>> _withRecords = new(ReferenceEqualityComparer.Instance);

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

        /// <summary>
        /// Who else owes the duty, in words, when the profile gives it to the responsible (placing) or the host authority
        /// and that is not this profile's authority for this child; null when it is this authority's.
        /// </summary>
        private string? ExternalOwner(ObligationRule rule, Circumstances c) => ExternalOwner(rule.Owner, c);

        /// <summary>The same for a rung: the authorities in force when the episode that reached it began.</summary>
        private string? ExternalOwner(Rung rung, CountedEpisode trigger) =>
            rung.Owner == ObligationOwner.Any ? null : ExternalOwner(rung.Owner, childCase.Child.CircumstancesAt(trigger.Episode.Start ?? trigger.At));

        private string? ExternalOwner(ObligationOwner owner, Circumstances c)
        {
            var (authority, words) = owner switch
            {
                ObligationOwner.ResponsibleAuthority => (c.ResponsibleAuthority, "the child's responsible (placing) authority"),
                ObligationOwner.HostAuthority => (c.HostAuthority, "the authority where the child lives or is placed (the host authority)"),
                _ => (null, null),
            };
            if (words is null) return null;
            if (authority is null)
            {
                _assumptions.Add($"The {(owner == ObligationOwner.ResponsibleAuthority ? "responsible" : "host")} authority is not recorded: duties the profile gives to it are taken to be this authority's.");
                return null;
            }
            return profile.Metadata.AuthorityCodes.Contains(authority, StringComparer.OrdinalIgnoreCase) ? null : words;
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
            DeadlineRule = rule.Deadline.Describe(),
            Status = ObligationStatus.NotApplicable,
            Owner = rule.Owner.Words(),
            Citation = rule.Citation,
            Reading = rule.Reading,
            Explanation = why,
        };

        private LadderPosition EvaluateLadder(Ladder ladder)
        {
            var counted = childCase.Episodes
                .Where(e => _classification.TryGetValue(e, out var c) && ladder.Counts.Contains(c, StringComparer.Ordinal))
                .Select(e => new CountedEpisode(childCase.Child.Id, e, ladder.DatedBy.FirstIn(e, at)?.At ?? e.Start!.Value, null))
                .Where(c => Counts(ladder, c))
                .ToList();
            var (escalations, position) = LadderEvaluation.Evaluate(profile, ladder, counted, childCase.AllEvents(), at, establishment: null, ExternalOwner);
            _escalations.AddRange(escalations);
            return position;
        }

        /// <summary>True if the ladder's <c>where</c> condition holds for the episode, at the instant that dates it.</summary>
        public bool Counts(Ladder ladder, CountedEpisode c) =>
            ladder.Where.IsAlways || ladder.Where.Evaluate(new FactContext(profile, childCase, c.Episode, c.At, _classification.GetValueOrDefault(c.Episode), LabelAt));

        private void CheckCalendarCoverage()
        {
            foreach (var o in _obligations)
            {
                var due = o.Due;
                if (due is not null && !Calendar.Covers(due.Utc.InZone(Calendar.Zone).Date))
                {
                    _assumptions.Add($"Some dates fall outside the bank-holiday list ({Calendar}): only weekends were excluded from working days there.");
                    return;
                }
            }
        }

        private string Format(Instant instant) => DueTime.FormatLocal(instant, Calendar.Zone);
    }
}
