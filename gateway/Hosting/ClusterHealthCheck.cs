using Customer360.Contracts;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Customer360.Gateway.Hosting;

/// <summary>Ready means a grain call through the cluster answers in time.</summary>
public sealed class ClusterHealthCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silo = await cluster.GetGrain<IHealthGrain>(0).Ping().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return HealthCheckResult.Healthy($"cluster answered from {silo}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the cluster does not answer", ex);
        }
    }
}
