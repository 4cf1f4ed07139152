namespace Customer360.Contracts;

/// <summary>Answers when the cluster can run a grain call; backs the gateway's readiness probe.</summary>
[Alias("c360.health")]
public interface IHealthGrain : IGrainWithIntegerKey
{
    [Alias("ping")]
    Task<string> Ping();

    /// <summary>
    /// Whether the silo that runs the call reaches PostgreSQL (its own pool, a trivial query with a short
    /// timeout): a cluster that answers but cannot load or store a profile is not ready.
    /// </summary>
    [Alias("store-answers")]
    Task<bool> StoreAnswers();
}
