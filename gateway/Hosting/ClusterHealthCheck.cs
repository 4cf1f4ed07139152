using Customer360.Contracts;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Hosting;

/// <summary>
/// Ready means a grain call through the cluster answers in time and the silo that ran it reaches PostgreSQL: a
/// cluster that answers pings but cannot load a profile serves nothing but errors.
/// </summary>
public sealed class ClusterHealthCheck(IClusterClient cluster, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // The silo bounds its own probe by the same timeout; the extra second covers the round trip.
            var storeAnswers = await cluster.GetGrain<IHealthGrain>(0).StoreAnswers()
                .WaitAsync(options.Value.ProbeTimeout + TimeSpan.FromSeconds(1), cancellationToken);
            return storeAnswers
                ? HealthCheckResult.Healthy("a silo answers and reaches PostgreSQL")
                : HealthCheckResult.Unhealthy("a silo answers but does not reach PostgreSQL");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the cluster does not answer");
        }
    }
}
