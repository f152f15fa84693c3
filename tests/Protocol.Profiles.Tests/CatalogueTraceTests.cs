using System.Text.RegularExpressions;
using Protocol.Core.Rules;

namespace Protocol.Profiles.Tests;

/// <summary>
/// Every item of an authority's catalogue (sections 4 to 7 of <c>shared/protocols/&lt;id&gt;.md</c>, its ids kept in
/// <c>profiles/catalogue/&lt;id&gt;.txt</c>) is accounted for by a <c>catalogue:</c> key of the profile: on the rule
/// or rung that encodes it, the setting that reads it, or the not-encoded entry that says why it is left out.
/// A comment naming the id is not enough; a <c>catalogue:</c> id the catalogue does not list is a typo.
/// </summary>
public partial class CatalogueTraceTests
{
    public static TheoryData<string> Ids() => new(ProfileCatalog.Shipped.Ids);

    private static List<(string Id, int Section)> Listed(string profile) =>
        File.ReadAllLines(Repository.Path_("profiles", "catalogue", profile + ".txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ')).Select(p => (p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();

    private static IEnumerable<string> Named(CompiledProfile p) =>
        p.Obligations.SelectMany(o => o.Catalogue)
            .Concat(p.Ladders.SelectMany(l => l.Catalogue.Concat(l.Rungs.SelectMany(r => r.Catalogue))))
            .Concat(p.Settings.SelectMany(s => s.Catalogue))
            .Concat(p.Classification.SelectMany(c => c.Catalogue))
            .Concat(p.NotEncoded.SelectMany(n => n.Catalogue));

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryCatalogueItem_IsNamedByTheEntryThatAccountsForIt(string id)
    {
        var named = Named(ProfileCatalog.Shipped.Get(id)).ToHashSet(StringComparer.Ordinal);
        var listed = Listed(id);
        listed.Should().NotBeEmpty();
        listed.Where(i => !named.Contains(i.Id)).Select(i => $"{i.Id} (section {i.Section})")
            .Should().BeEmpty($"each catalogue item of {id} must be encoded or listed as not encoded, with 'catalogue: <item>' on that entry");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryCatalogueKey_NamesAnItemTheCatalogueLists(string id)
    {
        var listed = Listed(id).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        Named(ProfileCatalog.Shipped.Get(id)).Where(n => !listed.Contains(n)).Should().BeEmpty("a catalogue id not in the catalogue is a typo");
    }

    /// <summary>
    /// The kept list is the catalogue's: where the catalogue itself is beside the repository (<c>../shared</c>),
    /// its ids are read the way <c>trace-catalogue.py</c> reads them and must be the same, in the same order.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void KeptList_IsTheCatalogues(string id)
    {
        var listed = Listed(id);
        listed.Select(i => i.Id).Should().OnlyHaveUniqueItems().And.OnlyContain(i => KebabId().IsMatch(i));
        var source = Path.Combine(Path.GetDirectoryName(Repository.Root)!, "shared", "protocols", id + ".md");
        if (!File.Exists(source)) return; // a clone without the source material: the kept list stands
        FromCatalogue(source).Should().Equal(listed);
    }

    private static List<(string Id, int Section)> FromCatalogue(string path)
    {
        var ids = new List<(string, int)>();
        int? section = null;
        foreach (var line in File.ReadLines(path))
        {
            if (SectionHeading().Match(line) is { Success: true } m) { section = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture); continue; }
            if (section is not (4 or 5 or 6 or 7) || !line.StartsWith('|')) continue;
            var first = line.Trim('|').Split('|')[0].Trim().Trim('`', '*');
            if (CatalogueId().IsMatch(first) && !ids.Exists(i => i.Item1 == first)) ids.Add((first, section.Value));
        }
        return ids;
    }

    [GeneratedRegex(@"^##\s+(\d+)\.")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)+$")]
    private static partial Regex CatalogueId();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex KebabId();
}
