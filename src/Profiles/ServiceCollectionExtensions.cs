using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Protocol.Profiles;

/// <summary>Registers Protocol with Microsoft.Extensions.DependencyInjection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shipped <see cref="ProfileCatalog"/>, an <see cref="IClock"/> (the system clock unless
    /// one is given or already registered) and <see cref="ProtocolService"/>, all as singletons.
    /// </summary>
    public static IServiceCollection AddProtocol(this IServiceCollection services, IClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (clock is not null) services.AddSingleton(clock);
        else services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(ProfileCatalog.Shipped);
        services.TryAddSingleton<ProtocolService>();
        return services;
    }
}
