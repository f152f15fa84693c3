using NodaTime;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Core.Time;

namespace Protocol.Core.Evaluation;

/// <summary>An episode that a ladder counts, with the instant that dates it and (for establishment ladders) its placement.</summary>
internal sealed record CountedEpisode(string ChildId, Episode Episode, Instant At, string? Placement);

/// <summary>
/// Counts episodes in a ladder's window and finds the rungs they reach, for one child or one
/// establishment. A rung is raised by the episode whose count enters the rung's range, or, where the ladder
/// says so, by every counted episode whose count is in it. A rung reached before the lower rung's meeting
/// was held raises its own deadline, or, where the ladder says so, a decision.
/// </summary>
internal static class LadderEvaluation
{
    public static (List<EscalationResult> Escalations, LadderPosition Position) Evaluate(
        CompiledProfile profile, Ladder ladder, IReadOnlyList<CountedEpisode> episodes, IEnumerable<EpisodeEvent> records, Instant at, string? establishment,
        Func<Rung, CountedEpisode, string?>? externalOwner = null)
    {
        var zone = profile.Calendar.Zone;
        var counted = episodes.Where(p => p.At <= at).OrderBy(p => p.At).ToList();
        var recordList = records.Where(e => e.At <= at).OrderBy(e => e.At).ToList();
        var escalations = new List<EscalationResult>();
        var previous = 0;
        var highest = -1; // the highest rung the count has ever been in: adding an episode never lowers it
        for (var i = 0; i < counted.Count; i++)
        {
            var date = counted[i].At.InZone(zone).Date;
            var (count, from, readings) = CountAt(ladder, counted, i, date, zone);
            for (var r = 0; r < ladder.Rungs.Count; r++)
            {
                var rung = ladder.Rungs[r];
                if (!rung.Contains(count)) continue;
                highest = Math.Max(highest, r);
                if (ladder.RaisedBy == RungRaising.EnteringRung && i > 0 && rung.Contains(previous)) continue;
                var members = counted.Take(i + 1).Where(p => from is null || p.At.InZone(zone).Date >= from).ToList();
                var lower = r == 0 ? null : escalations.LastOrDefault(e => e.RungId == ladder.Rungs[r - 1].Id && e.TriggeredAt <= counted[i].At);
                var lowerUnheld = ladder.BeforeLowerHeld == BeforeLowerHeld.Decision && lower is not null
                                  && (lower.MetBy is null || lower.MetBy.At > counted[i].At) ? lower : null;
                escalations.Add(Resolve(profile, ladder, rung, counted[i], date, count, from, readings, members, recordList, at, establishment, lowerUnheld,
                    externalOwner?.Invoke(rung, counted[i])));
            }
            previous = count;
        }
        var nowCount = 0;
        if (counted.Count > 0)
        {
            var probe = counted.Append(counted[^1] with { At = at }).ToList();
            nowCount = Math.Max(0, CountAt(ladder, probe, counted.Count, at.InZone(zone).Date, zone).Count - 1);
        }
        var title = establishment is null ? ladder.Title : $"{ladder.Title} — {establishment}";
        return (escalations, new LadderPosition(ladder.Id, title, nowCount, highest < 0 ? null : ladder.Rungs[highest].Id, ladder.Window.Describe()));
    }

    private static (int Count, LocalDate? From, string Readings) CountAt(Ladder ladder, List<CountedEpisode> counted, int index, LocalDate date, DateTimeZone zone)
    {
        if (ladder.Window.AllHistory) return (index + 1, null, "whole history");
        var best = (Count: -1, From: (LocalDate?)null);
        var perReading = new List<string>();
        foreach (var reading in ladder.Window.Readings)
        {
            var first = EpisodeWindow.FirstDate(reading, date);
            var count = 0;
            for (var j = 0; j <= index; j++)
                if (counted[j].At.InZone(zone).Date >= first) count++;
            perReading.Add($"{count} in the {reading} from {first:yyyy-MM-dd}");
            if (count > best.Count) best = (count, first);
        }
        return (best.Count, best.From, string.Join("; ", perReading));
    }

    private static EscalationResult Resolve(CompiledProfile profile, Ladder ladder, Rung rung, CountedEpisode trigger, LocalDate date, int count,
        LocalDate? from, string readings, List<CountedEpisode> members, List<EpisodeEvent> records, Instant at, string? establishment,
        EscalationResult? lowerUnheld, string? externalOwner)
    {
        var zone = profile.Calendar.Zone;
        string F(Instant i) => DueTime.FormatLocal(i, zone);
        var decision = lowerUnheld is not null;
        Instant? due = decision || !rung.Deadline.HasDueInstant ? null : rung.Deadline.DueFrom(trigger.At, profile.Calendar);
        var lateAfter = due is { } d ? rung.Deadline.LateAfter(d, profile.Calendar) : null;
        var ids = establishment is null
            ? members.Select(m => m.Episode.Id)
            : members.Select(m => $"{m.ChildId}/{m.Episode.Id}");
        var why = new List<string>
        {
            $"Reached: {count} counted episodes{(establishment is null ? "" : $" at {establishment}")} ({string.Join(", ", ids)}) in {ladder.Window.Describe()} ({readings}); this rung is {rung.Range}.",
        };
        if (decision)
            why.Add($"Reached before the {lowerUnheld!.Title} (raised {F(lowerUnheld.TriggeredAt)}) was held: the ladder asks for a decision instead of this rung's own deadline; met by a {rung.Activity.Id} record or a decision recorded on it.");
        else if (due is { } dueAt)
            why.Add($"Due {(rung.Deadline.Kind is DeadlineKind.Immediately or DeadlineKind.AtTrigger ? "at" : "by")} {F(dueAt)} ({rung.Deadline.Describe()} of the trigger episode {trigger.Episode.Id}, dated {F(trigger.At)}).");
        else why.Add($"Deadline: {rung.Deadline.Describe()}.");
        if (ladder.Reading is { } reading) why.Add($"Reading: {reading}");
        // Any record of the rung's activity meets it; a recorded decision only where a decision is what is asked for.
        var decides = decision || rung.Nature == Nature.Consider;
        var met = records.FirstOrDefault(e => e.At >= trigger.At && e.Type.IsActivityRecord() && e.Activity == rung.Activity.Id
                                              && e.Type != EventType.FrequencyAgreed && (e.Type != EventType.DecisionRecorded || decides));
        var facts = new DutyFacts
        {
            Raised = true,
            RaisedAt = trigger.At,
            Decision = decision || rung.Nature == Nature.Consider,
            Due = due,
            LateAfter = lateAfter,
            Untimed = !decision && !rung.Deadline.HasDueInstant,
            Met = met,
            ExternalOwner = externalOwner,
        };
        var (status, line) = DutyLifecycle.Decide(facts, at, F);
        why.Add(line);
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
            Establishment = establishment,
            TriggerChildId = trigger.ChildId,
            TriggerEpisodeId = trigger.Episode.Id,
            TriggeredAt = trigger.At,
            Activity = rung.Activity,
            Chair = rung.Chair,
            Responsible = rung.Responsible,
            Owner = rung.Owner.Words(),
            Due = due is { } x ? DueTime.Create(x, zone, rung.Deadline.Describe(), rung.Deadline.Kind == DeadlineKind.Immediately, lateAfter) : null,
            Status = status,
            MetBy = met is null ? null : new MetEvent(met.AsReference(), met.At),
            MetAfter = met is null ? null : met.At - trigger.At,
            Citation = rung.Citation,
            Explanation = why,
        };
    }
}
