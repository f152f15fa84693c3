using System.Collections.Immutable;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>
/// The evaluator's edges: arguments, the vocabulary message, the case "as at" the instant (a record at the instant itself
/// is seen, one after it is not), ladder explanations verbatim, and establishment ladders (order, dating, placement).
/// </summary>
public class EvaluatorEdgeTests
{
    // Each episode: last seen 09:00, reported 10:00 (which dates it), found 20:00 (GMT in January).
    private static Episode Reported(string id, string date, string? placement = null) =>
        new(id, [E("last-seen", $"{date}T09:00:00Z"), E("reported-missing", $"{date}T10:00:00Z"), E("found", $"{date}T20:00:00Z")], placement);

    private static readonly Episode[] Three = [Reported("E1", "2025-01-01"), Reported("E2", "2025-01-10"), Reported("E3", "2025-01-20")];

    [Fact]
    public void NullArguments_ThrowArgumentNull_NamingTheArgument()
    {
        var c = Case(Child());
        ((Action)(() => Evaluator.Evaluate(null!, c, I("2025-01-01T00:00:00Z")))).Should().Throw<ArgumentNullException>().WithParameterName("profile");
        ((Action)(() => Evaluator.Evaluate(Profile, null!, I("2025-01-01T00:00:00Z")))).Should().Throw<ArgumentNullException>().WithParameterName("childCase");
        ((Action)(() => Evaluator.EvaluateCaseload(null!, new Caseload([c]), I("2025-01-01T00:00:00Z")))).Should().Throw<ArgumentNullException>().WithParameterName("profile");
        ((Action)(() => Evaluator.EvaluateCaseload(Profile, null!, I("2025-01-01T00:00:00Z")))).Should().Throw<ArgumentNullException>().WithParameterName("caseload");
    }

    /// <summary>The fixture's activities as the message lists them: every declared id, in the profile's order.</summary>
    private static string Activities => string.Join(", ", Profile.Activities.Select(a => a.Id));

    private static ChildCase UnknownActivity(string id) =>
        new(Child() with { Id = id }, [Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("found", "2025-02-01T11:00:00Z", "nope"))]);

    [Fact]
    public void UnknownVocabulary_MessageNamesThePositionAndTheProfilesWords()
    {
        var act = () => Evaluator.Evaluate(Profile, UnknownActivity("C-1"), I("2025-02-02T00:00:00Z"));
        act.Should().Throw<ArgumentException>().WithParameterName("childCase").Which.Message.Should().Be(
            "The case does not fit profile 'fixture': episodes[0].events[1].activity: unknown activity: not an activity of profile 'fixture'; "
            + $"its activities are: {Activities}. Read cases with CaseReader, or check a case built in code with CaseValidator.Validate. (Parameter 'childCase')");
    }

    [Fact]
    public void UnknownVocabulary_InACaseload_PrefixesTheChildsPosition()
    {
        var act = () => Evaluator.EvaluateCaseload(Profile, new Caseload([Case(Child()), UnknownActivity("C-2")]), I("2025-02-02T00:00:00Z"));
        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith(
            "The case does not fit profile 'fixture': children[1].episodes[0].events[1].activity: unknown activity:");
    }

    [Fact]
    public void RecordAtTheInstantItself_IsSeen_AndTheLaterOneIgnored()
    {
        // Stage 1 reached by E3 (20 Jan); the meeting is recorded at 22 Jan 10:00, exactly the evaluation instant; a stage 2
        // meeting on 1 Mar is after it and is ignored (so the case is cut at the instant, keeping what is at it).
        var c = new ChildCase(Child(), Three,
            [E("meeting-held", "2025-01-22T10:00:00Z", "stage-1-meeting"), E("meeting-held", "2025-03-01T10:00:00Z", "stage-1-meeting")]);
        var a = Evaluate(c, "2025-01-22T10:00:00Z");
        var stage1 = a.Escalations.Single(e => e.LadderId == "repeat");
        stage1.Status.Should().Be(ObligationStatus.MetOnTime);
        stage1.MetBy!.At.Should().Be(I("2025-01-22T10:00:00Z"));
        a.Assumptions.Should().Contain("1 event recorded after the evaluation instant was ignored: the case is assessed as it stood at 2025-01-22T10:00:00+00:00.");
    }

    [Fact]
    public void RecordAfterTheInstant_DoesNotMeetTheRung()
    {
        // The only record is a second after the instant: stage 1 (due Mon 27 Jan 23:59:59) is still pending at 22 Jan 10:00.
        var c = new ChildCase(Child(), Three, [E("meeting-held", "2025-01-22T10:00:01Z", "stage-1-meeting")]);
        var stage1 = Evaluate(c, "2025-01-22T10:00:00Z").Escalations.Single(e => e.LadderId == "repeat");
        stage1.Status.Should().Be(ObligationStatus.Pending);
        stage1.MetBy.Should().BeNull();
    }

    [Fact]
    public void FoundAtTheInstantItself_EndsTheEpisode_FoundAfterItDoesNot()
    {
        // Reported 1 Feb 11:00. Found at 2 Feb 08:00; a risk grading comes later (3 Feb) so the episode is cut at the instant.
        Episode E1(string found) => Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"),
            E("found", found), E("risk-graded", "2025-02-03T09:00:00Z", "high"));
        Evaluate(Case(Child(), E1("2025-02-02T08:00:00Z")), "2025-02-02T08:00:00Z").Episodes.Single().Ended.Should().Be(I("2025-02-02T08:00:00Z"));
        var later = Evaluate(Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"),
            E("found", "2025-02-02T08:00:01Z"))), "2025-02-02T08:00:00Z");
        later.Episodes.Single().Ended.Should().BeNull();
        later.Single("debrief").Due.Should().BeNull(); // waiting for found or returned
    }

    [Fact]
    public void EpisodeEventsAfterTheInstant_AreNotSeen_EvenWithNoLaterRecords()
    {
        // Reported 1 Feb 11:00; graded high and found on 3 Feb, after the instant (2 Feb 09:00): at the instant there is no
        // risk grading, the episode has not ended, and the high-risk meeting has not arisen.
        var c = Case(Child(), Episode("E1", E("last-seen", "2025-02-01T10:00:00Z"), E("reported-missing", "2025-02-01T11:00:00Z"),
            E("risk-graded", "2025-02-03T09:00:00Z", "high"), E("found", "2025-02-03T10:00:00Z")));
        var a = Evaluate(c, "2025-02-02T09:00:00Z");
        a.CurrentRisk.Should().BeNull();
        a.Episodes.Single().Ended.Should().BeNull();
        a.Episodes.Single().Risk.Should().BeNull();
        a.Obligations.Should().NotContain(o => o.Id == "high-risk-meeting");
        a.Assumptions.Should().Contain("2 events recorded after the evaluation instant were ignored: the case is assessed as it stood at 2025-02-02T09:00:00+00:00.");
    }

    [Fact]
    public void AnEpisodeWithNoEvents_IsDroppedWhenTheCaseIsCut_WithoutFailing()
    {
        // A later record makes the evaluator cut the case at the instant; the empty episode then has nothing and is left out.
        var c = new ChildCase(Child(), [Episode("E0"), Reported("E1", "2025-01-01")], [E("meeting-held", "2025-03-01T10:00:00Z", "stage-2-meeting")]);
        Evaluate(c, "2025-02-01T00:00:00Z").Episodes.Select(e => e.EpisodeId).Should().Equal("E1");
    }

    [Fact]
    public void ACaseOfOnlyAnEmptyEpisode_IsKeptAsItIs_WithoutFailing()
    {
        // Nothing after the instant: the case is evaluated as given, and the empty episode is still listed.
        var summary = Evaluate(Case(Child(), Episode("E0")), "2025-02-01T00:00:00Z").Episodes.Should().ContainSingle().Subject;
        summary.EpisodeId.Should().Be("E0");
        (summary.Classification, summary.Reason).Should().Be(("absent", "no classification rule matched"));
    }

    [Fact]
    public void ChildLadder_ExplanationAndTitle_Verbatim()
    {
        // E3 reported Mon 20 Jan 10:00 GMT; 90 days ending 20 Jan start 23 Oct 2024; 5 working days → Mon 27 Jan 23:59:59.
        var a = Evaluate(Case(Child(), Three), "2025-01-22T10:00:00Z");
        a.Escalations.Single(e => e.LadderId == "repeat").Explanation.Should().Equal(
            "Reached: 3 counted episodes (E1, E2, E3) in the 90 days ending on the trigger date (3 in the 90 days from 2024-10-23); this rung is 3 or more.",
            "Due by 2025-01-27T23:59:59+00:00 (within 5 working days (end of the last working day) of the trigger episode E3, dated 2025-01-20T10:00:00+00:00).",
            "Pending: 5d 14h left at 2025-01-22T10:00:00+00:00.");
        a.Ladders.Single(l => l.LadderId == "repeat").Title.Should().Be("Repeat episodes");
    }

    [Fact]
    public void Members_AreTheEpisodesInTheWindow_FromItsFirstDay_ThroughTheTrigger()
    {
        // E3 reported 31 Mar: the 90 days start 1 Jan. E1 on 1 Jan is in (the first day); E0 on 1 Oct 2024 is long before; E4 on 1 Apr is after the trigger.
        var c = Case(Child(), Reported("E0", "2024-10-01"), Reported("E1", "2025-01-01"), Reported("E2", "2025-02-10"), Reported("E3", "2025-03-31"), Reported("E4", "2025-04-01"));
        var e = Evaluate(c, "2025-04-02T00:00:00Z").Escalations.Single(x => x.LadderId == "repeat");
        e.TriggerEpisodeId.Should().Be("E3");
        e.Explanation[0].Should().Be("Reached: 3 counted episodes (E1, E2, E3) in the 90 days ending on the trigger date (3 in the 90 days from 2025-01-01); this rung is 3 or more.");
    }

    [Fact]
    public void EpisodeDatedExactlyAtTheInstant_Counts()
    {
        // E3 reported 20 Jan 10:00, the evaluation instant: it is the third and raises stage 1; a second earlier it is not yet counted.
        var at = Evaluate(Case(Child(), Three), "2025-01-20T10:00:00Z");
        at.Escalations.Should().ContainSingle(e => e.LadderId == "repeat").Which.TriggerEpisodeId.Should().Be("E3");
        at.Ladders.Single(l => l.LadderId == "repeat").CountNow.Should().Be(3);
        Evaluate(Case(Child(), Three), "2025-01-20T09:59:59Z").Escalations.Should().NotContain(e => e.LadderId == "repeat");
    }

    [Fact]
    public void TwoRecordsOfTheMeeting_TheEarlierMeetsTheRung()
    {
        var c = new ChildCase(Child(), Three,
            [E("meeting-held", "2025-01-22T10:00:00Z", "stage-1-meeting"), E("meeting-held", "2025-01-24T10:00:00Z", "stage-1-meeting")]);
        Evaluate(c, "2025-02-01T00:00:00Z").Escalations.Single(e => e.LadderId == "repeat").MetBy!.At.Should().Be(I("2025-01-22T10:00:00Z"));
    }

    private static ChildCase ChildAt(string id, string? placement, params Episode[] episodes) =>
        new(Child() with { Id = id, Placement = placement }, episodes);

    private static List<ChildCase> FiveAt(string home, string prefix) =>
        Enumerable.Range(1, 5).Select(i => ChildAt($"{prefix}-{i}", home, Reported("E1", $"2025-0{i}-05"))).ToList();

    [Fact]
    public void Establishments_AreInOrdinalOrder_AndTheRungIsDatedByTheReport_ExplainedVerbatim()
    {
        // Five children from each home, reported the 5th of Jan..May 10:00Z; the fifth (Mon 5 May 11:00 BST) raises the rung,
        // due 20 working days later (26 May bank holiday skipped) → Tue 3 Jun 23:59:59 BST.
        var result = Evaluator.EvaluateCaseload(Profile, new Caseload([.. FiveAt("home-b", "B"), .. FiveAt("home-a", "A")]), I("2025-05-06T00:00:00Z"));
        result.Establishments.Select(e => e.Establishment).Should().Equal("home-a", "home-b");
        result.EstablishmentLadders.Select(l => l.Title).Should().Equal("Establishment organisational review — home-a", "Establishment organisational review — home-b");
        var e = result.Establishments[0];
        e.TriggeredAt.Should().Be(I("2025-05-05T10:00:00Z")); // the report, not last seen at 09:00
        e.Explanation.Should().Equal(
            "Reached: 5 counted episodes at home-a (A-1/E1, A-2/E1, A-3/E1, A-4/E1, A-5/E1) in the 12 months ending on the trigger date (5 in the 12 months from 2024-05-06); this rung is 5 or more.",
            "Due by 2025-06-03T23:59:59+01:00 (within 20 working days (end of the last working day) of the trigger episode E1, dated 2025-05-05T11:00:00+01:00).",
            "Pending: 28d 23h left at 2025-05-06T01:00:00+01:00.");
    }

    [Fact]
    public void EstablishmentRecordAtTheInstant_MeetsTheRung()
    {
        var records = new Dictionary<string, ImmutableArray<EpisodeEvent>> { ["home-a"] = [E("review-held", "2025-05-20T10:00:00Z", "home-review")] };
        var result = Evaluator.EvaluateCaseload(Profile, new Caseload(FiveAt("home-a", "A"), records), I("2025-05-20T10:00:00Z"));
        result.Establishments.Single().Status.Should().Be(ObligationStatus.MetOnTime);
    }

    [Fact]
    public void AbsencesAndChildrenWithNoPlacement_AreNotCountedForAnEstablishment()
    {
        // Five unreported absences at home-a (absent, not missing) and five reported episodes of a child with no placement.
        Episode Absent(string id, string date) => Episode(id, E("last-seen", $"{date}T09:00:00Z"), E("found", $"{date}T12:00:00Z"));
        var absent = ChildAt("C-1", "home-a", Enumerable.Range(1, 5).Select(i => Absent($"A{i}", $"2025-0{i}-05")).ToArray());
        var nowhere = ChildAt("C-2", null, Enumerable.Range(1, 5).Select(i => Reported($"E{i}", $"2025-0{i}-06")).ToArray());
        var result = Evaluator.EvaluateCaseload(Profile, new Caseload([absent, nowhere]), I("2025-06-01T00:00:00Z"));
        result.Establishments.Should().BeEmpty();
        result.EstablishmentLadders.Should().BeEmpty();
    }
}
