using NodaTime;
using Protocol.Core.Rules;
using Protocol.Core.Time;
using static Protocol.Core.Tests.Fixtures.Fixture;

namespace Protocol.Core.Tests.Rules;

/// <summary>
/// The words rules put into explanations: a rung's range, a ladder's window, and a condition explained fact by fact
/// (top-level "all of" parts unindented, every other group said once with its parts indented under it).
/// </summary>
public class RuleWordsTests
{
    private static readonly Rung AnyRung = Profile.Ladders[0].Rungs[0];

    [Theory]
    [InlineData(3, null, "3 or more")]
    [InlineData(3, 3, "3")]
    [InlineData(3, 5, "3 to 5")]
    public void RungRange_InWords(int min, int? max, string words) =>
        (AnyRung with { Min = min, Max = max }).Range.Should().Be(words);

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void RungContains_BothEnds(int count, bool inside) =>
        (AnyRung with { Min = 3, Max = 5 }).Contains(count).Should().Be(inside);

    [Fact]
    public void OpenRung_ContainsEveryCountFromItsMinimum() =>
        (AnyRung with { Min = 3, Max = null }).Contains(1000).Should().BeTrue();

    [Fact]
    public void Window_InWords()
    {
        new EpisodeWindow { Readings = [] }.Describe().Should().Be("the child's whole history");
        new EpisodeWindow { Readings = [Amount.Parse("90 days"), Amount.Parse("3 months")] }.Describe()
            .Should().Be("the 90 days ending on the trigger date or the 3 months ending on the trigger date");
    }

    // Trigger date Sat 31 May 2025: 90 days include it and start on 3 March; 3 months start on 1 March; 2 weeks on 18 May.
    [Fact]
    public void Window_FirstDates_AndTheWidest()
    {
        var trigger = new LocalDate(2025, 5, 31);
        EpisodeWindow.FirstDate(Amount.Parse("90 days"), trigger).Should().Be(new LocalDate(2025, 3, 3));
        EpisodeWindow.FirstDate(Amount.Parse("3 months"), trigger).Should().Be(new LocalDate(2025, 3, 1));
        EpisodeWindow.FirstDate(Amount.Parse("2 weeks"), trigger).Should().Be(new LocalDate(2025, 5, 18));
        new EpisodeWindow { Readings = [Amount.Parse("90 days"), Amount.Parse("3 months")] }.WidestFirstDate(trigger).Should().Be(new LocalDate(2025, 3, 1));
        new EpisodeWindow { Readings = [Amount.Parse("3 months"), Amount.Parse("2 weeks")] }.WidestFirstDate(trigger).Should().Be(new LocalDate(2025, 3, 1));
        new EpisodeWindow { Readings = [] }.WidestFirstDate(trigger).Should().BeNull();
        var hours = () => EpisodeWindow.FirstDate(Amount.Parse("24h"), trigger);
        hours.Should().Throw<InvalidOperationException>().WithMessage("A ladder window is counted in days, weeks or months, not 24h");
    }

    private static Condition Fact(string words, bool holds) => new(ConditionKind.Fact, words, _ => holds);

    [Fact]
    public void Always_HoldsAndExplainsNothing()
    {
        Condition.Always.IsAlways.Should().BeTrue();
        Condition.Always.Kind.Should().Be(ConditionKind.All);
        Condition.Always.Description.Should().Be("always");
        Condition.Always.Parts.Should().BeEmpty();
        Condition.Always.Explain(null!).Should().BeEmpty();
        Fact("x", true).IsAlways.Should().BeFalse();
        Fact("x", true).Parts.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void OneFact_IsOneLine_HoldingOrNot()
    {
        Fact("risk is high", true).Explain(null!).Should().Equal("holds: risk is high");
        Fact("risk is high", false).Explain(null!).Should().Equal("does not hold: risk is high");
    }

    [Fact]
    public void AllOfAtTheTop_ListsItsPartsUnindented_WithoutALineOfItsOwn()
    {
        var all = new Condition(ConditionKind.All, "all of", _ => false, [Fact("a", true), Fact("b", false)]);
        all.Explain(null!).Should().Equal("holds: a", "does not hold: b");
    }

    [Fact]
    public void AnyOrNestedGroups_SayTheirOwnLine_WithTheirPartsIndented()
    {
        var inner = new Condition(ConditionKind.All, "all of c and d", _ => false, [Fact("c", true), Fact("d", false)]);
        var any = new Condition(ConditionKind.Any, "any of a or (c and d)", _ => true, [Fact("a", true), inner]);
        any.Explain(null!).Should().Equal(
            "holds: any of a or (c and d)",
            "  holds: a",
            "  does not hold: all of c and d",
            "    holds: c",
            "    does not hold: d");
        var top = new Condition(ConditionKind.All, "all", _ => true, [any]);
        top.Explain(null!).Should().Equal(
            "holds: any of a or (c and d)",
            "  holds: a",
            "  does not hold: all of c and d",
            "    holds: c",
            "    does not hold: d");
        var not = new Condition(ConditionKind.Not, "not a", _ => false, [Fact("a", true)]);
        not.Explain(null!).Should().Equal("does not hold: not a", "  holds: a");
    }
}
