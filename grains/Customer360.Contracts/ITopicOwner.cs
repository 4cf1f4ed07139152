namespace Customer360.Contracts;

/// <summary>
/// A grain that owns a push topic. Gateways subscribe with a lease they renew; a subscription that is not
/// renewed expires, so a gateway that died leaks nothing. Subscriptions live in memory only: after the grain
/// moves or its silo dies, the next renewal restores them, and the version it returns lets the gateway see
/// whether its consoles missed a change meanwhile.
/// </summary>
[Alias("c360.topic-owner")]
public interface ITopicOwner : IGrain
{
    /// <summary>Subscribes (or renews) <paramref name="gatewayId"/>; returns the topic's current version.</summary>
    [Alias("subscribe")]
    Task<long> Subscribe(string gatewayId, IPushReceiver receiver);

    [Alias("unsubscribe")]
    Task Unsubscribe(string gatewayId);
}
