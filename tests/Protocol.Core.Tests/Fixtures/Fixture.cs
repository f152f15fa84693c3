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
    /// <summary>The fixture profile's YAML, as shipped with the tests.</summary>
    public static string Text { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fixture.yaml"));

    private static readonly Lazy<CompiledProfile> Compiled = new(() => ProfileLoader.LoadOrThrow(Text, "fixture.yaml"));

    public static CompiledProfile Profile => Compiled.Value;

    /// <summary>
    /// A variant of the fixture for what it does not have: its text with <paramref name="find"/> (which must occur
    /// exactly once) replaced by <paramref name="replace"/>, compiled.
    /// </summary>
    public static CompiledProfile Variant(string find, string replace, string name = "fixture-variant.yaml")
    {
        var at = Text.IndexOf(find, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, "the fixture must contain '{0}'", find);
        Text.IndexOf(find, at + 1, StringComparison.Ordinal).Should().Be(-1, "'{0}' must occur once in the fixture", find);
        return ProfileLoader.LoadOrThrow(Text[..at] + replace + Text[(at + find.Length)..], name);
    }

    /// <summary>The case evaluated against a variant of the fixture.</summary>
    public static Assessment Evaluate(CompiledProfile profile, ChildCase c, string at) => Evaluator.Evaluate(profile, c, I(at));

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
