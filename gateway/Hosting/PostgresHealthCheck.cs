using Customer360.Contracts.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Gateway.Hosting;

/// <summary>
/// Ready only while PostgreSQL answers the gateway's own pool (search, timeline, users, audit read it directly).
/// The description never carries the driver's message (host and user names): the probe is anonymous.
/// </summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await StoreProbe.AnswersAsync(dataSource, options.Value.ProbeTimeout, cancellationToken)
            ? HealthCheckResult.Healthy("PostgreSQL answers")
            : HealthCheckResult.Unhealthy("PostgreSQL does not answer");
}
