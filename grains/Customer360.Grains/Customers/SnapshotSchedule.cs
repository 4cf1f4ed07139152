using Customer360.Contracts;
using Customer360.Grains.Rules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360.Grains.Customers;

/// <summary>
/// When each changed profile of this silo is due for its lazy snapshot: one queue entry per profile (its id and
/// a time), where a grain timer per profile would cost a timer, a callback and a set of timers — a few hundred
/// bytes for each of a million profiles. Every second the due ones are asked to write, at most
/// <c>Customers:ConcurrentSnapshots</c> at a time, so a wave of new profiles does not take every connection.
/// A profile deactivated in the meantime wrote its snapshot then, and is skipped rather than woken.
/// </summary>
public sealed partial class SnapshotSchedule(
    IGrainFactory grains, ActiveCustomers active, IOptions<CustomerGrainOptions> options, ILogger<SnapshotSchedule> logger)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    // Snapshot delays are real time, whatever the business clock says.
    private static readonly TimeProvider Time = TimeProvider.System;

    private readonly PriorityQueue<string, DateTimeOffset> _due = new();
    private readonly Lock _lock = new();

    /// <summary>Asks for <paramref name="customerId"/>'s snapshot to be written <paramref name="delay"/> from now.</summary>
    public void Schedule(string customerId, TimeSpan delay)
    {
        var at = Time.GetUtcNow() + delay;
        lock (_lock) _due.Enqueue(customerId, at);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, Time);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ConcurrentSnapshots, CancellationToken = stoppingToken };
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                await Parallel.ForEachAsync(TakeDue(), parallel, async (customerId, _) => await WriteAsync(customerId));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: profiles still active write their snapshots as they deactivate.
        }
    }

    private List<string> TakeDue()
    {
        var now = Time.GetUtcNow();
        var due = new List<string>();
        lock (_lock)
            while (_due.TryPeek(out var customerId, out var at) && at <= now)
            {
                _due.Dequeue();
                if (active.Contains(customerId)) due.Add(customerId);
            }
        return due;
    }

    private async Task WriteAsync(string customerId)
    {
        try
        {
            await CustomerGrainReferences.Get(grains, customerId).WriteSnapshot();
        }
        catch (TimeoutException)
        {
            // The write is still running in the grain (waiting its turn while the database is busy); the grain
            // logs and re-schedules it if it fails.
            LogWriteSlow(logger, customerId);
        }
        catch (Exception ex)
        {
            // The grain logs and re-schedules its own failed writes; this is the call itself failing.
            LogWriteCallFailed(logger, customerId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Customer {CustomerId}'s snapshot write is taking longer than a call may wait")]
    private static partial void LogWriteSlow(ILogger logger, string customerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking customer {CustomerId} to write its snapshot failed")]
    private static partial void LogWriteCallFailed(ILogger logger, string customerId, Exception ex);
}
