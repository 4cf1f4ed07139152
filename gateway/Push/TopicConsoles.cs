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

    /// <summary>
    /// Adds a console to a topic: whether it was added (false: it followed it already), and whether it is the topic's
    /// first console here.
    /// </summary>
    public (bool Added, bool First) Add(string connectionId, string topic)
    {
        lock (_lock)
        {
            if (!_consolesByTopic.TryGetValue(topic, out var consoles)) _consolesByTopic[topic] = consoles = [];
            var first = consoles.Count == 0;
            var added = consoles.Add(connectionId);
            if (!_topicsByConsole.TryGetValue(connectionId, out var topics)) _topicsByConsole[connectionId] = topics = [];
            topics.Add(topic);
            return (added, first);
        }
    }

    /// <summary>Removes a console from a topic: whether it followed it, and whether it was the topic's last console here.</summary>
    public (bool Removed, bool Last) Remove(string connectionId, string topic)
    {
        lock (_lock)
        {
            if (_topicsByConsole.TryGetValue(connectionId, out var topics)) topics.Remove(topic);
            if (!_consolesByTopic.TryGetValue(topic, out var consoles) || !consoles.Remove(connectionId)) return (false, false);
            if (consoles.Count > 0) return (true, false);
            _consolesByTopic.Remove(topic);
            return (true, true);
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
