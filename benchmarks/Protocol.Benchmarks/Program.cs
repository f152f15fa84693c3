using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using NodaTime;
using Protocol.Core.Cases;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Profiles;

BenchmarkSwitcher.FromAssembly(typeof(EvaluationBenchmarks).Assembly).Run(args);

/// <summary>
/// What a case-management system or an audit pays: compiling a profile, reading a case, evaluating one
/// child, and evaluating a caseload. The child is samples/comparison-case.json (three episodes); the
/// caseload repeats it with shifted dates, each child placed in one of 50 homes.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private static readonly Instant At = Instant.FromUtc(2025, 11, 5, 12, 0);
    private string _json = "";
    private string _profileText = "";
    private CompiledProfile _profile = null!;
    private ChildCase _case = null!;
    private Caseload _caseload = null!;

    [Params("warwickshire", "west-mercia", "bedfordshire", "liverpool", "bcp")]
    public string Profile { get; set; } = "warwickshire";

    [GlobalSetup]
    public void Setup()
    {
        _json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "comparison-case.json"));
        _profileText = ProfileCatalog.Shipped.Text(Profile);
        _profile = ProfileCatalog.Shipped.Get(Profile);
        _case = CaseReader.Read(_json, _profile).Case ?? throw new InvalidOperationException("the sample case is not valid");
        _caseload = new Caseload(Enumerable.Range(0, 1000).Select(i => Shifted(_case, i)));
    }

    private static ChildCase Shifted(ChildCase c, int i)
    {
        var shift = Duration.FromHours(-(i % 200) * 7);
        var child = c.Child with { Id = $"C-{i}", Placement = $"home-{i % 50}" };
        return new ChildCase(child, c.Episodes.Select(e => new Episode(e.Id, e.Events.Select(x => x with { At = x.At + shift }))));
    }

    [Benchmark(Description = "compile the profile from YAML")]
    public CompiledProfile Compile() => ProfileLoader.LoadOrThrow(_profileText, Profile + ".yaml");

    [Benchmark(Description = "read and validate the case JSON")]
    public CaseReadResult Read() => CaseReader.Read(_json, _profile);

    [Benchmark(Description = "evaluate one child")]
    public Assessment EvaluateOne() => Evaluator.Evaluate(_profile, _case, At);

    [Benchmark(Description = "evaluate a caseload of 1,000 children")]
    public CaseloadAssessment EvaluateCaseload() => Evaluator.EvaluateCaseload(_profile, _caseload, At);
}
