using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Push;

/// <summary>
/// The outboxes of this gateway's consoles, one per SignalR connection (<see cref="ConsoleOutbox"/>), and the
/// sends they make. A notice for a console that is gone, or not yet known, is dropped.
/// </summary>
public sealed partial class ConsoleOutboxes(IHubContext<ConsoleHub> hub, IOptions<ConsolePushOptions> options, PushMetrics metrics,
    ILogger<ConsoleOutboxes> logger)
{
    private readonly ConcurrentDictionary<string, ConsoleOutbox> _byConnection = new(StringComparer.Ordinal);
    private int _highWater;

    public PushMetrics Metrics => metrics;

    /// <summary>
    /// The most notices any one outbox of this gateway has held at once since it started: never above
    /// <see cref="ConsolePushOptions.OutboxCapacity"/>. For tests and diagnostics.
    /// </summary>
    public int HighWater => Volatile.Read(ref _highWater);

    /// <summary>Consoles connected to this gateway, each with its outbox.</summary>
    public int Count => _byConnection.Count;

    /// <summary>Opens the outbox of a console that just connected.</summary>
    public ConsoleOutbox Open(string connectionId, bool masked) =>
        _byConnection.GetOrAdd(connectionId, id => new ConsoleOutbox(id, masked, options.Value.OutboxCapacity, this));

    public ConsoleOutbox? Find(string connectionId) => _byConnection.GetValueOrDefault(connectionId);

    /// <summary>The console went away: its outbox and whatever waits in it go too.</summary>
    public void Close(string connectionId)
    {
        if (_byConnection.TryRemove(connectionId, out var outbox)) metrics.OutboxDepthChanged(-outbox.Close());
    }

    internal void DepthChanged(int delta, int depth, bool resynced)
    {
        if (delta != 0) metrics.OutboxDepthChanged(delta);
        if (resynced) metrics.Resync();
        for (var seen = Volatile.Read(ref _highWater); depth > seen; seen = Volatile.Read(ref _highWater))
            if (Interlocked.CompareExchange(ref _highWater, depth, seen) == seen) break;
    }

    /// <summary>
    /// Sends one message to one console and waits until SignalR has written it to the connection (which waits while the
    /// socket does not drain). False when it failed: the console is going away, and its outbox closes with it.
    /// </summary>
    internal async Task<bool> SendAsync(ConsoleOutbox outbox, string method, object payload, CancellationToken ct)
    {
        try
        {
            await hub.Clients.Client(outbox.ConnectionId).SendAsync(method, payload, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            LogSendFailed(logger, ex.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A push to a console failed: {Error}")]
    private static partial void LogSendFailed(ILogger logger, string error);
}
