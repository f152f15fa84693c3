using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>Evaluation is a pure function and compiled profiles are safe to share.</summary>
public class PurityTests
{
    private static ChildCase Sample(int i) => Case(Child(), Episode($"E{i}",
        E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"), E("risk-graded", "2025-02-01T11:30:00Z", i % 2 == 0 ? "high" : "medium"),
        E("found", $"2025-02-0{2 + i % 5}T09:00:00Z"), E("return-notified", $"2025-02-0{2 + i % 5}T12:00:00Z")));

    [Fact]
    public void SameInput_SameJson()
    {
        var c = Sample(2);
        AssessmentJson.Serialize(Evaluate(c, "2025-02-10T00:00:00Z")).Should().Be(AssessmentJson.Serialize(Evaluate(c, "2025-02-10T00:00:00Z")));
    }

    [Fact]
    public void ParallelEvaluation_EqualsSequential()
    {
        var cases = Enumerable.Range(0, 200).Select(Sample).ToList();
        var sequential = cases.Select(c => AssessmentJson.Serialize(Evaluate(c, "2025-02-10T00:00:00Z"))).ToList();
        var parallel = cases.AsParallel().AsOrdered().WithDegreeOfParallelism(4)
            .Select(c => AssessmentJson.Serialize(Evaluate(c, "2025-02-10T00:00:00Z"))).ToList();
        parallel.Should().Equal(sequential);
    }
}
