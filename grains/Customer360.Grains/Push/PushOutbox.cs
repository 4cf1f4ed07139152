using System.Collections.Concurrent;
using System.Collections.Immutable;
using Customer360.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360.Grains.Push;

/// <summary>
/// Batches push notices from every grain of this silo per receiving gateway, so that a burst of events
/// becomes one call per gateway per flush instead of one call per change. Notices for the same topic and kind
/// are coalesced to the newest version per customer: a notice only says "look again" (or carries the line as it
/// is now), so the newest one says it all. A list topic's notices for different customers are all kept.
/// </summary>
public sealed partial class PushOutbox(IOptions<PushOptions> options, ILogger<PushOutbox> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<GrainId, Pending> _pending = new();
    private readonly SemaphoreSlim _signal = new(0);
    private int _signalled;

    private sealed class Pending(IPushReceiver receiver)
    {
        public IPushReceiver Receiver { get; } = receiver;
        public ConcurrentQueue<PushMessage> Messages { get; } = new();
    }

    public void Enqueue(IPushReceiver receiver, PushMessage message)
    {
        _pending.GetOrAdd(receiver.GetGrainId(), _ => new Pending(receiver)).Messages.Enqueue(message);
        if (Interlocked.Exchange(ref _signalled, 1) == 0) _signal.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _signal.WaitAsync(stoppingToken);
            // Wait a moment so that changes arriving together leave together.
            await Task.Delay(options.Value.FlushWindow, stoppingToken);
            Volatile.Write(ref _signalled, 0);
            await FlushAsync();
        }
    }

    private async Task FlushAsync()
    {
        var sends = new List<Task>();
        foreach (var (id, pending) in _pending)
        {
            var batch = Drain(pending.Messages);
            if (batch.IsEmpty)
            {
                _pending.TryRemove(new KeyValuePair<GrainId, Pending>(id, pending));
                continue;
            }
            sends.Add(SendAsync(pending.Receiver, batch));
        }
        await Task.WhenAll(sends);
    }

    private async Task SendAsync(IPushReceiver receiver, ImmutableArray<PushMessage> batch)
    {
        try
        {
            await receiver.Deliver(batch).WaitAsync(options.Value.DeliveryTimeout);
        }
        catch (Exception ex)
        {
            // A gateway that is gone stops renewing its leases and its subscriptions expire; until then its
            // notices are dropped here rather than retried, so one dead gateway cannot hold up the others.
            LogDeliveryFailed(logger, batch.Length, ex.GetType().Name);
        }
    }

    private static ImmutableArray<PushMessage> Drain(ConcurrentQueue<PushMessage> queue)
    {
        if (queue.IsEmpty) return [];
        var newest = new Dictionary<(string Topic, string Kind, string CustomerId), PushMessage>();
        while (queue.TryDequeue(out var m))
        {
            var key = (m.Topic, m.Kind, m.CustomerId);
            newest[key] = newest.TryGetValue(key, out var seen) ? Merge(seen, m) : m;
        }
        // In version order: a gateway drops a notice not newer than the last one of its topic, and a list topic's
        // notices for different customers must not overtake each other.
        return [.. newest.Values.OrderBy(m => m.Version)];
    }

    private static PushMessage Merge(PushMessage a, PushMessage b)
    {
        var (older, newer) = a.Version <= b.Version ? (a, b) : (b, a);
        // The oldest arrival it covers: the push lag of a coalesced notice is that of its oldest event.
        return newer with { Changed = [.. older.Changed.Union(newer.Changed)], ArrivedAt = PushMessage.Oldest(a.ArrivedAt, b.ArrivedAt) };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Push of {Count} notices to a gateway failed: {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, int count, string error);
}
