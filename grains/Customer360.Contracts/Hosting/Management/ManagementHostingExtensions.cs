using Customer360.Contracts.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Customer360.Contracts.Hosting.Management;

/// <summary>The management listener of a silo or a gateway, with its metrics scrape.</summary>
public static class ManagementHostingExtensions
{
    /// <summary>
    /// Adds the listener (<see cref="ManagementServer"/>) on the addresses <paramref name="urls"/> gives (the host's
    /// validated <c>Management:Urls</c>), serving the health probes and <c>GET /metrics</c>.
    /// </summary>
    public static IServiceCollection AddCustomer360ManagementListener(this IServiceCollection services,
        Func<IServiceProvider, IReadOnlyList<string>> urls)
    {
        services.AddSingleton<IManagementEndpoints, MetricsManagementEndpoints>();
        services.AddSingleton(sp => new ManagementServer(sp, urls(sp), sp.GetRequiredService<ILogger<ManagementServer>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ManagementServer>());
        return services;
    }
}
