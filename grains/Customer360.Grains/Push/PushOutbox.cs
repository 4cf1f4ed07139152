using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Customer360.Contracts;
using Customer360.Grains.Hosting.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360.Grains.Push;

/// <summary>
/// Sends push notices from every grain of this silo to the gateways, one delivery in flight per gateway. A notice
/// that finds its gateway's line idle leaves at once; notices that come while a delivery is in flight wait for it
/// and then leave together, so batches grow with the load and there is no fixed window to wait out when nothing
/// else is waiting. Notices for the same topic and kind are coalesced to the newest version per customer: a notice
/// only says "look again" (or carries the line as it is now), so the newest one says it all. A list topic's notices
/// for different customers are all kept. One delivery at a time per gateway also keeps a topic's notices in order.
/// </summary>
public sealed partial class PushOutbox(IOptions<PushOptions> options, ILogger<PushOutbox> logger)
{
    // One line per gateway ever pushed to: a handful, so a gateway that went away is not worth removing (removing
    // one could race a notice into a second line for the same gateway and let two deliveries overtake each other).
    private readonly ConcurrentDictionary<GrainId, GatewayLine> _lines = new();

    public void Enqueue(IPushReceiver receiver, PushMessage message) =>
        // The publishing grain's span (a struct, default when nothing traces): the delivery's span hangs off it, so an
        // event's trace reaches the gateway's receipt of its notice.
        _lines.GetOrAdd(receiver.GetGrainId(), static (_, r) => new GatewayLine(r), receiver)
            .Enqueue(this, message, Activity.Current?.Context ?? default);

    private sealed class GatewayLine(IPushReceiver receiver)
    {
        private readonly ConcurrentQueue<(PushMessage Message, ActivityContext Caller)> _waiting = new();
        private int _sending;

        public void Enqueue(PushOutbox owner, PushMessage message, ActivityContext caller)
        {
            _waiting.Enqueue((message, caller));
            // Off the grain's scheduler: the publishing grain goes on at once, and the delivery runs on the pool.
            if (Interlocked.CompareExchange(ref _sending, 1, 0) == 0) _ = Task.Run(() => SendAllAsync(owner));
        }

        private async Task SendAllAsync(PushOutbox owner)
        {
            while (true)
            {
                while (!_waiting.IsEmpty)
                {
                    var (batch, callers) = Drain(_waiting);
                    if (!batch.IsEmpty) await owner.SendAsync(receiver, batch, callers);
                }
                Volatile.Write(ref _sending, 0);
                // A notice queued after the last drain but before the flag fell found a sender running and left it
                // to it: take it up again unless another sender already has.
                if (_waiting.IsEmpty || Interlocked.CompareExchange(ref _sending, 1, 0) != 0) return;
            }
        }
    }

    private async Task SendAsync(IPushReceiver receiver, ImmutableArray<PushMessage> batch, List<ActivityContext> callers)
    {
        using var span = BatchTracing.Start(BatchTracing.PushFlush, callers, c => c);
        span?.SetTag("c360.push.notices", batch.Length);
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

    private static (ImmutableArray<PushMessage> Batch, List<ActivityContext> Callers) Drain(ConcurrentQueue<(PushMessage, ActivityContext)> queue)
    {
        var callers = new List<ActivityContext>();
        // Most deliveries on an idle system carry one notice: no dictionary for it.
        if (queue.TryDequeue(out var first) && queue.IsEmpty)
        {
            if (first.Item2 != default) callers.Add(first.Item2);
            return ([first.Item1], callers);
        }
        var newest = new Dictionary<(string Topic, string Kind, string CustomerId), PushMessage>();
        void Add((PushMessage, ActivityContext) item)
        {
            var (m, caller) = item;
            if (caller != default) callers.Add(caller);
            var key = (m.Topic, m.Kind, m.CustomerId);
            newest[key] = newest.TryGetValue(key, out var seen) ? Merge(seen, m) : m;
        }
        if (first.Item1 is not null) Add(first);
        while (queue.TryDequeue(out var item)) Add(item);
        // In version order: a gateway drops a notice not newer than the last one of its topic, and a list topic's
        // notices for different customers must not overtake each other.
        return ([.. newest.Values.OrderBy(m => m.Version)], callers);
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
