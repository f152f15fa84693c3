using NodaTime;
using Protocol.Core.Cases;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;

namespace Protocol.Profiles.Testing;

/// <summary>An expected obligation result; unset fields are not checked.</summary>
public sealed record ObligationExpectation(string Id, ObligationStatus? Status, Instant? Due, string? Episode, int? Occurrence, string? Responsible, int Line, string? Child = null)
{
    /// <summary>When it arose (or, for an upcoming duty, would arise).</summary>
    public Instant? Triggered { get; init; }
    /// <summary>For a duty with recipients, the recipient (a role id).</summary>
    public string? Recipient { get; init; }
    /// <summary>Text the result's "waiting for" must contain (a deadline counted from an event not recorded yet).</summary>
    public string? WaitingFor { get; init; }
}

/// <summary>An expected escalation; unset fields are not checked.</summary>
public sealed record EscalationExpectation(string Rung, ObligationStatus? Status, Instant? Due, int? Count, string? Episode, int Line, string? Establishment = null);

/// <summary>What a test case expects of the assessment.</summary>
public sealed record Expectation
{
    /// <summary>Classification of the latest episode.</summary>
    public string? Classification { get; init; }
    /// <summary>Current risk.</summary>
    public string? Risk { get; init; }
    /// <summary>Obligations that must be present.</summary>
    public IReadOnlyList<ObligationExpectation> Obligations { get; init; } = [];
    /// <summary>Obligation ids with no result other than not-applicable or upcoming (not raised, as things stand).</summary>
    public IReadOnlyList<string> NotTriggered { get; init; } = [];
    /// <summary>Escalations that must be present.</summary>
    public IReadOnlyList<EscalationExpectation> Escalations { get; init; } = [];
    /// <summary>Rungs that must not be reached.</summary>
    public IReadOnlyList<string> NoEscalations { get; init; } = [];
    /// <summary>Texts that some assumption must contain.</summary>
    public IReadOnlyList<string> AssumptionsInclude { get; init; } = [];

    /// <summary>Every obligation and rung id the expectation names (what the case covers).</summary>
    public IEnumerable<string> Mentions() =>
        Obligations.Select(o => o.Id).Concat(NotTriggered).Concat(Escalations.Select(e => e.Rung)).Concat(NoEscalations);
}

/// <summary>One test case from a YAML file.</summary>
public sealed record ProfileTestCase
{
    /// <summary>File it came from.</summary>
    public required string File { get; init; }
    /// <summary>Line of the case in the file.</summary>
    public required int Line { get; init; }
    /// <summary>The profile it tests (an id or a path).</summary>
    public required string Profile { get; init; }
    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>The protocol section it checks.</summary>
    public string? Cites { get; init; }
    /// <summary>Evaluation instant.</summary>
    public required Instant At { get; init; }
    /// <summary>The case (or caseload) as JSON, read against the profile when run.</summary>
    public required System.Text.Json.Nodes.JsonNode? CaseJson { get; init; }
    /// <summary>True when <see cref="CaseJson"/> is a caseload (several children) rather than one case.</summary>
    public bool IsCaseload { get; init; }
    /// <summary>What is expected.</summary>
    public required Expectation Expect { get; init; }

    /// <summary>Readable id: file:line name.</summary>
    public override string ToString() => $"{Path.GetFileName(File)}:{Line} {Name}";
}

/// <summary>The result of running a test case.</summary>
public sealed record TestOutcome(ProfileTestCase Case, IReadOnlyList<string> Failures, IReadOnlyList<Assessment> Assessments)
{
    /// <summary>True if every expectation held.</summary>
    public bool Passed => Failures.Count == 0;
}

