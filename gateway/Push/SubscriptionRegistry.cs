using Customer360.Contracts;

namespace Customer360.Gateway.Push;

/// <summary>
/// Which consoles (SignalR connections) of this gateway follow which topics. The gateway subscribes to a topic
/// at its owner grain once, for its first console, and drops it with its last; the owner grain sees one
/// subscriber per gateway, however many consoles follow the topic here.
/// </summary>
public sealed class SubscriptionRegistry(TopicRouter router, PushReceiver receiver, IPushReceiver receiverRef, HubMetrics metrics)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<string>> _consolesByTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _topicsByConsole = new(StringComparer.Ordinal);

    public string GatewayId => receiver.GatewayId;

    /// <summary>Adds a console to a topic; subscribes the gateway at the owner when it is the first.</summary>
    public async Task AddAsync(string connectionId, string topic, ITopicOwner owner)
    {
        bool first;
        lock (_lock)
        {
            if (!_consolesByTopic.TryGetValue(topic, out var consoles)) _consolesByTopic[topic] = consoles = [];
            first = consoles.Count == 0;
            if (consoles.Add(connectionId)) metrics.Subscribed(topic);
            if (!_topicsByConsole.TryGetValue(connectionId, out var topics)) _topicsByConsole[connectionId] = topics = [];
            topics.Add(topic);
        }
        // Subscribing again when not first is a cheap renewal and closes the race with a concurrent removal.
        var version = await RenewAsync(owner);
        if (first) receiver.Advance(topic, version);
    }

    /// <summary>Subscribes or renews this gateway at a topic owner; returns the topic's version.</summary>
    public Task<long> RenewAsync(ITopicOwner owner) => owner.Subscribe(GatewayId, receiverRef);

    public Task RemoveAsync(string connectionId, string topic)
    {
        lock (_lock)
        {
            if (_topicsByConsole.TryGetValue(connectionId, out var topics)) topics.Remove(topic);
            if (!_consolesByTopic.TryGetValue(topic, out var consoles) || !consoles.Remove(connectionId)) return Task.CompletedTask;
            metrics.Unsubscribed(topic);
            if (consoles.Count > 0) return Task.CompletedTask;
            _consolesByTopic.Remove(topic);
        }
        receiver.Forget(topic);
        return router.OwnerOf(topic)?.Unsubscribe(GatewayId) ?? Task.CompletedTask;
    }

    public async Task RemoveConnectionAsync(string connectionId)
    {
        string[] topics;
        lock (_lock)
        {
            if (!_topicsByConsole.Remove(connectionId, out var set)) return;
            topics = [.. set];
        }
        foreach (var topic in topics) await RemoveAsync(connectionId, topic);
    }

    public string[] ActiveTopics()
    {
        lock (_lock) return [.. _consolesByTopic.Keys];
    }
}
