using System.Collections.Immutable;
using Protocol.Core.Cases;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Profiles.Testing;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>Ladders counted per establishment across the children of a caseload.</summary>
public class CaseloadTests
{
    private static Episode Reported(string id, string date, string? placement = null) =>
        new(id, [E("last-seen", $"{date}T09:00:00Z"), E("reported-missing", $"{date}T10:00:00Z"), E("found", $"{date}T20:00:00Z")], placement);

    private static ChildCase ChildAt(string id, string placement, params Episode[] episodes) =>
        new(Child() with { Id = id, Placement = placement }, episodes);

    [Fact]
    public void FifthEpisodeFromOneHome_AcrossChildren_ReachesTheEstablishmentRung()
    {
        var caseload = new Caseload([
            ChildAt("C-1", "home-a", Reported("E1", "2025-01-10"), Reported("E2", "2025-02-10")),
            ChildAt("C-2", "home-a", Reported("E1", "2025-03-10"), Reported("E2", "2025-04-10")),
            ChildAt("C-3", "home-b", Reported("E1", "2025-04-20")),
            ChildAt("C-4", "home-a", Reported("E1", "2025-05-12")),
        ]);
        var result = Evaluator.EvaluateCaseload(Profile, caseload, I("2025-05-13T00:00:00Z"));
        var e = result.Establishments.Should().ContainSingle().Subject;
        e.Establishment.Should().Be("home-a");
        e.Count.Should().Be(5);
        (e.TriggerChildId, e.TriggerEpisodeId).Should().Be(("C-4", "E1"));
        // Mon 12 May 2025 + 20 working days (26 May bank holiday skipped) → Tue 10 Jun 23:59:59 BST.
        e.Due!.Utc.Should().Be(I("2025-06-10T22:59:59Z"));
        e.Explanation[0].Should().Contain("C-1/E1");
        result.Children.Should().HaveCount(4);
    }

    [Fact]
    public void EpisodePlacement_OverridesTheChildsCurrentPlacement()
    {
        // C-1 has moved to home-b, but four of its episodes began at home-a.
        var caseload = new Caseload([
            ChildAt("C-1", "home-b", Reported("E1", "2025-01-10", "home-a"), Reported("E2", "2025-02-10", "home-a"),
                Reported("E3", "2025-03-10", "home-a"), Reported("E4", "2025-04-10", "home-a"), Reported("E5", "2025-05-10")),
        ]);
        var result = Evaluator.EvaluateCaseload(Profile, caseload, I("2025-06-01T00:00:00Z"));
        result.Establishments.Should().BeEmpty();
        result.EstablishmentLadders.Select(l => (l.Title, l.CountNow)).Should().Contain(("Establishment organisational review — home-a", 4));
    }

    [Fact]
    public void EstablishmentRecord_MeetsTheRung()
    {
        var children = Enumerable.Range(1, 5).Select(i => ChildAt($"C-{i}", "home-a", Reported("E1", $"2025-0{i}-05"))).ToList();
        var records = new Dictionary<string, ImmutableArray<EpisodeEvent>> { ["home-a"] = [E("review-held", "2025-05-20T10:00:00Z", "home-review")] };
        var result = Evaluator.EvaluateCaseload(Profile, new Caseload(children, records), I("2025-07-01T00:00:00Z"));
        result.Establishments.Single().Status.Should().Be(ObligationStatus.MetOnTime);
    }

    [Fact]
    public void SingleChildEvaluation_IgnoresEstablishmentLadders()
    {
        var c = ChildAt("C-1", "home-a", Enumerable.Range(1, 6).Select(i => Reported($"E{i}", $"2025-0{i}-05")).ToArray());
        var a = Evaluate(c, "2025-07-01T00:00:00Z");
        a.Escalations.Should().NotContain(e => e.LadderId == "home-review");
        a.Ladders.Should().NotContain(l => l.LadderId == "home-review");
    }

    [Fact]
    public void CaseloadReader_PrefixesErrorsWithTheChild_AndRejectsDuplicateChildren()
    {
        var json = """
            { "children": [
                { "child": { "id": "C-1" }, "episodes": [] },
                { "child": { "id": "C-1" }, "episodes": [ { "id": "E1", "events": [ { "type": "found", "at": "soon" } ] } ] } ] }
            """;
        var read = CaseReader.ReadCaseload(System.Text.Json.Nodes.JsonNode.Parse(json), Profile);
        read.IsValid.Should().BeFalse();
        read.Errors.Select(e => e.Path).Should().Contain("children[1].episodes[0].events[0].at");
    }

    [Fact]
    public void YamlTestCase_WithACaseload_ChecksEstablishmentEscalations()
    {
        var yaml = """
            profile: fixture
            cases:
              - name: five episodes from one home
                at: 2025-06-01T00:00:00Z
                caseload:
                  children:
                    - child: { id: C-1, placement: home-a }
                      episodes:
                        - { id: E1, events: [ { type: reported-missing, at: 2025-01-05T10:00:00Z }, { type: found, at: 2025-01-05T12:00:00Z } ] }
                        - { id: E2, events: [ { type: reported-missing, at: 2025-02-05T10:00:00Z }, { type: found, at: 2025-02-05T12:00:00Z } ] }
                    - child: { id: C-2, placement: home-a }
                      episodes:
                        - { id: E1, events: [ { type: reported-missing, at: 2025-03-05T10:00:00Z }, { type: found, at: 2025-03-05T12:00:00Z } ] }
                        - { id: E2, events: [ { type: reported-missing, at: 2025-04-05T10:00:00Z }, { type: found, at: 2025-04-05T12:00:00Z } ] }
                        - { id: E3, events: [ { type: reported-missing, at: 2025-05-05T10:00:00Z } ] }
                expect:
                  escalations:
                    - { rung: home-review, establishment: home-a, count: 5, episode: E3, status: pending }
                  obligations:
                    - { id: daily-review, child: C-2, episode: E3, occurrence: 1, status: overdue }
            """;
        var (cases, diagnostics) = TestCaseLoader.Load(yaml, "caseload.yaml");
        diagnostics.Should().BeEmpty();
        var outcome = TestRunner.Run(cases.Single(), Profile);
        outcome.Failures.Should().BeEmpty();
        outcome.Assessments.Should().HaveCount(2);

        var wrong = yaml.Replace("establishment: home-a, count: 5", "establishment: home-b, count: 5");
        TestRunner.Run(TestCaseLoader.Load(wrong, "caseload.yaml").Cases.Single(), Profile).Failures.Should().ContainSingle();
    }
}
