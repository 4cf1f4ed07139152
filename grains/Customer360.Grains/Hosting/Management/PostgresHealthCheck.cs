using Customer360.Contracts.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Grains.Hosting.Management;

/// <summary>
/// Ready only while PostgreSQL answers a trivial query through the silo's own pool within
/// <see cref="ManagementOptions.ProbeTimeout"/>. The description never carries the driver's message (host names,
/// user names), as the probe is anonymous.
/// </summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, IOptions<ManagementOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        return await StoreProbe.AnswersAsync(dataSource, options.Value.ProbeTimeout, cancellationToken)
            ? HealthCheckResult.Healthy("PostgreSQL answers")
            : HealthCheckResult.Unhealthy("PostgreSQL does not answer");
    }
}
