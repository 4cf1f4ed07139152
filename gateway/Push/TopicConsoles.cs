namespace Customer360.Gateway.Push;

/// <summary>
/// Which consoles (SignalR connection ids) of this gateway follow which topics: written by the
/// <see cref="SubscriptionRegistry"/> as consoles subscribe and go, read by the <see cref="PushReceiver"/> for each notice.
/// </summary>
public sealed class TopicConsoles
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<string>> _consolesByTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _topicsByConsole = new(StringComparer.Ordinal);

    /// <summary>Adds a console to a topic; true when it is the topic's first console here.</summary>
    public bool Add(string connectionId, string topic)
    {
        lock (_lock)
        {
            if (!_consolesByTopic.TryGetValue(topic, out var consoles)) _consolesByTopic[topic] = consoles = [];
            var first = consoles.Count == 0;
            consoles.Add(connectionId);
            if (!_topicsByConsole.TryGetValue(connectionId, out var topics)) _topicsByConsole[connectionId] = topics = [];
            topics.Add(topic);
            return first;
        }
    }

    /// <summary>Removes a console from a topic; true when it was the topic's last console here.</summary>
    public bool Remove(string connectionId, string topic)
    {
        lock (_lock)
        {
            if (_topicsByConsole.TryGetValue(connectionId, out var topics)) topics.Remove(topic);
            if (!_consolesByTopic.TryGetValue(topic, out var consoles) || !consoles.Remove(connectionId) || consoles.Count > 0)
                return false;
            _consolesByTopic.Remove(topic);
            return true;
        }
    }

    /// <summary>Forgets a console; returns the topics it followed (still to be removed one by one with <see cref="Remove"/>).</summary>
    public string[] RemoveConsole(string connectionId)
    {
        lock (_lock) return _topicsByConsole.Remove(connectionId, out var set) ? [.. set] : [];
    }

    public string[] ConsolesOf(string topic)
    {
        lock (_lock) return _consolesByTopic.TryGetValue(topic, out var consoles) ? [.. consoles] : [];
    }

    public string[] Topics()
    {
        lock (_lock) return [.. _consolesByTopic.Keys];
    }
}
