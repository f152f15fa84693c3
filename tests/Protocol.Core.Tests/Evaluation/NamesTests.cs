using Protocol.Core.Evaluation;
using Protocol.Core.Rules;

namespace Protocol.Core.Tests.Evaluation;

/// <summary>The kebab-case names of states and natures: part of the JSON output, test cases and the CLI.</summary>
public class NamesTests
{
    [Theory]
    [InlineData(ObligationStatus.Upcoming, "upcoming")]
    [InlineData(ObligationStatus.Pending, "pending")]
    [InlineData(ObligationStatus.DecisionRequired, "decision-required")]
    [InlineData(ObligationStatus.Overdue, "overdue")]
    [InlineData(ObligationStatus.MetOnTime, "met-on-time")]
    [InlineData(ObligationStatus.MetLate, "met-late")]
    [InlineData(ObligationStatus.Lapsed, "lapsed")]
    [InlineData(ObligationStatus.External, "external")]
    [InlineData(ObligationStatus.NotApplicable, "not-applicable")]
    public void EveryStatus_HasItsName_AndTheNameParsesBack(ObligationStatus status, string name)
    {
        status.Name().Should().Be(name);
        Names.TryParseStatus(name, out var parsed).Should().BeTrue();
        parsed.Should().Be(status);
    }

    [Fact]
    public void StatusNames_AreAllNine_InEnumOrder()
    {
        Names.StatusNames.Should().Equal("upcoming", "pending", "decision-required", "overdue", "met-on-time", "met-late", "lapsed", "external", "not-applicable");
    }

    [Theory]
    [InlineData("")]
    [InlineData("met")]
    [InlineData("Pending")]
    [InlineData("met_late")]
    public void TryParseStatus_UnknownName_IsFalse(string text)
    {
        Names.TryParseStatus(text, out var parsed).Should().BeFalse();
        parsed.Should().Be(default(ObligationStatus));
    }

    [Fact]
    public void Nature_Names()
    {
        Nature.Duty.Name().Should().Be("duty");
        Nature.Consider.Name().Should().Be("consider");
    }

    [Fact]
    public void Owner_Words()
    {
        ObligationOwner.ResponsibleAuthority.Words().Should().Be("responsible authority");
        ObligationOwner.HostAuthority.Words().Should().Be("host authority");
        ObligationOwner.Any.Words().Should().BeNull();
    }
}
