namespace Customer360.Contracts;

/// <summary>Answers when the cluster can run a grain call; backs the gateway's readiness probe.</summary>
[Alias("c360.health")]
public interface IHealthGrain : IGrainWithIntegerKey
{
    [Alias("ping")]
    Task<string> Ping();
}
