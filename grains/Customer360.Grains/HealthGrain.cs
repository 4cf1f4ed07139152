using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Customer360.Grains.Hosting.Management;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Concurrency;

namespace Customer360.Grains;

/// <summary>
/// Readiness probe target. A stateless worker so that probes never queue behind each other and need no
/// directory registration.
/// </summary>
[StatelessWorker]
public sealed class HealthGrain(NpgsqlDataSource dataSource, IOptions<ManagementOptions> options) : Grain, IHealthGrain
{
    public Task<string> Ping() => Task.FromResult(RuntimeIdentity);

    public Task<bool> StoreAnswers() => StoreProbe.AnswersAsync(dataSource, options.Value.ProbeTimeout, CancellationToken.None);
}
