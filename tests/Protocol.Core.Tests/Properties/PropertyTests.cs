using System.Collections.Immutable;
using CsCheck;
using NodaTime;
using Protocol.Core.Cases;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Profiles;
using Protocol.Core.Tests.Fixtures;

namespace Protocol.Core.Tests.Properties;

/// <summary>Properties of evaluation over random cases, on every shipped profile and on the fixture.</summary>
public class PropertyTests
{
    public static TheoryData<string> ShippedIds() => new(ProfileCatalog.Shipped.Ids);
    private static readonly Instant From2024 = Instant.FromUtc(2024, 1, 1, 0, 0);
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("PROTOCOL_PROPERTY_ITERATIONS"), out var n) ? n : 150;

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public void Evaluation_IsDeterministic(string id)
    {
        var shipped = ProfileCatalog.Shipped.Get(id);
        CaseGen.For(shipped, From2024).Sample(g =>
            AssessmentJson.Serialize(Evaluator.Evaluate(shipped, g.Case, g.At)) == AssessmentJson.Serialize(Evaluator.Evaluate(shipped, g.Case, g.At)),
            iter: Iterations, threads: 1);
    }

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public void ParallelEvaluationOfManyChildren_EqualsSequential(string id)
    {
        var shipped = ProfileCatalog.Shipped.Get(id);
        CaseGen.For(shipped, From2024, maxEpisodes: 3).Array[20, 40].Sample(cases =>
        {
            var sequential = cases.Select(g => AssessmentJson.Serialize(Evaluator.Evaluate(shipped, g.Case, g.At))).ToList();
            var parallel = cases.AsParallel().AsOrdered().WithDegreeOfParallelism(4)
                .Select(g => AssessmentJson.Serialize(Evaluator.Evaluate(shipped, g.Case, g.At))).ToList();
            return parallel.SequenceEqual(sequential);
        }, iter: 10, threads: 1);
    }

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public void AddingAnEpisode_NeverLowersTheRungReached(string id)
    {
        var shipped = ProfileCatalog.Shipped.Get(id);
        var gen = from g in CaseGen.For(shipped, From2024, maxEpisodes: 8, maxGapDays: 15)
                  from extra in CaseGen.For(shipped, From2024, maxEpisodes: 1, maxGapDays: 15)
                  select (g, extra);
        gen.Sample((g, extra) =>
        {
            var lastEnd = g.Case.Episodes.SelectMany(e => e.Events).Max(e => e.At) + Duration.FromHours(1);
            var offset = lastEnd - extra.Case.Episodes[0].Events.Min(e => e.At);
            var shifted = new Episode("E-extra", extra.Case.Episodes[0].Events.Select(e => e with { At = e.At + offset }));
            var at = shifted.Events.Max(e => e.At) > g.At ? shifted.Events.Max(e => e.At) : g.At;
            var before = Evaluator.Evaluate(shipped, g.Case, at);
            var after = Evaluator.Evaluate(shipped, new ChildCase(g.Case.Child, g.Case.Episodes.Append(shifted), g.Case.Records), at);
            foreach (var ladder in shipped.Ladders)
            {
                // Establishment ladders have a position per placement (none for a child without one).
                int Rank(Assessment a) => a.Ladders.Where(l => l.LadderId == ladder.Id)
                    .Select(l => l.HighestRungReached is { } id ? ladder.Rungs.Select(r => r.Id).ToList().IndexOf(id) : -1)
                    .DefaultIfEmpty(-1).Max();
                if (Rank(after) < Rank(before)) return false;
            }
            return true;
        }, iter: Iterations, threads: 1);
    }

    // A deadline's trigger, for this property, is the instant its clock starts (CountedFrom): usually the
    // event that raises the duty, but a deadline may count from an earlier event ("within 24 hours of the
    // child going missing", raised by a late report), and then it is already overdue when raised.
    [Theory]
    [MemberData(nameof(ShippedIds))]
    public void NoDeadline_FallsBeforeItsTrigger(string id)
    {
        var shipped = ProfileCatalog.Shipped.Get(id);
        CaseGen.For(shipped, From2024).Sample(g =>
        {
            var a = Evaluator.Evaluate(shipped, g.Case, g.At);
            return a.Obligations.All(o => o.Due is null || o.Due.Utc >= o.CountedFrom)
                   && a.Escalations.All(e => e.Due is null || e.Due.Utc >= e.TriggeredAt);
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void ShiftingByWholeWeeks_AwayFromClockChangesAndBankHolidays_ShiftsEveryDueInstant()
    {
        // Episodes from 2 June 2025; shifts of up to 4 weeks and the longest deadlines stay inside the
        // BST stretch from 27 May to 24 August 2025, which has no England & Wales bank holiday.
        var profile = Fixture.Profile;
        var gen = from g in CaseGen.For(profile, Instant.FromUtc(2025, 6, 2, 0, 0), maxEpisodes: 3, maxGapDays: 3, maxMissingMinutes: 3 * 24 * 60)
                  from weeks in Gen.Int[1, 4]
                  select (g, weeks);
        gen.Sample((g, weeks) =>
        {
            if (g.At > Instant.FromUtc(2025, 7, 10, 0, 0)) return true; // keep every deadline before 24 August
            var shift = Duration.FromDays(7 * weeks);
            // The child is moved with the timeline (date of birth too), so their age at every event is the same.
            var child = g.Case.Child with { DateOfBirth = g.Case.Child.DateOfBirth?.PlusDays(7 * weeks) };
            var moved = new ChildCase(child, g.Case.Episodes.Select(e => new Episode(e.Id, e.Events.Select(x => x with { At = x.At + shift }))));
            var a = Evaluator.Evaluate(profile, g.Case, g.At);
            var b = Evaluator.Evaluate(profile, moved, g.At + shift);
            if (a.Obligations.Count != b.Obligations.Count || a.Escalations.Count != b.Escalations.Count) return false;
            return a.Obligations.Zip(b.Obligations).All(p => p.First.Id == p.Second.Id && p.First.Status == p.Second.Status
                       && (p.First.Due is null ? p.Second.Due is null : p.Second.Due!.Utc == p.First.Due.Utc + shift))
                   && a.Escalations.Zip(b.Escalations).All(p => p.First.RungId == p.Second.RungId && (p.First.Due is null ? p.Second.Due is null : p.Second.Due!.Utc == p.First.Due.Utc + shift));
        }, iter: Iterations, threads: 1);
    }

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public void InputOffsets_DoNotChangeTheAssessment(string id)
    {
        var shipped = ProfileCatalog.Shipped.Get(id);
        Offset[] offsets = [Offset.Zero, Offset.FromHours(1), Offset.FromHours(-5), Offset.FromHoursAndMinutes(5, 30), Offset.FromHours(14), Offset.FromHours(-12)];
        var gen = from g in CaseGen.For(shipped, From2024, maxEpisodes: 3)
                  from pick in Gen.Int[0, offsets.Length - 1]
                  select (g, pick);
        gen.Sample((g, pick) =>
        {
            var utc = CaseReader.Read(CaseGen.ToJson(g.Case, _ => Offset.Zero), shipped);
            var mixed = CaseReader.Read(CaseGen.ToJson(g.Case, i => offsets[(int)((i.ToUnixTimeSeconds() / 60 + pick) % offsets.Length)]), shipped);
            if (!utc.IsValid || !mixed.IsValid) return false;
            return AssessmentJson.Serialize(Evaluator.Evaluate(shipped, utc.Case!, g.At)) == AssessmentJson.Serialize(Evaluator.Evaluate(shipped, mixed.Case!, g.At));
        }, iter: Iterations, threads: 1);
    }
}
