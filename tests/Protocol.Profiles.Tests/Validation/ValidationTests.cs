using Protocol.Profiles;

namespace Protocol.Profiles.Tests.Validation;

/// <summary>Every mistake a policy officer can make is reported, all at once, with line and column.</summary>
public class ValidationTests
{
    /// <summary>The smallest valid profile: one obligation. Tests change one thing in it.</summary>
    internal const string Minimal = """
        profile:
          id: test
          authority: Test authority
          title: Test protocol
        risk-levels: [medium, high]
        roles:
          police: Police
        activities:
          interview: { kind: interview, title: Interview }
        obligations:
          - id: interview
            title: Interview within 24 hours
            responsible: police
            trigger: { on: found }
            deadline: { within: 24h }
            met-by: interview-completed:interview
            citation: §1
        """;

    private static IReadOnlyList<ProfileDiagnostic> Errors(string yaml) => ProfileLoader.Load(yaml, "p.yaml").Diagnostics;

    [Fact]
    public void MinimalProfile_IsValid()
    {
        var result = ProfileLoader.Load(Minimal, "p.yaml");
        result.Diagnostics.Should().BeEmpty();
        result.Profile!.Obligations.Should().ContainSingle().Which.Citation.Should().Be("§1");
    }

    [Fact]
    public void CatalogueIds_AreCarriedOnRulesRungsSettingsAndNotEncodedItems()
    {
        var yaml = Minimal.Replace("    citation: §1", "    citation: §1\n    catalogue: [rhi-offer, rhi-72h]") + """

            settings:
              clock: { value: found, informational: true, reading: r, citation: §2, catalogue: rhi-clock }
            ladders:
              - id: repeat
                title: Repeat
                counts: missing
                window: 90 days
                citation: §3
                catalogue: repeat-ladder
                rungs:
                  - { id: three, title: Three, episodes: 3, activity: interview, responsible: police, deadline: { within: 5 days }, citation: §3, catalogue: repeat-3 }
            not-encoded:
              - { id: left-out, reason: judgement, citation: §4, catalogue: [home-office-inform] }
            """;
        var result = ProfileLoader.Load(yaml, "p.yaml");
        result.Diagnostics.Should().BeEmpty();
        var profile = result.Profile!;
        profile.Obligations.Single().Catalogue.Should().Equal("rhi-offer", "rhi-72h");
        profile.Settings.Single(s => s.Name == "clock").Catalogue.Should().Equal("rhi-clock");
        profile.Ladders.Single().Catalogue.Should().Equal("repeat-ladder");
        profile.Ladders.Single().Rungs.Single().Catalogue.Should().Equal("repeat-3");
        profile.NotEncoded.Single().Catalogue.Should().Equal("home-office-inform");
    }

    [Theory]
    [InlineData("catalogue: Rhi Offer", "must be a kebab-case id")]
    [InlineData("catalogue: [rhi-offer, rhi-offer]", "is listed twice")]
    public void BadCatalogueIds_AreErrors(string line, string fragment) =>
        Errors(Minimal.Replace("    citation: §1", "    citation: §1\n    " + line)).Should().Contain(d => d.Message.Contains(fragment));

    [Theory]
    [InlineData("    trigger: { flag-identified: exploitation }", "needs 'scope: child'")]
    [InlineData("    scope: child\n    trigger: { flag-identified: nowhere }", "nowhere")]
    [InlineData("    scope: child\n    trigger: { change: placement, to: looked-after }", "'to' goes with 'change: care-status'")]
    [InlineData("    scope: child\n    trigger: { change: school }", "school")]
    [InlineData("    scope: child\n    trigger: { change: placement, on: found }", "needs exactly one of")]
    public void BadChangeTriggers_AreErrors(string trigger, string fragment) =>
        Errors(Minimal.Replace("    trigger: { on: found }", trigger) + "\nflags:\n  exploitation: At risk of exploitation\n")
            .Should().Contain(d => d.Message.Contains(fragment));

    [Fact]
    public void ChangeTriggers_Compile_InChildScope()
    {
        var yaml = Minimal.Replace("    trigger: { on: found }", "    scope: child\n    trigger: { change: care-status, to: looked-after }");
        var result = ProfileLoader.Load(yaml, "p.yaml");
        result.Diagnostics.Should().BeEmpty();
        result.Profile!.Obligations.Single().Trigger.Describe().Should().Be("on becoming looked-after");
    }

    [Fact]
    public void MisspeltKey_GivesTheExactLineAndColumn_AndASuggestion()
    {
        var d = Errors(Minimal.Replace("    deadline: { within: 24h }", "    dedline: { within: 24h }")).Should().Contain(x => x.Code == ErrorCodes.UnknownKey).Subject;
        d.Line.Should().Be(15);
        d.Column.Should().Be(5);
        d.Hint.Should().Be("did you mean 'deadline'?");
        d.ToString().Should().StartWith("p.yaml:15:5: error PRF002: unknown key 'dedline' in obligation 'interview'");
    }

    [Fact]
    public void MisspeltWithin_SuggestsWithin()
    {
        var d = Errors(Minimal.Replace("{ within: 24h }", "{ whithin: 24h }")).Should().Contain(x => x.Code == ErrorCodes.UnknownKey).Subject;
        d.Hint.Should().Be("did you mean 'within'?");
        (d.Line, d.Column).Should().Be((15, 17));
    }

    [Fact]
    public void SeveralMistakes_AreAllReportedInOnePass()
    {
        var yaml = Minimal.Replace("responsible: police", "responsible: polise").Replace("{ within: 24h }", "{ within: -3h }").Replace("citation: §1", "reading: none");
        var codes = Errors(yaml).Select(d => d.Code).ToList();
        codes.Should().Contain([ErrorCodes.UnknownReference, ErrorCodes.BadDuration, ErrorCodes.MissingCitation]);
    }

    [Fact]
    public void UnknownRole_SuggestsTheDeclaredOne()
    {
        var d = Errors(Minimal.Replace("responsible: police", "responsible: polise")).Should().ContainSingle().Subject;
        d.Code.Should().Be(ErrorCodes.UnknownReference);
        d.Hint.Should().Be("did you mean 'police'?");
        (d.Line, d.Column).Should().Be((13, 18));
    }

    [Theory]
    [InlineData("met-by: interview-completed:intervew", "not a declared activity")]
    [InlineData("met-by: interview-done:interview", "is not an event")]
    [InlineData("met-by: found:interview", "takes no ':interview'")]
    [InlineData("met-by: interview-completed", "must name an activity")]
    public void BadEventReferences_AreExplained(string replacement, string fragment)
    {
        Errors(Minimal.Replace("met-by: interview-completed:interview", replacement)).Should().ContainSingle()
            .Which.Message.Should().Contain(fragment);
    }

    [Theory]
    [InlineData("{ within: 24 }", ErrorCodes.BadDuration)]
    [InlineData("{ within: soon }", ErrorCodes.BadDuration)]
    [InlineData("24h", ErrorCodes.BadDuration)]
    [InlineData("{ within: 24h, on: same-day }", ErrorCodes.Conflict)]
    [InlineData("{ on: whenever }", ErrorCodes.BadValue)]
    [InlineData("{ on: immediately, by: \"12:00\" }", ErrorCodes.Conflict)]
    public void BadDeadlines_AreRejected(string deadline, string code)
    {
        Errors(Minimal.Replace("{ within: 24h }", deadline)).Should().Contain(d => d.Code == code);
    }

    [Fact]
    public void DeadlineAlternatives_NeedAWhenOnAllButTheDefault()
    {
        Errors(Minimal.Replace("deadline: { within: 24h }", "deadline:\n      - { when: { risk: high }, within: 1h }\n      - { within: 3h }")).Should().BeEmpty();
        var d = Errors(Minimal.Replace("deadline: { within: 24h }", "deadline:\n      - { within: 1h }\n      - { within: 3h }")).Should().ContainSingle().Subject;
        (d.Code, d.Line, d.Column).Should().Be((ErrorCodes.MissingKey, 16, 9));
        Errors(Minimal.Replace("deadline: { within: 24h }", "deadline:\n      - { when: { risk: high }, within: 1h }\n      - { when: { risk: medium }, within: 3h }"))
            .Should().ContainSingle().Which.Message.Should().Contain("takes no 'when'");
    }

    [Theory]
    [InlineData("met-by: interview-completed:interview", "met-by: []")]
    [InlineData("    citation: §1", "    when: { risk: [] }\n    citation: §1")]
    [InlineData("    citation: §1", "    when: { care-status: [] }\n    citation: §1")]
    [InlineData("    citation: §1", "    lapses-on: []\n    citation: §1")]
    [InlineData("    citation: §1", "    recurs: { every: 1 day, until: [] }\n    citation: §1")]
    [InlineData("    citation: §1", "    applies-to: []\n    citation: §1")]
    public void EmptyLists_AreErrors_NeverASilentlyDroppedRule(string find, string replace)
    {
        // Regression: an empty list once made the compiler drop the rule and still call the profile valid.
        var result = ProfileLoader.Load(Minimal.Replace(find, replace), "p.yaml");
        result.Profile.Should().BeNull();
        result.Diagnostics.Should().Contain(d => d.Message.Contains("empty"));
    }

    [Fact]
    public void EmptyLadderWindow_IsAnError()
    {
        var yaml = Minimal + "\n" + """
            ladders:
              - id: repeat
                title: Repeat
                counts: [missing]
                window: []
                citation: §3
                rungs:
                  - { id: one, title: One, episodes: 3, activity: interview, responsible: police, deadline: { within: 1h }, citation: §3 }
            """;
        var result = ProfileLoader.Load(yaml, "p.yaml");
        result.Profile.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Line.Should().Be(22); // "    window: []"
    }

    [Fact]
    public void ShorthandDuration_AsDeadline_HintsTheMapForm()
    {
        Errors(Minimal.Replace("{ within: 24h }", "24h")).Should().ContainSingle().Which.Hint.Should().Contain("deadline: { within: 24h }");
    }

    [Fact]
    public void DuplicateObligationId_PointsAtTheSecond()
    {
        var yaml = Minimal + "\n" + """
              - id: interview
                title: Again
                responsible: police
                trigger: { on: found }
                deadline: { within: 1h }
                met-by: interview-completed:interview
                citation: §2
            """;
        var d = Errors(yaml).Should().ContainSingle().Subject;
        d.Code.Should().Be(ErrorCodes.DuplicateId);
        d.Line.Should().Be(18);
        d.Message.Should().Contain("already used at line 11");
    }

    [Fact]
    public void DuplicateKey_IsASyntaxLevelError_WithPosition()
    {
        var d = Errors(Minimal.Replace("    citation: §1", "    citation: §1\n    citation: §2")).Should().ContainSingle().Subject;
        d.Code.Should().Be(ErrorCodes.DuplicateKey);
        d.Line.Should().Be(18);
    }

    [Fact]
    public void TabIndentation_IsASyntaxError_WithTheSpacesHint()
    {
        var d = Errors("profile:\n\tid: x\n").Should().ContainSingle().Subject;
        d.Code.Should().Be(ErrorCodes.Syntax);
        d.Hint.Should().Contain("spaces");
    }

    [Fact]
    public void EmptyFile_IsReported()
    {
        Errors("").Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.EmptyDocument);
        Errors("# only a comment\n").Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.EmptyDocument);
    }

    [Fact]
    public void WrongType_ListWhereAMappingIsExpected()
    {
        var d = Errors(Minimal.Replace("trigger: { on: found }", "trigger: [found]")).Should().ContainSingle().Subject;
        d.Code.Should().Be(ErrorCodes.WrongType);
        d.Message.Should().Contain("must be a mapping");
    }

    [Fact]
    public void UnknownRiskLevelInACondition_IsReported()
    {
        var yaml = Minimal.Replace("    citation: §1", "    when: { risk: hihg }\n    citation: §1");
        var d = Errors(yaml).Should().ContainSingle().Subject;
        d.Code.Should().Be(ErrorCodes.UnknownReference);
        d.Hint.Should().Be("did you mean 'high'?");
    }

    [Fact]
    public void UnknownFlag_IsReported()
    {
        Errors(Minimal.Replace("    citation: §1", "    when: { flag: exploitation }\n    citation: §1"))
            .Should().ContainSingle().Which.Message.Should().Contain("flag 'exploitation' is not declared");
    }

    [Fact]
    public void RungsOutOfOrder_AreReported()
    {
        var yaml = Minimal + "\n" + """
            ladders:
              - id: repeat
                title: Repeat
                counts: [missing]
                window: 90 days
                citation: §3
                rungs:
                  - { id: two, title: Two, episodes: 6, activity: interview, responsible: police, deadline: { within: 1h }, citation: §3 }
                  - { id: one, title: One, episodes: 3, activity: interview, responsible: police, deadline: { within: 1h }, citation: §3 }
            """;
        Errors(yaml).Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.RungOrder);
    }

    [Fact]
    public void SettingReference_ResolvesAndAnUnknownOneIsReported()
    {
        var withSetting = "settings:\n  clock:\n    value: found\n    reading: r\n    citation: §0\n" + Minimal.Replace("{ on: found }", "{ on: $clock }");
        ProfileLoader.Load(withSetting, "p.yaml").Diagnostics.Should().BeEmpty();
        var d = Errors(withSetting.Replace("$clock", "$clok")).Should().Contain(x => x.Code == ErrorCodes.UnknownReference).Subject;
        d.Hint.Should().Be("did you mean 'clock'?");
    }

    [Fact]
    public void UnusedSetting_IsReported_UnlessInformational()
    {
        var unused = "settings:\n  clock:\n    value: found\n    reading: r\n    citation: §0\n" + Minimal;
        Errors(unused).Should().ContainSingle().Which.Message.Should().Contain("never used");
        ProfileLoader.Load(unused.Replace("    citation: §0", "    citation: §0\n    informational: true"), "p.yaml").Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void AliasBomb_IsStoppedWithinLimits()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 9; i++) lines.Add($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]");
        var d = Errors(string.Join("\n", lines)).Should().ContainSingle().Subject;
        d.Code.Should().Be(ErrorCodes.TooLarge);
    }

    [Fact]
    public void LoadOrThrow_ThrowsOnlyTheValidationException_CarryingEveryProblem()
    {
        var act = () => ProfileLoader.LoadOrThrow(Minimal.Replace("police: Police", "polic: Police"), "p.yaml");
        act.Should().Throw<ProfileValidationException>().Which.Diagnostics.Should().NotBeEmpty();
    }
}

public class NewLanguageValidationTests
{
    private const string Minimal = ValidationTests.Minimal;

    private static IReadOnlyList<ProfileDiagnostic> Errors(string yaml) => ProfileLoader.Load(yaml, "p.yaml").Diagnostics;

    [Fact]
    public void CategorisedEvent_MayNameAPoliceCategory_AndOnlyOne()
    {
        Errors(Minimal.Replace("{ on: found }", "{ on: categorised:missing }")).Should().BeEmpty();
        var d = Errors(Minimal.Replace("{ on: found }", "{ on: categorised:lost }")).Should().ContainSingle().Subject;
        d.Code.Should().Be(ErrorCodes.UnknownReference);
        d.Message.Should().Contain("not a police category");
    }

    [Fact]
    public void OfficeHours_AreForWorkingDays_SoAWeekendDayIsAnUnknownKey()
    {
        var weekday = "calendar: { id: england-and-wales, office-hours: { start: \"09:00\", end: \"17:00\", friday: { start: \"09:00\", end: \"16:30\" } } }\n" + Minimal;
        Errors(weekday).Should().BeEmpty();
        Errors(weekday.Replace("friday", "saturday")).Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.UnknownKey);
    }

    [Fact]
    public void Immediately_NeedsTheProfilesGrace_OrItsOwn()
    {
        var immediately = Minimal.Replace("{ within: 24h }", "immediately");
        var d = Errors(immediately).Should().ContainSingle().Subject;
        d.Code.Should().Be(ErrorCodes.MissingKey);
        d.Hint.Should().Contain("immediately-grace");
        Errors(Minimal.Replace("{ within: 24h }", "{ on: immediately, grace: 2h }")).Should().BeEmpty();
        Errors("settings:\n  immediately-grace:\n    value: never\n    reading: r\n    citation: §0\n" + immediately).Should().BeEmpty();
        Errors("settings:\n  immediately-grace:\n    value: soon\n    reading: r\n    citation: §0\n" + immediately)
            .Should().Contain(x => x.Code == ErrorCodes.BadDuration);
    }

    [Fact]
    public void OfficeHoursCondition_NeedsTheCalendarsOfficeHours()
    {
        var d = Errors(Minimal.Replace("citation: §1", "when: { office-hours: false }\n    citation: §1")).Should().ContainSingle().Subject;
        d.Code.Should().Be(ErrorCodes.Conflict);
        d.Hint.Should().Contain("office-hours");
    }
}

public class WaitingDeadlineValidationTests
{
    private const string Rule = """
        profile: { id: test, authority: Test authority, title: Test protocol }
        risk-levels: [medium, high]
        roles: { police: Police }
        activities: { interview: { kind: interview, title: Interview } }
        obligations:
          - id: interview
            title: Interview
            responsible: police
            trigger: { on: reported-missing }
            deadline: DEADLINE
            met-by: interview-completed:interview
            citation: §1
        """;

    [Theory]
    [InlineData("{ within: 24h, from: found, if-not-recorded: wait }", null)]
    [InlineData("{ within: 24h, from: found, if-not-recorded: trigger }", null)]
    [InlineData("{ within: 24h, from: last-seen, if-not-recorded: trigger }", null)]
    [InlineData("{ within: 24h, from: last-seen, if-not-recorded: wait }", ErrorCodes.Conflict)]
    [InlineData("{ within: 24h, if-not-recorded: wait }", ErrorCodes.Conflict)]
    [InlineData("{ within: 24h, from: found, if-not-recorded: later }", ErrorCodes.BadValue)]
    [InlineData("{ within: 12h, from: { last-of: [found, return-notified] } }", null)]
    [InlineData("{ within: 12h, from: { last-of: [found], first-of: [returned] } }", ErrorCodes.Conflict)]
    public void IfNotRecorded_AndLastOf_AreChecked(string deadline, string? code)
    {
        var errors = ProfileLoader.Load(Rule.Replace("DEADLINE", deadline), "p.yaml").Diagnostics;
        if (code is null) errors.Should().BeEmpty();
        else errors.Should().ContainSingle().Which.Code.Should().Be(code);
    }
}
