using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Protocol.Core.Evaluation;

namespace Protocol.Profiles.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public void AddProtocol_RegistersCatalogueClockAndService_AndEvaluatesAtTheClocksNow()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 3, 3, 12, 0));
        using var provider = new ServiceCollection().AddProtocol(clock).BuildServiceProvider();
        var service = provider.GetRequiredService<ProtocolService>();
        provider.GetRequiredService<IClock>().Should().BeSameAs(clock);
        provider.GetRequiredService<ProfileCatalog>().Should().BeSameAs(ProfileCatalog.Shipped);

        var json = """
            { "child": { "id": "C-9", "dateOfBirth": "2010-01-01" },
              "episodes": [ { "id": "E-1", "events": [
                { "type": "last-seen", "at": "2025-03-01T20:00:00Z" },
                { "type": "reported-missing", "at": "2025-03-01T21:00:00Z" } ] } ] }
            """;
        var read = service.ReadCase("warwickshire", json);
        read.Errors.Should().BeEmpty();
        var assessment = service.Evaluate("warwickshire", read.Case!);
        assessment.EvaluatedAt.Should().Be(clock.GetCurrentInstant());
        assessment.Classification.Should().Be("missing");
        assessment.Obligations.Should().Contain(o => o.Status == ObligationStatus.Overdue || o.Status == ObligationStatus.Pending);
    }

    [Fact]
    public void AddProtocol_WithoutAClock_UsesTheSystemClock()
    {
        using var provider = new ServiceCollection().AddProtocol().BuildServiceProvider();
        provider.GetRequiredService<IClock>().Should().BeSameAs(SystemClock.Instance);
    }
}
