using Protocol.Profiles.Testing;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>The YAML test format's expectations for the lifecycle: new states, when a duty arose, recipients, what a deadline waits for.</summary>
public class YamlExpectationTests
{
    private const string Yaml = """
        profile: fixture
        cases:
          - name: the parent is told, the head teacher is not; the debrief waits for the return
            at: 2025-02-04T12:00:00Z
            case:
              child: { id: C-1, dateOfBirth: 2010-06-15, careStatus: looked-after }
              episodes:
                - id: E1
                  events:
                    - { type: last-seen, at: 2025-02-03T10:00:00Z }
                    - { type: reported-missing, at: 2025-02-03T11:00:00Z }
                    - { type: notification-sent, activity: missing-notice, recipient: parent, at: 2025-02-03T12:00:00Z }
            expect:
              obligations:
                - { id: tell-people, recipient: parent, status: met-on-time }
                - { id: tell-people, recipient: head-teacher, status: overdue, due: 2025-02-03T23:59:59Z }
                - { id: debrief, status: pending, waiting-for: found }
                - { id: strategy-72h, status: upcoming, triggered: 2025-02-06T10:00:00Z }
                - { id: exploitation-meeting, status: not-applicable }
              not-triggered: [strategy-72h, manager-over-72h]
        """;

    private static TestOutcome Run(string yaml)
    {
        var (cases, diagnostics) = TestCaseLoader.Load(yaml, "lifecycle.yaml");
        diagnostics.Should().BeEmpty();
        return TestRunner.Run(cases.Single(), Profile);
    }

    [Fact]
    public void NewExpectationKeys_MatchTheAssessment()
    {
        Run(Yaml).Failures.Should().BeEmpty();
    }

    [Theory]
    [InlineData("recipient: head-teacher, status: overdue", "recipient: parent, status: overdue")]
    [InlineData("waiting-for: found", "waiting-for: return-notified")]
    [InlineData("triggered: 2025-02-06T10:00:00Z", "triggered: 2025-02-06T11:00:00Z")]
    [InlineData("status: upcoming", "status: pending")]
    public void AWrongExpectation_FailsAndNamesWhatWasFound(string right, string wrong)
    {
        var outcome = Run(Yaml.Replace(right, wrong));
        outcome.Failures.Should().ContainSingle().Which.Should().Contain("expected").And.Contain("got");
    }

    [Fact]
    public void NotTriggered_AcceptsAnUpcomingDuty_ButNotARaisedOne()
    {
        var raised = Yaml.Replace("at: 2025-02-04T12:00:00Z", "at: 2025-02-06T12:00:00Z")
            .Replace("- { id: strategy-72h, status: upcoming, triggered: 2025-02-06T10:00:00Z }", "");
        Run(raised).Failures.Should().Contain(f => f.StartsWith("expected 'strategy-72h' not to be triggered"));
    }
}
