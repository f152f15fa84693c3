using NodaTime;
using Protocol.Core.Cases;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Tests.Fixtures;
using Protocol.Tests.Shared;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Cases;

public class MalformedCaseTests
{
    private static readonly Instant At = I(MalformedCases.At);
    private static readonly Instant Now = I("2026-01-01T00:00:00Z");

    private static IReadOnlyList<CaseError> Errors(string json) =>
        json.Contains("\"children\"", StringComparison.Ordinal)
            ? CaseReader.ReadCaseload(json, Profile, At, Now).Errors
            : CaseReader.Read(json, Profile, At, Now).Errors;

    public static TheoryData<string, string, string, string> Cases => MalformedCases.All;

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsRejected_NamingTheFieldByItsInputPath(string name, string json, string path, string fragment)
    {
        var errors = Errors(json);
        errors.Should().Contain(e => e.Path == path && e.Message.Contains(fragment, StringComparison.Ordinal),
            "case '{0}' should report {1}: …{2}…; got: {3}", name, path, fragment, string.Join(" | ", errors));
    }

    [Fact]
    public void TheTable_HasAtLeastThirtyCases_WithDistinctNames()
    {
        var names = MalformedCases.All.Select(row => (string)row[0]).ToList();
        names.Should().HaveCountGreaterThanOrEqualTo(30).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void TheBaseCase_IsValid()
    {
        var read = CaseReader.Read(MalformedCases.Valid, Profile, At, Now);
        read.Errors.Should().BeEmpty();
        read.IsValid.Should().BeTrue();
    }

    [Fact]
    public void StructuralProblems_AreAllReportedAtOnce_BeforeProblemsOfMeaning()
    {
        var json = """
            { "child": { "id": "C-1", "flags": ["nope"] }, "episodes": [
                { "id": "E-1", "events": [ { "type": "found", "at": "soon" }, { "type": "last-seen", "at": "2025-03-01T10:00" } ] },
                { "id": "E-1", "events": [ { "type": "found", "at": "2025-03-01T09:00:00Z" } ] } ] }
            """;
        var errors = Errors(json);
        errors.Select(e => e.Path).Should().BeEquivalentTo(["episodes[0].events[0].at", "episodes[0].events[1].at"]);
    }

    [Fact]
    public void ProblemsOfMeaning_AreAllReportedAtOnce()
    {
        var json = """
            { "child": { "id": "C-1", "flags": ["nope"] }, "episodes": [
                { "id": "E-1", "events": [ { "type": "last-seen", "at": "2025-03-01T10:00:00Z" }, { "type": "found", "at": "2025-03-01T09:00:00Z" } ] },
                { "id": "E-1", "events": [ { "type": "reported-missing", "at": "2025-04-01T09:00:00Z" }, { "type": "risk-graded", "at": "2025-04-01T09:10:00Z", "level": "extreme" } ] } ] }
            """;
        Errors(json).Select(e => e.Path).Should().BeEquivalentTo(
            ["child.flags[0]", "episodes[1].events[1].level", "episodes[0].events[1].at", "episodes[1].id"]);
    }

    [Theory]
    [InlineData("returned before the report", """[ { "type": "last-seen", "at": "2025-03-01T10:00:00Z" }, { "type": "returned", "at": "2025-03-01T11:00:00Z" }, { "type": "reported-missing", "at": "2025-03-01T12:00:00Z" } ]""")]
    [InlineData("reported before last seen (a later sighting)", """[ { "type": "reported-missing", "at": "2025-03-01T09:00:00Z" }, { "type": "last-seen", "at": "2025-03-01T10:00:00Z" }, { "type": "found", "at": "2025-03-01T11:00:00Z" } ]""")]
    [InlineData("carer aware before last seen", """[ { "type": "carer-aware", "at": "2025-03-01T09:00:00Z" }, { "type": "last-seen", "at": "2025-03-01T10:00:00Z" } ]""")]
    [InlineData("graded before the report", """[ { "type": "risk-graded", "at": "2025-03-01T09:00:00Z", "level": "low" }, { "type": "reported-missing", "at": "2025-03-01T10:00:00Z" } ]""")]
    [InlineData("found at the instant last seen", """[ { "type": "last-seen", "at": "2025-03-01T10:00:00Z" }, { "type": "found", "at": "2025-03-01T10:00:00Z" } ]""")]
    [InlineData("returned before found", """[ { "type": "last-seen", "at": "2025-03-01T10:00:00Z" }, { "type": "returned", "at": "2025-03-01T11:00:00Z" }, { "type": "found", "at": "2025-03-01T12:00:00Z" } ]""")]
    [InlineData("return notified without a recorded return", """[ { "type": "last-seen", "at": "2025-03-01T10:00:00Z" }, { "type": "return-notified", "at": "2025-03-01T11:00:00Z" } ]""")]
    [InlineData("whereabouts known twice, graded twice, notified twice", """[ { "type": "last-seen", "at": "2025-03-01T10:00:00Z" }, { "type": "whereabouts-known", "at": "2025-03-01T11:00:00Z" }, { "type": "whereabouts-known", "at": "2025-03-01T12:00:00Z" }, { "type": "risk-graded", "at": "2025-03-01T12:00:00Z", "level": "low" }, { "type": "risk-graded", "at": "2025-03-01T13:00:00Z", "level": "high" }, { "type": "found", "at": "2025-03-01T14:00:00Z" }, { "type": "return-notified", "at": "2025-03-01T15:00:00Z" }, { "type": "return-notified", "at": "2025-03-01T16:00:00Z" } ]""")]
    [InlineData("a formal report after an earlier one", """[ { "type": "last-seen", "at": "2025-03-01T10:00:00Z" }, { "type": "reported-missing", "at": "2025-03-01T11:00:00Z" }, { "type": "reported-missing", "at": "2025-03-01T14:00:00Z" } ]""")]
    [InlineData("whereabouts known, then lost again", """[ { "type": "last-seen", "at": "2025-03-01T10:00:00Z" }, { "type": "whereabouts-known", "at": "2025-03-01T11:00:00Z" }, { "type": "whereabouts-lost", "at": "2025-03-01T14:00:00Z" }, { "type": "reported-missing", "at": "2025-03-01T15:00:00Z" } ]""")]
    [InlineData("categorised absent, then re-categorised missing", """[ { "type": "last-seen", "at": "2025-03-01T10:00:00Z" }, { "type": "reported-missing", "at": "2025-03-01T11:00:00Z" }, { "type": "categorised", "at": "2025-03-01T11:05:00Z", "category": "absent" }, { "type": "categorised", "at": "2025-03-01T15:00:00Z", "category": "missing" } ]""")]
    [InlineData("a report made after the child was found", """[ { "type": "last-seen", "at": "2025-03-01T10:00:00Z" }, { "type": "found", "at": "2025-03-01T11:00:00Z" }, { "type": "reported-missing", "at": "2025-03-01T12:00:00Z" } ]""")]
    [InlineData("activity records before the episode began", """[ { "type": "meeting-held", "at": "2025-02-01T09:00:00Z", "activity": "strategy-meeting" }, { "type": "last-seen", "at": "2025-03-01T10:00:00Z" } ]""")]
    public void UnusualButPossibleOrders_AreAccepted(string name, string events)
    {
        var json = $$"""{ "child": { "id": "C-1", "dateOfBirth": "2010-01-01" }, "episodes": [ { "id": "E-1", "events": {{events}} } ] }""";
        Errors(json).Should().BeEmpty(name);
    }

    [Fact]
    public void AnEpisodeMayBeginTheInstantThePreviousOneEnded()
    {
        var json = """
            { "child": { "id": "C-1" }, "episodes": [
                { "id": "E-2", "events": [ { "type": "last-seen", "at": "2025-03-01T12:00:00Z" } ] },
                { "id": "E-1", "events": [ { "type": "last-seen", "at": "2025-03-01T10:00:00Z" }, { "type": "returned", "at": "2025-03-01T12:00:00Z" } ] } ] }
            """;
        Errors(json).Should().BeEmpty();
    }

    [Fact]
    public void MissingDateOfBirth_IsNotAnError_TheAssessmentSaysWhatWasAssumed()
    {
        var read = CaseReader.Read("""{ "child": { "id": "C-1" }, "episodes": [] }""", Profile, At, Now);
        read.IsValid.Should().BeTrue();
        Evaluator.Evaluate(Profile, read.Case!, At).Assumptions.Should().Contain(a => a.Contains("date of birth is not recorded"));
    }

    [Fact]
    public void EventsAfterTheEvaluationInstant_AreAllowed_AndTheAssessmentSaysTheyWereIgnored()
    {
        var json = """
            { "child": { "id": "C-1", "dateOfBirth": "2010-01-01" }, "episodes": [
                { "id": "E-1", "events": [ { "type": "last-seen", "at": "2025-05-31T10:00:00Z" }, { "type": "found", "at": "2025-06-02T10:00:00Z" } ] },
                { "id": "E-2", "events": [ { "type": "last-seen", "at": "2025-06-05T10:00:00Z" } ] } ] }
            """;
        var read = CaseReader.Read(json, Profile, At, Now);
        read.Errors.Should().BeEmpty();
        var a = Evaluator.Evaluate(Profile, read.Case!, At);
        a.Assumptions.Should().Contain("2 events recorded after the evaluation instant were ignored: the case is assessed as it stood at 2025-06-01T13:00:00+01:00.");
        a.Episodes.Should().ContainSingle().Which.Open.Should().BeTrue();

        // Asked to treat them as errors (the CLI's default without --as-at), each is named by its input path.
        var strict = CaseReader.Read(json, Profile, At, Now, RecordsAfterAt.Errors);
        strict.IsValid.Should().BeFalse();
        strict.Errors.Select(e => e.Path).Should().Equal("episodes[0].events[1].at", "episodes[1].events[0].at");
        strict.Errors.Should().OnlyContain(e => e.Message.StartsWith("is after the evaluation instant", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEpisodeWithoutLastSeen_IsTimedFromItsFirstEvent_AndTheAssessmentSaysSo()
    {
        var c = Case(Child(), Episode("E-7", E("reported-missing", "2025-05-01T10:00:00Z"), E("carer-aware", "2025-05-01T09:00:00Z")));
        var a = Evaluator.Evaluate(Profile, c, At);
        a.Assumptions.Should().Contain(s => s.StartsWith("Episode E-7 has no last-seen record: it is taken to begin at carer-aware (2025-05-01T10:00:00+01:00)", StringComparison.Ordinal));
        a.Episodes.Single().Started.Should().Be(I("2025-05-01T09:00:00Z"));
    }

    [Fact]
    public void WithoutTheCurrentTime_FutureRecordsAreNotChecked()
    {
        var json = """{ "child": { "id": "C-1" }, "episodes": [ { "id": "E-1", "events": [ { "type": "last-seen", "at": "2099-03-01T10:00:00Z" } ] } ] }""";
        CaseReader.Read(json, Profile).Errors.Should().BeEmpty();
        CaseReader.Read(json, Profile, now: Now).Errors.Should().ContainSingle(e => e.Path == "episodes[0].events[0].at");
    }

    [Fact]
    public void ACaseBuiltInCode_IsValidatedByItsSortedPositions()
    {
        var c = Case(Child("2010-06-15", CareStatus.LookedAfter, "unknown-flag"),
            Episode("E-2", E("last-seen", "2025-04-01T10:00:00Z")),
            Episode("E-1", E("last-seen", "2025-03-01T10:00:00Z"), E("found", "2025-03-01T09:00:00Z"), E("risk-graded", "2025-03-01T11:00:00Z", "severe")));
        var errors = CaseValidator.Validate(c, At, Profile);
        errors.Select(e => e.ToString()).Should().Contain(
        [
            "child.flags: unknown flag: not a flag of profile 'fixture'; its flags are: exploitation-risk, open-case",
            "episodes[0].events[2].level: unknown risk level: profile 'fixture' grades risk as low, medium, high",
            "episodes[0].events[0].at: found is before last-seen (episodes[0].events[1]): the child cannot be found before they went missing",
        ]);
    }

    [Fact]
    public void TheEvaluator_RefusesVocabularyTheProfileDoesNotDeclare_WithoutRepeatingIt()
    {
        var c = Case(Child(), Episode("E-1", E("last-seen", "2025-03-01T10:00:00Z"), E("risk-graded", "2025-03-01T11:00:00Z", "Zebedee")));
        var act = () => Evaluator.Evaluate(Profile, c, At);
        act.Should().Throw<ArgumentException>()
            .Where(e => e.Message.Contains("episodes[0].events[1].level: unknown risk level") && !e.Message.Contains("Zebedee"));
        var caseload = () => Evaluator.EvaluateCaseload(Profile, new Caseload([Case(Child(), Episode("E-1", E("last-seen", "2025-03-01T10:00:00Z"))), c]), At);
        caseload.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("children[1].episodes[0].events[1].level"));
    }
}
