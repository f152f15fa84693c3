using Protocol.Profiles.Testing;

namespace Protocol.Profiles.Tests.Cases;

/// <summary>Runs every YAML test case under profiles/tests: one xunit test per case.</summary>
public class ProfileCaseTests
{
    public static TheoryData<string, int, string> AllCases()
    {
        var data = new TheoryData<string, int, string>();
        var folder = Repository.Path_("profiles", "tests");
        foreach (var file in TestCaseLoader.Discover([folder]))
        {
            var (cases, diagnostics) = TestCaseLoader.LoadFile(file);
            var relative = Path.GetRelativePath(Repository.Root, file);
            if (diagnostics.Count > 0) data.Add(relative, -1, "file problems");
            for (var i = 0; i < cases.Count; i++) data.Add(relative, i, cases[i].Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Case(string file, int index, string name)
    {
        var (cases, diagnostics) = TestCaseLoader.LoadFile(Path.Combine(Repository.Root, file));
        diagnostics.Should().BeEmpty(because: $"{file} must be a valid test file");
        if (index < 0) return;
        var test = cases[index];
        test.Name.Should().Be(name);
        var profile = TestRunner.ResolveProfile(test);
        profile.Diagnostics.Should().BeEmpty();
        var outcome = TestRunner.Run(test, profile.Profile!);
        outcome.Failures.Should().BeEmpty(because: $"{test} ({test.Cites}) states what the protocol requires");
    }

    public static TheoryData<string> ShippedIds() => new(ProfileCatalog.Shipped.Ids);

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public void EveryShippedProfile_HasAtLeast40Cases(string id)
    {
        var count = TestCaseLoader.Discover([Repository.Path_("profiles", "tests", id)])
            .SelectMany(f => TestCaseLoader.LoadFile(f).Cases)
            .Count(c => c.Profile == id);
        count.Should().BeGreaterThanOrEqualTo(40);
    }

    [Fact]
    public void NoAuthoritySpecificName_AppearsInCSharpSource()
    {
        // Everything specific to an authority lives in its YAML profile (issue 3): the C# names none of them.
        var names = ProfileCatalog.Shipped.Ids.Concat(["warwick", "mercia", "bedford", "liverpool", "bournemouth", "christchurch", "poole"]).ToList();
        var offenders = Directory.EnumerateFiles(Repository.Path_("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => names.Where(n => File.ReadAllText(f).Contains(n, StringComparison.OrdinalIgnoreCase)).Select(n => $"{f}: {n}"))
            .ToList();
        offenders.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ShippedIds))]
    public void EveryObligationAndRung_IsCoveredByACase(string id)
    {
        var profile = ProfileCatalog.Shipped.Get(id);
        var mentioned = TestCaseLoader.Discover([Repository.Path_("profiles", "tests", id)])
            .SelectMany(f => TestCaseLoader.LoadFile(f).Cases)
            .Where(c => c.Profile == id)
            .SelectMany(c => c.Expect.Mentions())
            .ToHashSet(StringComparer.Ordinal);
        var items = profile.Obligations.Select(o => o.Id).Concat(profile.Ladders.SelectMany(l => l.Rungs).Select(r => r.Id));
        items.Where(i => !mentioned.Contains(i)).Should().BeEmpty(because: $"every rule of '{id}' needs a test case");
    }

    [Fact]
    public void EveryShippedProfile_HasTestCases()
    {
        var folder = Repository.Path_("profiles", "tests");
        foreach (var id in ProfileCatalog.Shipped.Ids)
            Directory.EnumerateFiles(Path.Combine(folder, id), "*.yaml").Should().NotBeEmpty(because: $"profile '{id}' needs test cases");
    }
}
