using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Protocol.Core.Evaluation;
using Protocol.Profiles;
using Xunit;

namespace Consumer.Tests;

/// <summary>The README's library snippet, run from the packed packages by a project outside the solution.</summary>
public class ReadmeSnippetTests
{
    [Fact]
    public void ReadmeSnippet_EvaluatesTheSampleCase_FromThePackages()
    {
        // --- as in the README ---
        var services = new ServiceCollection().AddProtocol().BuildServiceProvider();   // catalogue, IClock, ProtocolService
        var protocol = services.GetRequiredService<ProtocolService>();

        var read = protocol.ReadCase("warwickshire", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "case.json")));
        Assert.True(read.IsValid, string.Join("; ", read.Errors));

        Assessment assessment = protocol.Evaluate("warwickshire", read.Case!, Instant.FromUtc(2025, 10, 27, 12, 0));
        var overdue = assessment.Obligations.Where(o => o.Status == ObligationStatus.Overdue).ToList();
        // --- end ---

        Assert.Equal("missing", assessment.Classification);
        Assert.Equal("high", assessment.CurrentRisk);
        Assert.Contains(overdue, o => o.Id == "police-detective-inspector-review-high" && o.Due!.Local == "2025-10-25T23:59:59+01:00");
        var stage1 = Assert.Single(assessment.Escalations, e => e.RungId == "mim-stage-1");
        Assert.Equal(Instant.FromUtc(2025, 10, 31, 23, 59, 59), stage1.Due!.Utc);
    }

    [Fact]
    public void Packages_ShipEveryProfile_AndTheyCompile()
    {
        var catalog = ProfileCatalog.Shipped;
        Assert.Equal(new[] { "bcp", "bedfordshire", "liverpool", "warwickshire", "west-mercia" }, catalog.Ids);
        foreach (var id in catalog.Ids) Assert.NotEmpty(catalog.Get(id).Obligations);
    }

    [Fact]
    public void ABrokenProfile_ThrowsOnlyTheValidationException_WithPositions()
    {
        var ex = Assert.Throws<ProfileValidationException>(() => ProfileLoader.LoadOrThrow("profile:\n  id: x\n  tittle: y\n", "mine.yaml"));
        Assert.Contains(ex.Diagnostics, d => d.File == "mine.yaml" && d.Line == 3 && d.Column == 3 && d.Code == "PRF002");
    }
}
