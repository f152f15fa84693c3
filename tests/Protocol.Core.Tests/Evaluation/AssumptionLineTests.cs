using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>The assessment's assumption lines, verbatim: events after the instant, and a report with no risk grading.</summary>
public class AssumptionLineTests
{
    // Mon 3 Feb 2025 (GMT): last seen 10:00, reported 10:05.
    private static Episode Ep(params EpisodeEvent[] more) =>
        Episode("E1", [E("last-seen", "2025-02-03T10:00:00Z"), E("reported-missing", "2025-02-03T10:05:00Z"), .. more]);

    [Fact]
    public void OneEventAfterTheInstant_IsIgnored_AndSaidSoInTheSingular()
    {
        // Found 12:00:01, evaluated 12:00:00: one event one second later is ignored.
        var a = Evaluate(Case(Child(), Ep(E("risk-graded", "2025-02-03T10:10:00Z", "low"), E("found", "2025-02-03T12:00:01Z"))), "2025-02-03T12:00:00Z");
        a.Assumptions.Should().Contain("1 event recorded after the evaluation instant was ignored: the case is assessed as it stood at 2025-02-03T12:00:00+00:00.");
    }

    [Fact]
    public void TwoEventsAfterTheInstant_AreIgnored_AndSaidSoInThePlural()
    {
        var a = Evaluate(Case(Child(), Ep(E("risk-graded", "2025-02-03T10:10:00Z", "low"), E("found", "2025-02-03T12:00:01Z"), E("returned", "2025-02-03T13:00:00Z"))), "2025-02-03T12:00:00Z");
        a.Assumptions.Should().Contain("2 events recorded after the evaluation instant were ignored: the case is assessed as it stood at 2025-02-03T12:00:00+00:00.");
    }

    [Fact]
    public void AnEventExactlyAtTheInstant_IsNotIgnored()
    {
        // Found at 12:00:00, evaluated at 12:00:00: it counts; nothing is ignored.
        var a = Evaluate(Case(Child(), Ep(E("risk-graded", "2025-02-03T10:10:00Z", "low"), E("found", "2025-02-03T12:00:00Z"))), "2025-02-03T12:00:00Z");
        a.Assumptions.Should().NotContain(s => s.Contains("evaluation instant"));
    }

    [Fact]
    public void ReportedWithoutRiskGrading_SaysConditionsOnRiskDoNotHold()
    {
        var a = Evaluate(Case(Child(), Ep()), "2025-02-03T12:00:00Z");
        a.Assumptions.Should().Contain("Episode E1 was reported missing but has no risk grading: conditions on risk do not hold.");
    }

    [Fact]
    public void ReportedWithARiskGrading_SaysNothingAboutRisk()
    {
        var a = Evaluate(Case(Child(), Ep(E("risk-graded", "2025-02-03T10:10:00Z", "low"))), "2025-02-03T12:00:00Z");
        a.Assumptions.Should().NotContain(s => s.Contains("risk grading"));
    }

    [Fact]
    public void NotReported_SaysNothingAboutRisk()
    {
        // Last seen only: not reported, so no risk grading is expected.
        var a = Evaluate(Case(Child(), Episode("E1", E("last-seen", "2025-02-03T10:00:00Z"))), "2025-02-03T12:00:00Z");
        a.Assumptions.Should().NotContain(s => s.Contains("risk grading"));
    }
}
