using System.Text;
using NodaTime;
using Protocol.Baseline;
using Protocol.Core.Cases;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;

namespace Protocol.Profiles.Tests.Baseline;

/// <summary>
/// Keeps the benchmarks' comparison honest: the hand-written Warwickshire subset (benchmarks/Protocol.Baseline) must
/// give the engine's answers — the same duties and rungs, for the same episodes, with the same due instants and states
/// — on 3,000 generated children, each at four instants. Not-applicable results are left out on the engine's side
/// (the hand-written code does not list what is not owed; see <see cref="EngineAnswers.Of"/>).
/// </summary>
public class HandWrittenBaselineTests
{
    private const int ChildCount = 3000;

    /// <summary>Every child evaluated at every instant by both, once for all the tests of the class.</summary>
    private static readonly Lazy<Run> Results = new(() => new Run(ChildGenerator.Generate(ChildCount, ChildGenerator.DefaultSeed)));

    private sealed class Run
    {
        public Run(List<ChildCase> children)
        {
            Children = children;
            foreach (var child in children)
                foreach (var at in ChildGenerator.EvaluationInstants)
                {
                    var engine = EngineAnswers.Of(Evaluator.Evaluate(WarwickshireSubset.Profile, child, at));
                    var hand = HandWritten.Warwickshire.Evaluate(child, at);
                    Compared++;
                    if (!engine.SequenceEqual(hand))
                    {
                        Mismatches++;
                        if (Shown.Count < 3) Shown.Add(Describe(child, at, engine, hand));
                        continue;
                    }
                    foreach (var a in engine) Tally[(a.Id, a.Status)] = Tally.GetValueOrDefault((a.Id, a.Status)) + 1;
                }
        }

        public List<ChildCase> Children { get; }
        public int Compared { get; private set; }
        public int Mismatches { get; private set; }
        public List<string> Shown { get; } = [];
        public Dictionary<(string Id, ObligationStatus Status), int> Tally { get; } = [];

        public int Count(string id, params ObligationStatus[] statuses) =>
            Tally.Where(p => p.Key.Id == id && (statuses.Length == 0 || statuses.Contains(p.Key.Status))).Sum(p => p.Value);

        public int Count(ObligationStatus status) => Tally.Where(p => p.Key.Status == status).Sum(p => p.Value);
    }

    [Fact]
    public void HandWritten_GeneratedChildrenAtFourInstants_GivesTheEnginesDueInstantsAndStates()
    {
        var run = Results.Value;
        run.Compared.Should().Be(ChildCount * ChildGenerator.EvaluationInstants.Count);
        run.Mismatches.Should().Be(0,
            $"the hand-written subset must agree with the engine on every generated child; {run.Mismatches} of {run.Compared} evaluations differ. " +
            $"The first {run.Shown.Count}:\n\n{string.Join("\n\n", run.Shown)}\n");
    }

    [Fact]
    public void ChildGenerator_Children_UseOnlyTheWarwickshireVocabularyAndAreValid()
    {
        var profile = ProfileCatalog.Shipped.Get(WarwickshireSubset.ProfileId);
        foreach (var child in Results.Value.Children)
            CaseValidator.Validate(child, ChildGenerator.EvaluationInstants[^1], profile).Should().BeEmpty($"child {child.Child.Id} is generated valid");
    }

    [Fact]
    public void ChildGenerator_Children_ReachEveryStateOfEveryDutyThatCanHaveIt()
    {
        var run = Results.Value;
        run.Tally.Should().NotBeEmpty();
        var report = string.Join("\n", run.Tally.OrderBy(p => p.Key.Id, StringComparer.Ordinal).ThenBy(p => p.Key.Status).Select(p => $"{p.Key.Id} {p.Key.Status.Name()}: {p.Value}"));
        // Every duty is met on time somewhere, and every timed one is also met late and left overdue somewhere.
        foreach (var id in WarwickshireSubset.DutyIds)
        {
            run.Count(id, ObligationStatus.MetOnTime).Should().BeGreaterThan(50, $"{id} is met on time on some children:\n{report}");
            run.Count(id, ObligationStatus.Pending).Should().BeGreaterThan(0, $"{id} is pending on some children:\n{report}");
            if (id == "police-risk-assessment") continue; // untimed: never late
            run.Count(id, ObligationStatus.MetLate).Should().BeGreaterThan(20, $"{id} is met late on some children:\n{report}");
            run.Count(id, ObligationStatus.Overdue).Should().BeGreaterThan(20, $"{id} is overdue on some children:\n{report}");
        }
        foreach (var id in new[] { "police-detective-inspector-review-high", "dreamm-review-missing-24h", "return-conversation" })
            run.Count(id, ObligationStatus.Lapsed).Should().BeGreaterThan(20, $"{id} lapses on some children:\n{report}");
        run.Count("dreamm-review-missing-24h", ObligationStatus.Upcoming).Should().BeGreaterThan(5, $"the 24-hour mark is ahead for some children:\n{report}");
        // The ladder: every rung reached; meetings held on time and late, missed, decided, and owed by a placing authority.
        foreach (var id in WarwickshireSubset.RungIds)
            run.Count(id).Should().BeGreaterThan(20, $"{id} is reached by some children:\n{report}");
        foreach (var status in new[] { ObligationStatus.MetOnTime, ObligationStatus.MetLate, ObligationStatus.Overdue })
            run.Count("mim-stage-1", status).Should().BeGreaterThan(20, $"Stage 1 is {status.Name()} for some children:\n{report}");
        run.Count(ObligationStatus.DecisionRequired).Should().BeGreaterThan(5, $"a higher stage is reached before the lower meeting for some children:\n{report}");
        run.Count(ObligationStatus.External).Should().BeGreaterThan(20, $"some children are placed by another authority:\n{report}");
    }

    /// <summary>The generated child's timeline (no real person: every value is generated) and both answers, differences marked.</summary>
    private static string Describe(ChildCase childCase, Instant at, List<DutyAnswer> engine, List<DutyAnswer> hand)
    {
        var zone = WarwickshireSubset.Profile.Calendar.Zone;
        string Local(Instant i) => DueTime.FormatLocal(i, zone);
        string Event(EpisodeEvent e) => $"{Local(e.At)} {e.AsReference()}{(e.At > at ? "   (after the instant: ignored)" : "")}";
        var child = childCase.Child;
        var text = new StringBuilder();
        text.AppendLine($"Child {child.Id} at {Local(at)}: born {child.DateOfBirth:yyyy-MM-dd}, {child.CareStatus}, responsible authority {child.ResponsibleAuthority}.");
        foreach (var episode in childCase.Episodes)
        {
            text.AppendLine($"  episode {episode.Id}:");
            foreach (var e in episode.Events) text.AppendLine($"    {Event(e)}");
        }
        if (!childCase.Records.IsEmpty)
        {
            text.AppendLine("  child-level records:");
            foreach (var e in childCase.Records) text.AppendLine($"    {Event(e)}");
        }
        text.AppendLine("  engine:");
        foreach (var a in engine) text.AppendLine($"    {(hand.Contains(a) ? " " : "*")} {a}");
        text.AppendLine("  hand-written:");
        foreach (var a in hand) text.AppendLine($"    {(engine.Contains(a) ? " " : "*")} {a}");
        return text.ToString();
    }
}
