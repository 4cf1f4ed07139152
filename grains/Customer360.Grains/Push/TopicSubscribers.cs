using Customer360.Contracts;

namespace Customer360.Grains.Push;

/// <summary>
/// The gateways subscribed to one topic, each with a lease. Held in the memory of the grain that owns the
/// topic; gateways renew their leases, which also restores them after the grain reactivates elsewhere.
/// Not thread-safe: used only inside its (non-reentrant) grain. Most topics have no subscriber at any moment
/// (a million customer grains, a few hundred consoles), so the table is only made for the first one.
/// </summary>
public sealed class TopicSubscribers(PushOutbox outbox, TimeProvider time, TimeSpan lease)
{
    private Dictionary<string, (IPushReceiver Receiver, DateTimeOffset ExpiresAt)>? _gateways;

    public int Count => _gateways?.Count ?? 0;

    public void Renew(string gatewayId, IPushReceiver receiver) =>
        (_gateways ??= [])[gatewayId] = (receiver, time.GetUtcNow() + lease);

    public void Remove(string gatewayId) => _gateways?.Remove(gatewayId);

    /// <summary><see cref="ITopicOwner.Subscribe"/> for the owner: renews the gateway's lease and answers the topic's version.</summary>
    public Task<long> Subscribe(string gatewayId, IPushReceiver receiver, long version)
    {
        Renew(gatewayId, receiver);
        return Task.FromResult(version);
    }

    /// <summary><see cref="ITopicOwner.Unsubscribe"/> for the owner.</summary>
    public Task Unsubscribe(string gatewayId)
    {
        Remove(gatewayId);
        return Task.CompletedTask;
    }

    public void Publish(PushMessage message)
    {
        if (_gateways is not { Count: > 0 }) return;
        var now = time.GetUtcNow();
        List<string>? expired = null;
        foreach (var (gatewayId, sub) in _gateways)
        {
            if (sub.ExpiresAt < now) (expired ??= []).Add(gatewayId);
            else outbox.Enqueue(sub.Receiver, message);
        }
        expired?.ForEach(id => _gateways.Remove(id));
    }
}
