using Customer360.Contracts;

namespace Customer360.Gateway.Push;

/// <summary>
/// One console's (SignalR connection's) notices waiting to be sent, bounded, with one sender that awaits each send:
/// a console whose socket does not drain holds up only its own outbox, and what waits for it cannot grow.
/// <list type="bullet">
/// <item>A notice whose key (topic, kind, customer) is already waiting replaces it, at the back: the newest notice
/// says it all, and a topic's notices keep their version order.</item>
/// <item>When <see cref="ConsolePushOptions.OutboxCapacity"/> notices wait and another comes, the backlog is dropped and
/// replaced by one <see cref="PushKinds.Resync"/> naming the topics concerned; notices arriving before it is sent only
/// add their topic to it (every topic once the list would pass the capacity: then it says "all"). The console then
/// re-reads those topics, which shows it everything the dropped notices announced.</item>
/// </list>
/// Created when the console connects, closed when it goes: a closed outbox drops what it holds and stops its sender.
/// </summary>
public sealed class ConsoleOutbox(string connectionId, bool masked, int capacity, ConsoleOutboxes owner)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<ConsoleNotice> _queue = new();
    private readonly Dictionary<(string Topic, string Kind, string CustomerId), LinkedListNode<ConsoleNotice>> _byKey = [];
    private readonly CancellationTokenSource _closed = new();
    // A resync waiting to be sent (then the queue is empty): the topics concerned, or all of them.
    private HashSet<string>? _resyncTopics;
    private bool _resyncAll;
    private bool _sending;

    public string ConnectionId { get; } = connectionId;

    /// <summary>Whether this console sees personal data masked (store staff): fixed by the user it signed in as.</summary>
    public bool Masked { get; } = masked;

    // What waits now: notices, or the one resync that replaced them.
    private int DepthLocked => _resyncTopics is null ? _queue.Count : 1;

    /// <summary>Queues a notice for this console and starts its sender if it is idle. Never waits.</summary>
    public void Enqueue(ConsoleNotice notice)
    {
        bool start;
        int before, after;
        var resynced = false;
        lock (_lock)
        {
            if (_closed.IsCancellationRequested) return;
            before = DepthLocked;
            if (_resyncTopics is not null) AddResyncTopic(notice.Message.Topic);
            else if (_byKey.Remove(notice.Key, out var waiting))
            {
                _queue.Remove(waiting);
                _byKey[notice.Key] = _queue.AddLast(notice.After(waiting.Value));
            }
            else if (_queue.Count >= capacity)
            {
                _resyncTopics = new HashSet<string>(StringComparer.Ordinal);
                foreach (var dropped in _queue) AddResyncTopic(dropped.Message.Topic);
                AddResyncTopic(notice.Message.Topic);
                _queue.Clear();
                _byKey.Clear();
                resynced = true;
            }
            else _byKey[notice.Key] = _queue.AddLast(notice);
            after = DepthLocked;
            start = !_sending;
            _sending = true;
        }
        owner.DepthChanged(after - before, after, resynced);
        if (start) _ = Task.Run(SendAllAsync);
    }

    private void AddResyncTopic(string topic)
    {
        if (_resyncAll || !_resyncTopics!.Add(topic) || _resyncTopics.Count <= capacity) return;
        // Bounded like the queue: past the capacity, "all" says it with no list.
        _resyncAll = true;
        _resyncTopics.Clear();
    }

    /// <summary>The one sender: takes the oldest waiting notice, sends it and waits until SignalR has taken it, until none waits.</summary>
    private async Task SendAllAsync()
    {
        while (true)
        {
            string method;
            object payload;
            DateTimeOffset? arrivedAt = null;
            lock (_lock)
            {
                if (_closed.IsCancellationRequested || DepthLocked == 0)
                {
                    _sending = false;
                    return;
                }
                if (_resyncTopics is { } topics)
                {
                    (method, payload) = (PushKinds.Resync, new { all = _resyncAll, topics = _resyncAll ? [] : topics.Order(StringComparer.Ordinal).ToArray() });
                    _resyncTopics = null;
                    _resyncAll = false;
                }
                else
                {
                    var next = _queue.First!.Value;
                    _queue.RemoveFirst();
                    _byKey.Remove(next.Key);
                    (method, payload, arrivedAt) = (next.Message.Kind, next.PayloadFor(Masked), next.Message.ArrivedAt);
                }
            }
            owner.DepthChanged(-1, 0, resynced: false);
            if (!await owner.SendAsync(this, method, payload, _closed.Token)) continue;
            if (method != PushKinds.Resync) owner.Metrics.Sent(arrivedAt);
        }
    }

    /// <summary>The console went away: what waits is dropped and the sender stops. Returns how many notices were dropped.</summary>
    public int Close()
    {
        lock (_lock)
        {
            if (_closed.IsCancellationRequested) return 0;
            var dropped = DepthLocked;
            _queue.Clear();
            _byKey.Clear();
            _resyncTopics = null;
            _resyncAll = false;
            _closed.Cancel();
            return dropped;
        }
    }
}
