using Protocol.Core.Cases;
using Protocol.Core.Evaluation;
using Protocol.Core.Rules;

namespace Protocol.Profiles.Testing;

/// <summary>Runs YAML test cases against profiles and explains every mismatch.</summary>
public static class TestRunner
{
    /// <summary>
    /// Finds the profile a test names: a file path relative to the test file; else <c>&lt;id&gt;.yaml</c> in
    /// the nearest folder above the test file that has one (so edits to profiles/*.yaml are tested at once);
    /// else the shipped profile with that id.
    /// </summary>
    public static ProfileLoadResult ResolveProfile(ProfileTestCase test)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(test.File));
        var relative = dir is null ? null : Path.Combine(dir, test.Profile);
        if (relative is not null && File.Exists(relative)) return ProfileLoader.LoadFile(relative);
        for (var d = dir; d is not null; d = Path.GetDirectoryName(d))
        {
            var candidate = Path.Combine(d, test.Profile + ".yaml");
            if (File.Exists(candidate)) return ProfileLoader.LoadFile(candidate);
        }
        return ProfileCatalog.Shipped.Resolve(test.Profile);
    }

    /// <summary>Runs one case against a compiled profile.</summary>
    public static TestOutcome Run(ProfileTestCase test, CompiledProfile profile)
    {
        var failures = new List<string>();
        List<Assessment> assessments;
        var establishments = new List<EscalationResult>();
        if (test.IsCaseload)
        {
            var read = CaseReader.ReadCaseload(test.CaseJson, profile, test.At);
            if (!read.IsValid) return new TestOutcome(test, read.Errors.Select(e => $"case data: {e}").ToList(), []);
            var result = Evaluator.EvaluateCaseload(profile, read.Caseload!, test.At);
            assessments = result.Children.ToList();
            establishments.AddRange(result.Establishments);
        }
        else
        {
            var read = CaseReader.Read(test.CaseJson, profile, test.At);
            if (!read.IsValid) return new TestOutcome(test, read.Errors.Select(e => $"case data: {e}").ToList(), []);
            assessments = [Evaluator.Evaluate(profile, read.Case!, test.At)];
        }
        var a = assessments.Count == 1 ? assessments[0] : null;
        var obligations = assessments.SelectMany(x => x.Obligations.Select(o => (Child: x.ChildId, Result: o))).ToList();
        var allEscalations = assessments.SelectMany(x => x.Escalations).Concat(establishments).ToList();
        var x = test.Expect;
        var known = profile.Obligations.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var rungs = profile.Ladders.SelectMany(l => l.Rungs).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);

        if ((x.Classification is not null || x.Risk is not null || x.AssumptionsInclude.Count > 0) && a is null)
            failures.Add("classification, risk and assumptions-include need a single case, not a caseload");
        if (x.Classification is { } c && a is not null && a.Classification != c)
            failures.Add($"classification: expected '{c}', got '{a.Classification ?? "(no episode)"}'");
        if (x.Risk is { } risk && a is not null && a.CurrentRisk != risk)
            failures.Add($"risk: expected '{risk}', got '{a.CurrentRisk ?? "(none)"}'");
        foreach (var o in x.Obligations)
        {
            if (!known.Contains(o.Id)) { failures.Add($"line {o.Line}: '{o.Id}' is not an obligation of profile '{profile.Metadata.Id}'"); continue; }
            var candidates = obligations.Where(r => r.Result.Id == o.Id && (o.Child is null || r.Child == o.Child)).Select(r => r.Result).ToList();
            if (candidates.Count == 0) { failures.Add($"line {o.Line}: expected obligation '{o.Id}', but it was not triggered"); continue; }
            var match = candidates.FirstOrDefault(r => Matches(o, r));
            if (match is null)
                failures.Add($"line {o.Line}: expected {Describe(o)}; got {string.Join("; ", candidates.Select(Describe))}");
        }
        foreach (var id in x.NotTriggered)
        {
            if (!known.Contains(id)) { failures.Add($"not-triggered: '{id}' is not an obligation of profile '{profile.Metadata.Id}'"); continue; }
            var applied = obligations.Select(r => r.Result).Where(r => r.Id == id && r.Status is not (ObligationStatus.NotApplicable or ObligationStatus.Upcoming)).ToList();
            if (applied.Count > 0) failures.Add($"expected '{id}' not to be triggered; got {string.Join("; ", applied.Select(Describe))}");
        }
        foreach (var e in x.Escalations)
        {
            if (!rungs.Contains(e.Rung)) { failures.Add($"line {e.Line}: '{e.Rung}' is not a rung of profile '{profile.Metadata.Id}'"); continue; }
            var candidates = allEscalations.Where(r => r.RungId == e.Rung).ToList();
            if (candidates.Count == 0) { failures.Add($"line {e.Line}: expected rung '{e.Rung}' to be reached, but it was not"); continue; }
            if (!candidates.Any(r => Matches(e, r)))
                failures.Add($"line {e.Line}: expected {Describe(e)}; got {string.Join("; ", candidates.Select(Describe))}");
        }
        foreach (var rung in x.NoEscalations)
        {
            if (!rungs.Contains(rung)) { failures.Add($"no-escalations: '{rung}' is not a rung of profile '{profile.Metadata.Id}'"); continue; }
            var reached = allEscalations.Where(r => r.RungId == rung).ToList();
            if (reached.Count > 0) failures.Add($"expected rung '{rung}' not to be reached; got {string.Join("; ", reached.Select(Describe))}");
        }
        foreach (var text in a is null ? [] : x.AssumptionsInclude)
            if (!a!.Assumptions.Any(s => s.Contains(text, StringComparison.OrdinalIgnoreCase)))
                failures.Add($"expected an assumption mentioning '{text}'; assumptions: {(a.Assumptions.Count == 0 ? "(none)" : string.Join(" | ", a.Assumptions))}");
        return new TestOutcome(test, failures, assessments);
    }

    private static bool Matches(ObligationExpectation o, ObligationResult r) =>
        (o.Status is null || o.Status == r.Status) && (o.Due is null || r.Due?.Utc == o.Due) && (o.Episode is null || o.Episode == r.EpisodeId)
        && (o.Occurrence is null || o.Occurrence == r.Occurrence) && (o.Responsible is null || o.Responsible == r.Responsible.Id)
        && (o.Triggered is null || o.Triggered == r.TriggeredAt) && (o.Recipient is null || o.Recipient == r.Recipient?.Id)
        && (o.WaitingFor is null || (r.WaitingFor?.Contains(o.WaitingFor, StringComparison.Ordinal) ?? false));

    private static bool Matches(EscalationExpectation e, EscalationResult r) =>
        (e.Status is null || e.Status == r.Status) && (e.Due is null || r.Due?.Utc == e.Due) && (e.Count is null || e.Count == r.Count)
        && (e.Episode is null || e.Episode == r.TriggerEpisodeId) && (e.Establishment is null || e.Establishment == r.Establishment);

    private static string Describe(ObligationExpectation o) =>
        $"'{o.Id}'" + Parts(o.Status?.Name(), o.Due?.ToString(), o.Episode, o.Occurrence?.ToString(), o.Responsible)
        + (o.Triggered is { } t ? $" triggered {t}" : "") + (o.Recipient is { } rc ? $" to {rc}" : "") + (o.WaitingFor is { } w ? $" waiting for {w}" : "");

    private static string Describe(ObligationResult r) =>
        $"'{r.Id}'" + Parts(r.Status.Name(), r.Due?.Utc.ToString(), r.EpisodeId, r.Occurrence?.ToString(), r.Responsible.Id)
        + $" triggered {r.TriggeredAt}" + (r.Recipient is { } rc ? $" to {rc.Id}" : "") + (r.WaitingFor is { } w ? $" waiting for {w}" : "");

    private static string Describe(EscalationExpectation e) =>
        $"rung '{e.Rung}'" + Parts(e.Status?.Name(), e.Due?.ToString(), e.Episode, null, null) + (e.Count is { } c ? $" count {c}" : "");

    private static string Describe(EscalationResult r) =>
        $"rung '{r.RungId}'" + Parts(r.Status.Name(), r.Due?.Utc.ToString(), r.TriggerEpisodeId, null, null) + $" count {r.Count}" + (r.Establishment is null ? "" : $" at {r.Establishment}");

    private static string Parts(string? status, string? due, string? episode, string? occurrence, string? responsible)
    {
        var parts = new List<string>();
        if (status is not null) parts.Add(status);
        if (due is not null) parts.Add($"due {due}");
        if (episode is not null) parts.Add($"episode {episode}");
        if (occurrence is not null) parts.Add($"occurrence {occurrence}");
        if (responsible is not null) parts.Add($"by {responsible}");
        return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
    }
}
