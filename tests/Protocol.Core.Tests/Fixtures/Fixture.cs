using NodaTime;
using NodaTime.Text;
using Protocol.Core.Evaluation;
using Protocol.Core.Model;
using Protocol.Core.Rules;
using Protocol.Profiles;

namespace Protocol.Core.Tests.Fixtures;

/// <summary>The generic fixture profile and a small builder for cases.</summary>
internal static class Fixture
{
    private static readonly Lazy<CompiledProfile> Compiled = new(() =>
        ProfileLoader.LoadOrThrow(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fixture.yaml")), "fixture.yaml"));

    public static CompiledProfile Profile => Compiled.Value;

    public static Instant I(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();

    public static EpisodeEvent E(string type, string at, string? qualifier = null)
    {
        EventTypes.TryParse(type, out var t).Should().BeTrue(type);
        return t == EventType.RiskGraded ? new EpisodeEvent(t, I(at), Level: qualifier) : new EpisodeEvent(t, I(at), Activity: qualifier);
    }

    public static Child Child(string? dob = "2010-06-15", CareStatus care = CareStatus.LookedAfter, params string[] flags) => new()
    {
        Id = "C-1",
        DateOfBirth = dob is null ? null : LocalDatePattern.Iso.Parse(dob).Value,
        CareStatus = care,
        Flags = [.. flags],
    };

    public static ChildCase Case(Child child, params Episode[] episodes) => new(child, episodes);

    public static Episode Episode(string id, params EpisodeEvent[] events) => new(id, events);

    public static Assessment Evaluate(ChildCase c, string at) => Evaluator.Evaluate(Profile, c, I(at));

    public static ObligationResult Single(this Assessment a, string id) =>
        a.Obligations.Should().ContainSingle(o => o.Id == id).Subject;
}
