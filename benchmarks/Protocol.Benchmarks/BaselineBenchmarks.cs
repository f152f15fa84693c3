using BenchmarkDotNet.Attributes;
using NodaTime;
using Protocol.Baseline;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Rules;

/// <summary>
/// The engine against code written by hand for the same rules: the Warwickshire subset of benchmarks/Protocol.Baseline
/// (six duties and the Missing Intervention Meeting ladder) on 1,000 generated children (the first 1,000 of the test's:
/// same generator, same seed), at one instant after all their records. Times are per child. The test HandWrittenBaselineTests checks that both give the same due
/// instants and states, so the comparison is of equal work (the engine also writes its explanations).
/// </summary>
[MemoryDiagnoser]
public class BaselineBenchmarks
{
    private const int Children = 1000;
    private static readonly Instant At = ChildGenerator.EvaluationInstants[^1];
    private CompiledProfile _subset = null!;
    private HandWritten _handWritten = null!;
    private List<ChildCase> _children = null!;

    [GlobalSetup]
    public void Setup()
    {
        _subset = WarwickshireSubset.Profile;
        _handWritten = HandWritten.Warwickshire;
        _children = ChildGenerator.Generate(Children, ChildGenerator.DefaultSeed);
    }

    [Benchmark(Description = "engine, subset", OperationsPerInvoke = Children)]
    public int Engine()
    {
        var n = 0;
        foreach (var child in _children) n += Evaluator.Evaluate(_subset, child, At).Obligations.Count;
        return n;
    }

    [Benchmark(Description = "hand-written", Baseline = true, OperationsPerInvoke = Children)]
    public int HandWrittenSubset()
    {
        var n = 0;
        foreach (var child in _children) n += _handWritten.Evaluate(child, At).Count;
        return n;
    }
}
