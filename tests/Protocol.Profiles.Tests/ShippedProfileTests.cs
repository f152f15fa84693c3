using Protocol.Core.Rules;

namespace Protocol.Profiles.Tests;

/// <summary>The shipped profiles are valid, embedded, and identical to the files in profiles/.</summary>
public class ShippedProfileTests
{
    public static TheoryData<string> Ids() => new(ProfileCatalog.Shipped.Ids);

    [Fact]
    public void Catalogue_ShipsWarwickshire()
    {
        ProfileCatalog.Shipped.Ids.Should().Contain("warwickshire");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ShippedProfile_IsValid_AndMatchesTheRepositoryFile(string id)
    {
        var result = ProfileCatalog.Shipped.Resolve(id);
        result.Diagnostics.Should().BeEmpty();
        ProfileCatalog.Shipped.Text(id).Should().Be(File.ReadAllText(Repository.Path_("profiles", id + ".yaml")));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryRule_CitesItsSection(string id)
    {
        var p = ProfileCatalog.Shipped.Get(id);
        p.Obligations.Should().OnlyContain(o => !string.IsNullOrWhiteSpace(o.Citation));
        p.Ladders.SelectMany(l => l.Rungs).Should().OnlyContain(r => !string.IsNullOrWhiteSpace(r.Citation));
        p.NotEncoded.Should().OnlyContain(n => !string.IsNullOrWhiteSpace(n.Reason) && !string.IsNullOrWhiteSpace(n.Citation));
        p.Settings.Should().OnlyContain(s => !string.IsNullOrWhiteSpace(s.Reading) && !string.IsNullOrWhiteSpace(s.Citation));
    }

    [Fact]
    public void CompiledProfile_IsShared()
    {
        ProfileCatalog.Shipped.Get("warwickshire").Should().BeSameAs(ProfileCatalog.Shipped.Get("warwickshire"));
    }

    [Fact]
    public void UnknownId_SaysWhichAreShipped()
    {
        var act = () => ProfileCatalog.Shipped.Get("nowhere");
        act.Should().Throw<KeyNotFoundException>().WithMessage("*warwickshire*");
    }
}
