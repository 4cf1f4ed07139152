using Customer360.Contracts;

namespace Customer360.Gateway.Push;

/// <summary>
/// Which consoles (SignalR connections) of this gateway follow which topics (<see cref="TopicConsoles"/>). The gateway
/// subscribes to a topic at its owner grain once, for its first console, and drops it with its last; the owner grain
/// sees one subscriber per gateway, however many consoles follow the topic here.
/// </summary>
public sealed class SubscriptionRegistry(TopicRouter router, PushReceiver receiver, IPushReceiver receiverRef, TopicConsoles consoles,
    HubMetrics metrics)
{
    public string GatewayId => receiver.GatewayId;

    /// <summary>Adds a console to a topic; subscribes the gateway at the owner when it is the first.</summary>
    public async Task AddAsync(string connectionId, string topic, ITopicOwner owner)
    {
        var (added, first) = consoles.Add(connectionId, topic);
        if (added) metrics.Subscribed(topic);
        // Subscribing again when not first is a cheap renewal and closes the race with a concurrent removal.
        var version = await RenewAsync(owner);
        if (first) receiver.Advance(topic, version);
    }

    /// <summary>Subscribes or renews this gateway at a topic owner; returns the topic's version.</summary>
    public Task<long> RenewAsync(ITopicOwner owner) => owner.Subscribe(GatewayId, receiverRef);

    public Task RemoveAsync(string connectionId, string topic)
    {
        var (removed, last) = consoles.Remove(connectionId, topic);
        if (removed) metrics.Unsubscribed(topic);
        if (!last) return Task.CompletedTask;
        receiver.Forget(topic);
        return router.OwnerOf(topic)?.Unsubscribe(GatewayId) ?? Task.CompletedTask;
    }

    public async Task RemoveConnectionAsync(string connectionId)
    {
        foreach (var topic in consoles.RemoveConsole(connectionId)) await RemoveAsync(connectionId, topic);
    }

    public string[] ActiveTopics() => consoles.Topics();
}
