using Customer360.Contracts;
using Orleans.Concurrency;

namespace Customer360.Grains;

/// <summary>
/// Readiness probe target. A stateless worker so that probes never queue behind each other and need no
/// directory registration.
/// </summary>
[StatelessWorker]
public sealed class HealthGrain : Grain, IHealthGrain
{
    public Task<string> Ping() => Task.FromResult(RuntimeIdentity);
}
