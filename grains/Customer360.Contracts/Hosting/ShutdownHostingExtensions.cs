using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Customer360.Contracts.Hosting;

/// <summary>A stop bounded in time (setting section <c>Shutdown</c>), for silos and gateways alike.</summary>
public static class ShutdownHostingExtensions
{
    /// <summary>
    /// Validates <see cref="ShutdownOptions"/> at start, makes <see cref="ShutdownOptions.Timeout"/> the host's shutdown
    /// timeout, and adds the <see cref="ShutdownWatchdog"/>, which arms itself when the host is asked to stop, whatever
    /// the order hosted services stop in.
    /// </summary>
    public static IHostApplicationBuilder AddCustomer360BoundedStop(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(10),
                "Shutdown:Timeout must be more than 00:00:00 and at most 00:10:00")
            .Validate(o => o.ForceAfter > TimeSpan.Zero && o.ForceAfter <= TimeSpan.FromMinutes(5),
                "Shutdown:ForceAfter must be more than 00:00:00 and at most 00:05:00")
            .ValidateOnStart();
        builder.Services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
            host.ShutdownTimeout = shutdown.Value.Timeout);
        builder.Services.AddHostedService<ShutdownWatchdog>();
        return builder;
    }
}
