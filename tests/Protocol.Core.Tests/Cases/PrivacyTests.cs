using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Protocol.Core.Cases;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Tests.Shared;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Cases;

/// <summary>
/// Personal details never enter the model, and values from case data never leave through errors, exceptions
/// or assessments, except the opaque ids an assessment deliberately names (docs/case-format.md, "Privacy").
/// </summary>
public class PrivacyTests
{
    private static readonly NodaTime.Instant Now = I("2026-01-01T00:00:00Z");

    /// <summary>Words that name a personal detail, compared with property names lower-cased without separators.</summary>
    private static readonly string[] PersonalWords =
    [
        "name", "forename", "surname", "nickname", "alias", "address", "street", "town", "postcode", "zip", "phone", "mobile",
        "email", "nhs", "nationalinsurance", "ninumber", "upn", "passport", "ethnicity", "religion", "gender", "sex", "school",
        "parent", "mother", "father", "guardian", "photo", "image", "note", "comment", "description", "freetext", "narrative",
    ];

    private static readonly Type[] ModelTypes =
        typeof(Child).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is "Protocol.Core.Model" or "Protocol.Core.Cases" or "Protocol.Core.Evaluation" && !t.IsEnum)
            .ToArray();

    [Fact]
    public void NoPublicModelType_HasAPropertyForAPersonalDetail()
    {
        ModelTypes.Should().Contain([typeof(Child), typeof(Episode), typeof(EpisodeEvent), typeof(ChildCase), typeof(Caseload), typeof(Assessment)]);
        var offending =
            from type in ModelTypes
            from name in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)
                .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => f.Name))
                .Concat(type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.Name ?? ""))
            let normalised = name.Replace("_", "").ToLowerInvariant()
            where PersonalWords.Any(w => normalised.Contains(w, StringComparison.Ordinal))
            select $"{type.Name}.{name}";
        offending.Should().BeEmpty("the model carries opaque ids only; a consumer keeps personal details in its own system, keyed by the id");
    }

    [Fact]
    public void TheInputModel_HasNoCatchAllBagForExtraData()
    {
        Type[] input = [typeof(Child), typeof(Episode), typeof(EpisodeEvent), typeof(ChildCase), typeof(Caseload)];
        var bags =
            from type in input
            from p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            let t = p.PropertyType
            where t == typeof(object) || t == typeof(JsonNode) || t == typeof(JsonObject) || t == typeof(JsonElement)
                  || (typeof(IDictionary).IsAssignableFrom(t) || t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
                     && t.GetGenericArguments() is [_, var value] && (value == typeof(string) || value == typeof(object))
            select $"{type.Name}.{p.Name}";
        bags.Should().BeEmpty();
    }

    [Fact]
    public void ReadingAndValidatingMalformedCases_NeverRepeatsTheirValues()
    {
        var structural = CaseReader.Read(PrivacyCases.StructurallyMalformed, Profile, I(PrivacyCases.At), Now);
        var semantic = CaseReader.Read(PrivacyCases.SemanticallyMalformed, Profile, I(PrivacyCases.At), Now);
        structural.Errors.Should().HaveCountGreaterThan(10);
        semantic.Errors.Should().HaveCountGreaterThan(8);
        semantic.Errors.Select(e => e.Path).Should().Contain(["child.flags[0]", "child.flags[1]", "episodes[0].events[1].level", "episodes[0].events[2].activity",
            "records[0].activity", "episodes[1].id", "episodes[0].events[4].type", "episodes[2].events[0].at", "episodes[3].events", "child.dateOfBirth"]);
        AssertClean(string.Join("\n", structural.Errors.Concat(semantic.Errors)));

        // The dated facts and the newer event fields: flags for a period, changes, category, recipient, by, every.
        structural.Errors.Select(e => e.Path).Should().Contain(["child.flags[2]", "child.flags[2].from", "child.flags[2].to", "child.flags[3]", "child.flags[4].to",
            "child.flags[5].flag", "child.flags[5].to", "child.changes[0]", "child.changes[0].from", "child.changes[0].careStatus", "child.changes[1]",
            "child.changes[2].from", "child.changes[3]", "episodes[0].events[6].category", "episodes[0].events[7].category", "episodes[0].events[8].recipient",
            "episodes[0].events[9].by", "episodes[0].events[10].every", "episodes[0].events[11].every", "episodes[0].events[12].every", "episodes[0].events[13].at"]);
        semantic.Errors.Select(e => e.Path).Should().Contain(["child.flags[2]", "child.changes[0].from", "episodes[0].events[5].at", "episodes[0].events[6].by",
            "episodes[0].events[6].recipient", "episodes[0].events[7].activity", "episodes[0].events[7].by", "records[1].recipient", "records[1].by"]);

        var asCaseload = CaseReader.ReadCaseload($$"""{ "children": [ {{PrivacyCases.SemanticallyMalformed}}, {{PrivacyCases.SemanticallyMalformed}} ], "establishments": [ { "id": "{{PrivacyCases.Name}}", "records": [] }, { "id": "{{PrivacyCases.Name}}", "records": [ { "type": "review-held", "activity": "{{PrivacyCases.Email}}", "at": "2025-01-01T00:00:00Z" } ] } ] }""", Profile, I(PrivacyCases.At), Now);
        asCaseload.Errors.Select(e => e.Path).Should().Contain(["establishments[1].id", "establishments[1].records[0].activity"]);
        AssertClean(string.Join("\n", asCaseload.Errors));

        // Ids are named by position in errors, never repeated.
        var twins = CaseReader.ReadCaseload($$"""{ "children": [ { "child": { "id": "{{PrivacyCases.Name}}" }, "episodes": [] }, { "child": { "id": "{{PrivacyCases.Name}}" }, "episodes": [] } ] }""", Profile);
        twins.Errors.Should().ContainSingle().Which.ToString().Should().Be("children[1].child.id: the same id as children[0]: child ids must be unique");
    }

    [Fact]
    public void ValidatingOrEvaluatingACaseBuiltInCode_NeverRepeatsTheNewFreeTextPositions()
    {
        var child = Child() with
        {
            ResponsibleAuthority = PrivacyCases.Name,
            FlagPeriods = [new FlagPeriod(PrivacyCases.Name, I("2025-01-01T00:00:00Z"), null)],
            Changes = [new CircumstanceChange { From = I("2099-01-01T00:00:00Z"), Placement = PrivacyCases.Postcode, ResponsibleAuthority = PrivacyCases.Phone, HostAuthority = PrivacyCases.Email }],
        };
        var c = new ChildCase(child,
            [Episode("E-1", E("last-seen", "2025-03-01T10:00:00Z"),
                new EpisodeEvent(EventType.NotificationSent, I("2025-03-01T11:00:00Z"), Activity: "school-notice") { Recipient = PrivacyCases.Email, By = PrivacyCases.Phone })],
            [new EpisodeEvent(EventType.DecisionRecorded, I("2025-03-02T10:00:00Z"), Activity: "strategy-meeting") { By = PrivacyCases.Postcode, Recipient = PrivacyCases.Name }]);
        var errors = CaseValidator.Validate(c, I(PrivacyCases.At), Profile, Now);
        errors.Select(e => e.Path).Should().BeEquivalentTo(["child.flags", "child.changes[0].from", "episodes[0].events[1].recipient", "episodes[0].events[1].by", "records[0].recipient", "records[0].by"]);
        AssertClean(string.Join("\n", errors));

        var refused = () => Evaluator.Evaluate(Profile, c, I(PrivacyCases.At));
        var thrown = refused.Should().Throw<ArgumentException>().Which;
        thrown.Message.Should().Contain("episodes[0].events[1].recipient");
        AssertClean(thrown.ToString());
    }

    [Fact]
    public void AssessingAValidCase_EchoesOnlyIds()
    {
        var read = CaseReader.Read(PrivacyCases.Valid, Profile, I(PrivacyCases.At), Now);
        read.Errors.Should().BeEmpty();
        var a = Evaluator.Evaluate(Profile, read.Case!, I(PrivacyCases.At));
        a.Assumptions.Should().Contain(s => s.Contains("ignored")).And.Contain(s => s.Contains("no last-seen"));
        AssertClean(AssessmentJson.Serialize(a));
        AssertClean(string.Join("\n", a.Obligations.SelectMany(o => o.Explanation).Concat(a.Assumptions)));
        var caseload = CaseReader.ReadCaseload(PrivacyCases.ValidCaseload, Profile, I(PrivacyCases.At), Now);
        caseload.Errors.Should().BeEmpty();
        AssertClean(AssessmentJson.Serialize(Evaluator.EvaluateCaseload(Profile, caseload.Caseload!, I(PrivacyCases.At))));
        AssertClean(read.Case!.AllEvents().Select(e => e.ToString()).Aggregate("", (x, y) => x + y));
    }

    private static void AssertClean(string output)
    {
        foreach (var s in PrivacyCases.All)
            output.Should().NotContainEquivalentOf(s);
    }
}
