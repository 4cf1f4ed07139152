using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Customer360.Grains.Hosting.Management;

/// <summary>Ready only once this silo is Active in the membership it sees (not while joining or shutting down).</summary>
public sealed class SiloActiveHealthCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("this silo is active in the cluster")
            : HealthCheckResult.Unhealthy($"this silo is {status} in the cluster, not active"));
    }
}
