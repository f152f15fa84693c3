using NodaTime;
using Protocol.Core.Cases;
using Protocol.Core.Model;
using Protocol.Core.Time;
using Protocol.Tests.Shared;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Cases;

/// <summary>
/// The case format's dated facts (flags for a period, dated changes of circumstances) and the newer event fields
/// (category, recipient, by, every): what a valid case reads into, and how a case built in code is validated.
/// The malformed forms are rows of <see cref="MalformedCases"/>.
/// </summary>
public class DatedFactsAndEventFieldsTests
{
    private static readonly Instant At = I(MalformedCases.At);
    private static readonly Instant Now = I("2026-01-01T00:00:00Z");

    private static ChildCase Read(string child, string events = """{ "type": "last-seen", "at": "2025-03-01T10:00:00Z" }""", string records = "")
    {
        var json = $$"""{ "child": { "id": "C-1", "dateOfBirth": "2010-06-15"{{(child.Length > 0 ? ", " + child : "")}} }, "episodes": [ { "id": "E-1", "events": [ {{events}} ] } ]{{(records.Length > 0 ? $", \"records\": [ {records} ]" : "")}} }""";
        var read = CaseReader.Read(json, Profile, At, Now);
        read.Errors.Should().BeEmpty();
        read.IsValid.Should().BeTrue();
        return read.Case!;
    }

    private static FlagPeriod Period(string flag) =>
        Read($$""" "flags": [ {{flag}} ] """).Child.FlagPeriods.Should().ContainSingle().Subject;

    // Flags for a period

    [Theory]
    [InlineData("2025-07-01", "2025-06-30T23:00:00Z")]   // British Summer Time: midnight in London is 23:00 UTC the day before
    [InlineData("2025-01-15", "2025-01-15T00:00:00Z")]   // Greenwich Mean Time
    [InlineData("2025-03-30", "2025-03-30T00:00:00Z")]   // the day the clocks go forward (at 01:00 GMT): the day still begins at GMT
    [InlineData("2025-10-26", "2025-10-25T23:00:00Z")]   // the day the clocks go back (at 02:00 BST): the day begins in BST
    public void AFlagFromADate_AppliesFromTheStartOfThatDayInLondon(string date, string start)
    {
        var p = Period($$"""{ "flag": "exploitation-risk", "from": "{{date}}" }""");
        p.Should().Be(new FlagPeriod("exploitation-risk", I(start), null));
        var child = Read($$""" "flags": [ { "flag": "exploitation-risk", "from": "{{date}}" } ] """).Child;
        child.HasFlagAt("exploitation-risk", I(start) - Duration.FromSeconds(1)).Should().BeFalse();
        child.HasFlagAt("exploitation-risk", I(start)).Should().BeTrue();
        child.HasFlagAt("exploitation-risk", I("2099-01-01T00:00:00Z")).Should().BeTrue("a period without 'to' has not ended");
        child.Flags.Should().BeEmpty("a flag for a period is not a flag that always applies");
    }

    [Theory]
    [InlineData("2025-07-31", "2025-07-31T23:00:00Z")]   // summer: the day ends at midnight BST
    [InlineData("2025-12-01", "2025-12-02T00:00:00Z")]   // winter
    [InlineData("2025-10-26", "2025-10-27T00:00:00Z")]   // the day the clocks go back: all 25 hours of it, to midnight GMT
    public void AFlagToADate_IncludesTheWholeOfThatDay(string date, string end)
    {
        var expected = I(end);
        var p = Period($$"""{ "flag": "exploitation-risk", "to": "{{date}}" }""");
        p.Should().Be(new FlagPeriod("exploitation-risk", null, expected));
        var child = Read($$""" "flags": [ { "flag": "exploitation-risk", "to": "{{date}}" } ] """).Child;
        child.HasFlagAt("exploitation-risk", I("2000-01-01T00:00:00Z")).Should().BeTrue("a period without 'from' has always applied");
        child.HasFlagAt("exploitation-risk", expected - Duration.FromSeconds(1)).Should().BeTrue("the last second of the day is included");
        child.HasFlagAt("exploitation-risk", expected).Should().BeFalse("the period ends at the start of the next day");
    }

    [Fact]
    public void AFlagForOneDay_FromAndToTheSameDate_CoversThatWholeDay()
    {
        var p = Period("""{ "flag": "exploitation-risk", "from": "2025-08-10", "to": "2025-08-10" }""");
        p.From.Should().Be(I("2025-08-09T23:00:00Z"));
        p.Until.Should().Be(I("2025-08-10T23:00:00Z"));
    }

    [Fact]
    public void AFlagBetweenInstants_IsTakenAsWritten_ToExclusive()
    {
        var child = Read(""" "flags": [ { "flag": "exploitation-risk", "from": "2025-04-01T10:00:00+01:00", "to": "2025-04-01T10:00:01Z" } ] """).Child;
        child.FlagPeriods.Should().Equal(new FlagPeriod("exploitation-risk", I("2025-04-01T09:00:00Z"), I("2025-04-01T10:00:01Z")));
        child.HasFlagAt("exploitation-risk", I("2025-04-01T09:00:00Z")).Should().BeTrue();
        child.HasFlagAt("exploitation-risk", I("2025-04-01T10:00:01Z")).Should().BeFalse();
    }

    [Fact]
    public void NamesAndPeriods_MayBeMixed_AndTheSameFlagMayHaveSeveralPeriods()
    {
        var child = Read(""" "flags": [ { "flag": "exploitation-risk", "from": "2025-01-01", "to": "2025-01-31" }, { "flag": "exploitation-risk", "from": "2025-03-01" } ] """).Child;
        child.FlagPeriods.Should().HaveCount(2);
        child.AllFlagNames().Should().Equal("exploitation-risk");
        child.HasFlagAt("exploitation-risk", I("2025-01-31T23:59:59Z")).Should().BeTrue();
        child.HasFlagAt("exploitation-risk", I("2025-02-15T12:00:00Z")).Should().BeFalse();
        child.HasFlagAt("exploitation-risk", I("2025-03-01T00:00:00Z")).Should().BeTrue();
        child.NextFlagChange("exploitation-risk", I("2025-01-15T00:00:00Z")).Should().Be(I("2025-02-01T00:00:00Z"));

        var always = Read(""" "flags": [ "exploitation-risk", { "flag": "exploitation-risk", "to": "2025-01-31" } ] """).Child;
        always.Flags.Should().Equal("exploitation-risk");
        always.HasFlagAt("exploitation-risk", I("2025-06-01T00:00:00Z")).Should().BeTrue("a name alone always applies, whatever its periods");
    }

    // Dated changes

    [Fact]
    public void Changes_AreSorted_AndCircumstancesAtGivesWhatWasInForce()
    {
        var child = Read("""
            "careStatus": "living-at-home", "responsibleAuthority": "la-a", "hostAuthority": "la-a", "placement": "home-1",
            "changes": [
              { "from": "2025-05-01T09:30:00+01:00", "placement": "home-3", "hostAuthority": "la-b" },
              { "from": "2025-02-01", "careStatus": "looked-after", "placement": "home-2" }
            ]
            """).Child;
        child.Changes.Select(c => c.From).Should().Equal(I("2025-02-01T00:00:00Z"), I("2025-05-01T08:30:00Z"));
        child.Changes[0].Should().Be(new CircumstanceChange { From = I("2025-02-01T00:00:00Z"), CareStatus = CareStatus.LookedAfter, Placement = "home-2" });

        // Before the first change: the child's own fields.
        child.CircumstancesAt(I("2025-01-31T23:59:59Z")).Should().Be(new Circumstances(CareStatus.LivingAtHome, "la-a", "la-a", "home-1"));
        // At a change (from 00:00 London, GMT in February), and after it: what changed, the rest unchanged.
        child.CircumstancesAt(I("2025-02-01T00:00:00Z")).Should().Be(new Circumstances(CareStatus.LookedAfter, "la-a", "la-a", "home-2"));
        child.CircumstancesAt(I("2025-03-15T12:00:00Z")).Should().Be(new Circumstances(CareStatus.LookedAfter, "la-a", "la-a", "home-2"));
        // Just before, at and after the second change: both changes together.
        child.CircumstancesAt(I("2025-05-01T08:29:59Z")).Placement.Should().Be("home-2");
        child.CircumstancesAt(I("2025-05-01T08:30:00Z")).Should().Be(new Circumstances(CareStatus.LookedAfter, "la-a", "la-b", "home-3"));
        child.CircumstancesAt(I("2025-12-01T00:00:00Z")).Should().Be(new Circumstances(CareStatus.LookedAfter, "la-a", "la-b", "home-3"));
        // The plain fields still hold the facts before the first change.
        child.CareStatus.Should().Be(CareStatus.LivingAtHome);
        child.Placement.Should().Be("home-1");
    }

    [Fact]
    public void AChangeFromADate_TakesEffectAtTheStartOfThatDayInLondon()
    {
        var child = Read(""" "changes": [ { "from": "2025-06-20", "care-status": "care-leaver" }, { "from": "2025-01-10", "responsible-authority": "la-c" } ] """).Child;
        child.Changes.Select(c => c.From).Should().Equal(I("2025-01-10T00:00:00Z"), I("2025-06-19T23:00:00Z"));
        child.CircumstancesAt(I("2025-06-19T22:59:59Z")).CareStatus.Should().Be(CareStatus.LivingAtHome);
        child.CircumstancesAt(I("2025-06-19T23:00:00Z")).Should().Be(new Circumstances(CareStatus.CareLeaver, "la-c", null, null));
    }

    [Fact]
    public void AChangeUpToTheCurrentTime_IsAccepted_OneAfterItIsNot()
    {
        var json = """{ "child": { "id": "C-1", "changes": [ { "from": "2026-01-01T00:00:00Z", "placement": "home-2" } ] }, "episodes": [] }""";
        CaseReader.Read(json, Profile, At, Now).Errors.Should().BeEmpty();
        CaseReader.Read(json, Profile, At).Errors.Should().BeEmpty("without the current time, the future is not checked");
        CaseReader.Read(json, Profile, At, Now - Duration.FromSeconds(1)).Errors.Should().ContainSingle()
            .Which.ToString().Should().Be("child.changes[0].from: is in the future (after the current time): a change is recorded once it has happened");
    }

    // Event fields

    [Fact]
    public void CategoryRecipientByAndEvery_AreReadIntoTheEvents()
    {
        var c = Read("", """
            { "type": "last-seen", "at": "2025-03-01T10:00:00Z" },
            { "type": "reported-missing", "at": "2025-03-01T11:00:00Z" },
            { "type": "categorised", "at": "2025-03-01T11:05:00Z", "category": "no-apparent-risk" },
            { "type": "categorised", "at": "2025-03-01T15:00:00Z", "category": "missing" },
            { "type": "notification-sent", "at": "2025-03-01T11:30:00Z", "activity": "school-notice", "recipient": "social-worker", "by": "police" },
            { "type": "whereabouts-known", "at": "2025-03-01T16:00:00Z" },
            { "type": "whereabouts-lost", "at": "2025-03-01T18:00:00Z" },
            { "type": "decision-recorded", "at": "2025-03-02T09:00:00Z", "activity": "strategy-meeting", "by": "manager" },
            { "type": "frequency-agreed", "at": "2025-03-02T09:30:00Z", "activity": "daily-review", "every": "12h" }
            """, """
            { "type": "frequency-agreed", "at": "2025-03-03T10:00:00Z", "activity": "daily-review", "every": "3 days", "by": "social-worker" },
            { "type": "meeting-held", "at": "2025-03-04T10:00:00Z", "activity": "strategy-meeting", "recipient": "manager" }
            """);
        var events = c.Episodes.Single().Events;
        events.Where(e => e.Type == EventType.Categorised).Select(e => e.Category).Should().Equal("no-apparent-risk", "missing");
        events.Where(e => e.Type == EventType.Categorised).Select(e => e.AsReference()).Should().Equal("categorised:no-apparent-risk", "categorised:missing");

        var sent = events.Single(e => e.Type == EventType.NotificationSent);
        sent.Should().Be(new EpisodeEvent(EventType.NotificationSent, I("2025-03-01T11:30:00Z"), Activity: "school-notice") { Recipient = "social-worker", By = "police" });

        var decision = events.Single(e => e.Type == EventType.DecisionRecorded);
        (decision.Activity, decision.By, decision.Recipient, decision.AsReference()).Should().Be(("strategy-meeting", "manager", (string?)null, "decision-recorded:strategy-meeting"));

        events.Single(e => e.Type == EventType.FrequencyAgreed).Every.Should().Be(new Amount(12, TimeUnit.Hours));
        events.Single(e => e.Type == EventType.WhereaboutsLost).At.Should().Be(I("2025-03-01T18:00:00Z"));
        events.Where(e => e.Type is not (EventType.Categorised or EventType.FrequencyAgreed)).Should().OnlyContain(e => e.Category == null && e.Every == null);

        c.Records.Should().HaveCount(2);
        c.Records[0].Every.Should().Be(new Amount(3, TimeUnit.Days));
        c.Records[0].By.Should().Be("social-worker");
        c.Records[1].Recipient.Should().Be("manager");
        c.Records[1].By.Should().BeNull();
    }

    [Fact]
    public void EstablishmentRecords_MayNameRecipientAndBy_CheckedAgainstTheProfile()
    {
        var ok = CaseReader.ReadCaseload("""{ "children": [], "establishments": [ { "id": "home-a", "records": [ { "type": "review-held", "activity": "home-review", "at": "2025-05-01T10:00:00Z", "by": "manager", "recipient": "social-worker" } ] } ] }""", Profile, At, Now);
        ok.Errors.Should().BeEmpty();
        ok.Caseload!.EstablishmentRecords["home-a"].Single().Should().Match<EpisodeEvent>(e => e.By == "manager" && e.Recipient == "social-worker");
    }

    // A case built in code

    [Fact]
    public void ACaseBuiltInCode_IsValidated_NamingTheNewPositions()
    {
        var child = Child() with
        {
            FlagPeriods = [new FlagPeriod("exploitation-risk", I("2025-01-01T00:00:00Z"), null), new FlagPeriod("gang-risk", null, I("2025-02-01T00:00:00Z"))],
            Changes = [new CircumstanceChange { From = I("2025-02-01T00:00:00Z"), Placement = "home-2" }, new CircumstanceChange { From = I("2099-01-01T00:00:00Z"), CareStatus = CareStatus.CareLeaver }],
        };
        var c = new ChildCase(child,
            [Episode("E-1", E("last-seen", "2025-03-01T10:00:00Z"), new EpisodeEvent(EventType.WhereaboutsLost, I("2025-03-01T09:00:00Z")),
                new EpisodeEvent(EventType.NotificationSent, I("2025-03-01T11:00:00Z"), Activity: "school-notice") { Recipient = "headteacher", By = "police" })],
            [new EpisodeEvent(EventType.DecisionRecorded, I("2025-03-02T10:00:00Z"), Activity: "strategy-meeting") { By = "chair" }]);
        var errors = CaseValidator.Validate(c, At, Profile, Now);
        errors.Select(e => e.ToString()).Should().BeEquivalentTo(
        [
            "child.flags: unknown flag: not a flag of profile 'fixture'; its flags are: exploitation-risk, open-case",
            "child.changes[1].from: is in the future (after the current time): a change is recorded once it has happened",
            "episodes[0].events[0].at: whereabouts-lost is before last-seen (episodes[0].events[1]): the child cannot be lost track of before they went missing",
            "episodes[0].events[2].recipient: unknown recipient: not a role of profile 'fixture'; its roles are: police, social-worker, manager, carer, parent, head-teacher, independent-worker",
            "records[0].by: unknown role: not a role of profile 'fixture'; its roles are: police, social-worker, manager, carer, parent, head-teacher, independent-worker",
        ]);
        errors.Should().NotContain(e => e.Message.Contains("gang-risk") || e.Message.Contains("headteacher") || e.Message.Contains("chair") || e.Message.Contains("2099"));
    }

    [Fact]
    public void ACaseBuiltInCode_WithValidNewFields_IsValid()
    {
        var child = Child() with
        {
            FlagPeriods = [new FlagPeriod("exploitation-risk", I("2025-01-01T00:00:00Z"), I("2025-02-01T00:00:00Z"))],
            Changes = [new CircumstanceChange { From = I("2025-02-01T00:00:00Z"), CareStatus = CareStatus.LookedAfter, Placement = "home-2" }],
        };
        var c = new ChildCase(child,
            [Episode("E-1", E("last-seen", "2025-03-01T10:00:00Z"), E("reported-missing", "2025-03-01T11:00:00Z"), E("reported-missing", "2025-03-01T13:00:00Z"),
                new EpisodeEvent(EventType.Categorised, I("2025-03-01T11:05:00Z")) { Category = "missing" },
                new EpisodeEvent(EventType.NotificationSent, I("2025-03-01T11:30:00Z"), Activity: "school-notice") { Recipient = "social-worker", By = "police" })],
            [new EpisodeEvent(EventType.FrequencyAgreed, I("2025-03-02T10:00:00Z"), Activity: "daily-review") { Every = new Amount(2, TimeUnit.Days), By = "manager" }]);
        CaseValidator.Validate(c, At, Profile, Now).Should().BeEmpty();
    }
}

public class EventFieldsInCodeTests
{
    [Fact]
    public void ACaseBuiltInCode_WithoutACategoryOrWithAZeroInterval_IsRejected_NamingTheField()
    {
        var c = new ChildCase(Child(), [Episode("E-1",
            E("last-seen", "2025-03-01T10:00:00Z"),
            new EpisodeEvent(EventType.Categorised, I("2025-03-01T11:00:00Z")),
            new EpisodeEvent(EventType.FrequencyAgreed, I("2025-03-01T12:00:00Z"), Activity: "daily-review") { Every = new Protocol.Core.Time.Amount(0, Protocol.Core.Time.TimeUnit.Days) })]);
        CaseValidator.Validate(c, I("2025-03-02T00:00:00Z"), Profile).Select(e => e.Path)
            .Should().BeEquivalentTo(["episodes[0].events[1].category", "episodes[0].events[2].every"]);
    }
}
