using NodaTime;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Core.Time;

namespace Protocol.Core.Evaluation;

public static partial class Evaluator
{
    /// <summary>A duty raised (or about to be) for one episode, or one child-level record, and one recipient.</summary>
    private sealed record Raised(
        ObligationRule Rule, Deadline Deadline, Episode? Episode, string? EpisodeId, Instant At, bool IsRaised, string TriggerText,
        List<string> Why, IReadOnlyList<EpisodeEvent> Candidates, Instant MetFrom, RoleDefinition? Recipient, string? ExternalOwner);

    /// <summary>The window of records that may meet one occurrence: after (or from) its start, up to its end if it has one.</summary>
    private readonly record struct Window(Instant Start, bool ExclusiveStart, Instant? End)
    {
        public bool Contains(Instant t) => (ExclusiveStart ? t > Start : t >= Start) && (End is null || t <= End);
    }

    private sealed partial class Run
    {
        private void AddOccurrences(Raised r)
        {
            var rule = r.Rule;
            var deadline = r.Deadline;
            var why = r.Recipient is null ? r.Why : [.. r.Why, $"Recipient: {r.Recipient.Title} ({r.Recipient.Id}); met by a record naming them."];
            var anchor = r.At;
            string? waitingFor = null;
            if (deadline.From is { } from)
            {
                if (r.Episode is not null && from.FirstIn(r.Episode, at) is { } anchorEvent) anchor = anchorEvent.At;
                else if (from.BeginsAbsence || deadline.FromTriggerIfNotRecorded)
                {
                    // Last seen or the carer's awareness happened, even if unrecorded: the clock cannot wait for it.
                    // Otherwise only where the profile says so ('if-not-recorded: trigger').
                    why = [.. why, $"The deadline is counted from {from}, which is not recorded: counted from the trigger instead."];
                    _assumptions.Add($"{Subject(rule, r.EpisodeId)}: its deadline is counted from {from}, which is not recorded; it is counted from the trigger instead.");
                }
                else
                {
                    var missing = r.Episode is null ? from.Events : from.NotYetIn(r.Episode, at);
                    waitingFor = string.Join(from.Mode == EventSetMode.LastOf ? " and " : " or ", missing);
                    why = [.. why, $"The deadline is counted from {from}, which is not recorded yet: it waits for {waitingFor}."];
                }
            }
            Instant? firstDue = waitingFor is null && deadline.HasDueInstant ? deadline.DueFrom(anchor, Calendar) : null;
            if (firstDue is { } fd && fd < r.At && deadline.From is not null)
                why = [.. why, $"The deadline is counted from {deadline.From} at {Format(anchor)}, before the trigger: it had already passed when the duty arose."];
            var spec = new Spec(r, why, anchor, waitingFor, r.Episode?.MissingEnd(profile.MissingEndsOn, at));
            if (rule.Recurs is null || firstDue is null || !r.IsRaised)
            {
                Add(spec, null, r.At, firstDue, new Window(r.MetFrom, false, null), r.IsRaised, rule.LapsesOn);
                return;
            }
            Recur(spec, rule.Recurs, firstDue.Value);
        }

        /// <summary>What every occurrence of one raised duty shares.</summary>
        /// <remarks><c>AbsenceEnded</c>: the event that ended the episode's absence, found once for all occurrences.</remarks>
        private sealed record Spec(Raised Raised, List<string> Why, Instant Anchor, string? WaitingFor, EpisodeEvent? AbsenceEnded);

        /// <summary>
        /// The occurrences of a recurring duty: the first due by the deadline, each next one an interval later (from the
        /// previous due time, from the record that met the previous one, or by calendar day), until an <c>until</c> event
        /// or a lapse; the next occurrence after the evaluation instant is shown as upcoming.
        /// </summary>
        private void Recur(Spec spec, Recurrence recurs, Instant firstDue)
        {
            var r = spec.Raised;
            var stops = r.Rule.LapsesOn.Concat(recurs.Until).ToList();
            // The first stop event of the episode, even one before the trigger (a report made after the child was found):
            // no recurrence outlives the episode.
            var stop = r.Episode?.FirstOf(recurs.Until, at);
            var window = new Window(r.MetFrom, false, null);
            var due = firstDue;
            var nominal = r.Deadline.NominalLocalDue(spec.Anchor, Calendar);
            var (baseNominal, baseDue, baseK, baseEvery) = (nominal, due, 0, recurs.Every);
            string? dueNote = null;
            for (var k = 0; k < recurs.MaxOccurrences; k++)
            {
                if (k > 0)
                {
                    if (stop is not null && stop.At <= window.Start) return;
                    var from = window.Start; // the previous due time, or the record that met the previous occurrence
                    var (every, agreement) = IntervalAt(recurs, r, from);
                    var agreed = agreement is null ? "" : $", the interval agreed by {agreement.AsReference()} at {Format(agreement.At)}";
                    switch (recurs.Anchor)
                    {
                        case RecurrenceAnchor.CalendarDay:
                            due = Calendar.EndOfDay(firstDue.InZone(Calendar.Zone).Date.PlusDays(k));
                            dueNote = "the end of this calendar day";
                            break;
                        case RecurrenceAnchor.LastHeld:
                            due = every.AddTo(from, Calendar);
                            dueNote = $"{every} after the previous one was held, at {Format(from)}{agreed}";
                            break;
                        default:
                            dueNote = $"{every} after the previous due time{agreed}";
                            if (every != baseEvery) (baseNominal, baseDue, baseK, baseEvery) = (nominal, due, k - 1, every);
                            if (every.IsElapsed)
                            {
                                due = baseDue + every.ToDuration() * (k - baseK);
                                nominal = due.InZone(Calendar.Zone).LocalDateTime; // a later calendar interval counts from here
                            }
                            else
                            {
                                // From the wall-clock time the deadline names, so a due time in a skipped hour does not drift.
                                nominal = baseNominal + every.Times(k - baseK).ToPeriod();
                                due = Calendar.Resolve(nominal);
                            }
                            break;
                    }
                    if (from > at)
                    {
                        Add(spec, k + 1, from, due, window with { End = WindowEnd(recurs, due) }, raised: false, stops,
                            $"Occurrence {k + 1}: recurs {recurs.Describe()} until {string.Join(" or ", recurs.Until)}.", dueNote);
                        return;
                    }
                }
                var raisedAt = k == 0 ? r.At : window.Start;
                var result = Add(spec, k + 1, raisedAt, due, window with { End = WindowEnd(recurs, due) }, raised: true, stops,
                    $"Occurrence {k + 1}: recurs {recurs.Describe()} until {string.Join(" or ", recurs.Until)}.", dueNote);
                if (result.Status == ObligationStatus.Lapsed) return;
                if (recurs.Anchor == RecurrenceAnchor.LastHeld)
                {
                    // The next is counted from this one being held: until it is, there is no next.
                    if (result.MetBy is null) return;
                    window = new Window(result.MetBy.At, true, null);
                }
                else window = new Window(due, true, null);
            }
            if (window.Start <= at && (stop is null || stop.At > window.Start))
                _assumptions.Add($"{Subject(r.Rule, r.EpisodeId)}: only its first {recurs.MaxOccurrences} occurrences are assessed (the profile's 'max'); it still recurs after {Format(window.Start)}.");
        }

        /// <summary>An occurrence of a schedule is met only inside its own interval; one counted from the last held may be met late.</summary>
        private static Instant? WindowEnd(Recurrence recurs, Instant due) => recurs.Anchor == RecurrenceAnchor.LastHeld ? null : due;

        /// <summary>
        /// The interval in force at an instant: that of the latest agreed frequency at or before it (in the episode or at
        /// child level), else the profile's; with the agreement, if one applies.
        /// </summary>
        private (Amount Every, EpisodeEvent? Agreement) IntervalAt(Recurrence recurs, Raised r, Instant instant)
        {
            if (recurs.ChangedBy is not { } changedBy) return (recurs.Every, null);
            EpisodeEvent? agreed = null;
            foreach (var e in (r.Episode?.Events ?? []).Concat(childCase.Records))
                if (e.At <= instant && changedBy.Matches(e) && e.Every is not null && (agreed is null || e.At >= agreed.At)) agreed = e;
            return agreed is null ? (recurs.Every, null) : (agreed.Every!, agreed);
        }

        /// <summary>Decides one occurrence (or the single instance) and adds its result.</summary>
        private ObligationResult Add(Spec spec, int? occurrence, Instant raisedAt, Instant? due, Window window, bool raised,
            IReadOnlyList<EventReference> lapses, string? occurrenceLine = null, string? dueNote = null)
        {
            var r = spec.Raised;
            var rule = r.Rule;
            var deadline = r.Deadline;
            var why = new List<string>(spec.Why);
            if (occurrenceLine is not null) why.Add(occurrenceLine);
            var lateAfter = due is { } d ? deadline.LateAfter(d, Calendar) : null;
            var dueTime = due is { } dd ? DueTime.Create(dd, Calendar.Zone, deadline.Describe(), deadline.Kind == DeadlineKind.Immediately, lateAfter) : null;
            if (dueTime is not null)
                why.Add($"Due {(deadline.Kind is DeadlineKind.Immediately or DeadlineKind.AtTrigger && dueNote is null ? "at" : "by")} {dueTime.Local} ({dueNote ?? deadline.Describe()}).");
            else if (!deadline.HasDueInstant)
                why.Add($"Deadline: {deadline.Describe()}.");

            EpisodeEvent? met = null;
            string? metHow = null;
            EpisodeEvent? lapse = null;
            // A duty not yet raised may already be met by a record brought forward (met-since: episode-start).
            if (raised || window.Start <= at)
            {
                met = FindMet(rule, r, window, why);
                if (met is null && raised && occurrence is null or 1 && rule.Standing is { } standing && Standing(standing, r, raisedAt) is { } arrangement)
                {
                    met = arrangement;
                    metHow = $"a standing arrangement in force at the trigger ({arrangement.AsReference()} at {Format(arrangement.At)})";
                }
                if (met is null && raised)
                {
                    // A duty raised after its episode's absence had ended (a report made after the child was back) is not
                    // needed from the start: a lapse event from that end on counts, though it came before the duty arose.
                    var ended = spec.AbsenceEnded;
                    foreach (var e in r.Episode is null ? r.Candidates : r.Episode.Events)
                    {
                        // Otherwise a lapse counts from the start of the occurrence's window, whenever it came (before or after
                        // the due time), but never before the duty arose: a record brought forward may meet it (met-since:
                        // episode-start), an event before it arose cannot end it (whereabouts known, then lost again).
                        var afterTheEnd = ended is not null && e.At >= ended.At && e.At < raisedAt;
                        if (!afterTheEnd && (e.At < raisedAt || (window.ExclusiveStart ? e.At <= window.Start : e.At < window.Start))) continue;
                        if (Matches(lapses, e)) { lapse = e; break; }
                    }
                }
            }
            var facts = new DutyFacts
            {
                Raised = raised,
                RaisedAt = raisedAt,
                Decision = rule.Nature == Nature.Consider,
                Due = due,
                LateAfter = lateAfter,
                WaitingFor = spec.WaitingFor,
                Untimed = !deadline.HasDueInstant,
                Met = met,
                MetHow = metHow,
                Lapse = lapse,
                ExternalOwner = r.ExternalOwner,
            };
            var (status, line) = DutyLifecycle.Decide(facts, at, Format);
            why.Add(line);
            var result = new ObligationResult
            {
                Id = rule.Id,
                Title = rule.Title,
                Nature = rule.Nature,
                Responsible = rule.Responsible,
                EpisodeId = r.EpisodeId,
                Occurrence = occurrence,
                Recipient = r.Recipient,
                Trigger = r.TriggerText,
                TriggeredAt = raisedAt,
                CountedFrom = occurrence is null or 1 ? spec.Anchor : raisedAt,
                Due = dueTime,
                DeadlineRule = deadline.Describe(),
                WaitingFor = met is null ? spec.WaitingFor : null,
                Status = status,
                MetBy = met is null ? null : new MetEvent(met.AsReference(), met.At),
                MetAfter = met is null || metHow is not null ? null : met.At - raisedAt,
                Owner = rule.Owner.Words(),
                Citation = rule.Citation,
                Reading = rule.Reading,
                Explanation = why,
            };
            _obligations.Add(result);
            return result;
        }

        private static bool Matches(IReadOnlyList<EventReference> references, EpisodeEvent e)
        {
            foreach (var reference in references)
                if (reference.Matches(e)) return true;
            return false;
        }

        /// <summary>
        /// The first record in the window that meets the duty: one of its met-by events (or, for a "consider" duty, a
        /// decision recorded on the same activity), naming the recipient if the duty has one, and done by a role the
        /// profile allows. Records passed over because of who did them are explained.
        /// </summary>
        private EpisodeEvent? FindMet(ObligationRule rule, Raised r, Window window, List<string> why)
        {
            foreach (var e in r.Candidates)
            {
                if (!window.Contains(e.At)) continue;
                if (!Matches(rule.MetBy, e) && !(rule.Nature == Nature.Consider && IsDecisionOn(rule, e))) continue;
                if (r.Recipient is { } recipient && e.Recipient != recipient.Id) continue;
                var performers = rule.Performers;
                if (performers.Required.Count > 0 && (e.By is null || !performers.Required.Contains(e.By, StringComparer.Ordinal)))
                {
                    why.Add($"Not met by {e.AsReference()} at {Format(e.At)}: {(e.By is null ? "it does not say who did it" : $"it was done by {e.By}")}, and it must be done by {string.Join(" or ", performers.Required)}.");
                    continue;
                }
                if (e.By is { } by && performers.Excluded.Contains(by, StringComparer.Ordinal))
                {
                    why.Add($"Not met by {e.AsReference()} at {Format(e.At)}: it was done by {by}, and it must not be done by {string.Join(" or ", performers.Excluded)}.");
                    continue;
                }
                if (e.By is null && performers.Excluded.Count > 0)
                    _assumptions.Add($"{Subject(rule, r.EpisodeId)}: a record that meets it does not say who did it; it is taken not to be {string.Join(" or ", performers.Excluded)}.");
                return e;
            }
            return null;
        }

        private static bool IsDecisionOn(ObligationRule rule, EpisodeEvent e) =>
            e.Type == EventType.DecisionRecorded && rule.MetBy.Any(m => m.Type.IsActivityRecord() && m.Qualifier == e.Activity);

        /// <summary>The standing arrangement in force at the trigger, if any: the latest before it that has neither run out nor been ended.</summary>
        private EpisodeEvent? Standing(StandingArrangement standing, Raised r, Instant trigger)
        {
            EpisodeEvent? latest = null;
            foreach (var e in childCase.AllEvents())
            {
                if (e.At > trigger) break;
                if (Matches(standing.By, e)) latest = e;
                else if (latest is not null && Matches(standing.EndedBy, e)) latest = null;
            }
            if (latest is null) return null;
            if (standing.Lasts is { } lasts && lasts.AddTo(latest.At, Calendar) < trigger) return null;
            return latest;
        }

        /// <summary>An obligation named in the assessment's assumptions: its id, and its episode if it has one.</summary>
        private static string Subject(ObligationRule rule, string? episodeId) => episodeId is null ? rule.Id : $"{rule.Id} (episode {episodeId})";
    }
}
