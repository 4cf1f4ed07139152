using System.Security.Claims;
using System.Threading.Channels;
using Customer360.Gateway.Auth;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Gateway.Audit;

/// <summary>
/// The audit log of profile reads by people (ARCHITECTURE.md, "Access"). <see cref="Record(AuditEntry)"/> never
/// blocks a request: entries go to a bounded queue and one background writer inserts them in batches, one round
/// trip each. While PostgreSQL is down the writer retries with backoff and the queue keeps what it holds (up to
/// <see cref="AuditOptions.QueueCapacity"/>); what does not fit is dropped and counted in a warning, never silently.
/// A graceful stop writes what is queued first. An entry is written at least once: a batch whose commit was
/// lost with the connection is written again.
/// </summary>
public sealed partial class AuditLog(AuditStore store, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditLog> logger)
    : IHostedService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    // Cancelled when the host stops: the writer stops waiting for new entries and drains the queue.
    private readonly CancellationTokenSource _stopping = new();

    // Cancelled when the host gives up waiting for the drain: the writer abandons what it still holds.
    private readonly CancellationTokenSource _abort = new();

    private Task _writer = Task.CompletedTask;
    private long _dropped;
    private volatile bool _stopped;

    /// <summary>Entries waiting to be written.</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>Queues an entry for writing; returns at once. When the queue is full the entry is dropped and counted.</summary>
    public void Record(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_queue.Writer.TryWrite(entry)) return;
        Interlocked.Increment(ref _dropped);
        // Once the writer has stopped, nobody else will report the drop.
        if (_stopped) ReportDropped();
    }

    /// <summary>
    /// Records a read of <paramref name="customerId"/> by <paramref name="user"/> (its name and role claims), now.
    /// Only people are audited: an anonymous caller or a producer (role ingest) is not, and false is returned.
    /// </summary>
    public bool Record(ClaimsPrincipal user, string customerId, string through)
    {
        if (user.Identity?.IsAuthenticated != true || user.IsInRole(Roles.Ingest)) return false;
        var name = user.FindFirstValue(ClaimTypes.Name) ?? user.Identity.Name ?? "unknown";
        var role = user.FindFirstValue(ClaimTypes.Role) ?? "unknown";
        Record(new AuditEntry(time.GetUtcNow(), name, role, customerId, through));
        return true;
    }

    /// <summary>
    /// What a request reads through, for <see cref="AuditEntry.Through"/>: its method and route template
    /// (<c>GET /api/v1/customers/by-msisdn/{msisdn}</c>), never the path itself, which may hold a phone number.
    /// </summary>
    public static string Through(HttpContext http) =>
        $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unrouted)"}";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = Task.Run(WriteLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The web server is the last hosted service to start and so the first to stop: by now requests are done
        // recording, and what they queued is written here.
        await _stopping.CancelAsync();
        try
        {
            await _writer.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync();
            await _writer;
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<AuditEntry>(options.Value.BatchSize);
        try
        {
            while (true)
            {
                batch.Clear();
                while (batch.Count < options.Value.BatchSize && _queue.Reader.TryRead(out var entry)) batch.Add(entry);
                if (batch.Count > 0)
                {
                    await WriteAsync(batch);
                    ReportDropped();
                    continue;
                }
                if (_stopping.IsCancellationRequested)
                {
                    // From here on a new entry is refused (and counted); the next turns drain what got in before.
                    if (_queue.Writer.TryComplete()) continue;
                    break;
                }
                try
                {
                    await _queue.Reader.WaitToReadAsync(_stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: the next turn drains what is left.
                }
            }
        }
        catch (Exception) when (_abort.IsCancellationRequested)
        {
            LogAbandoned(logger, batch.Count + _queue.Reader.Count);
        }
        finally
        {
            _queue.Writer.TryComplete();
            _stopped = true;
            ReportDropped();
        }
    }

    private async Task WriteAsync(List<AuditEntry> batch)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.InsertAsync(batch, _abort.Token);
                return;
            }
            catch (PostgresException ex) when (IsRefused(ex))
            {
                // A value PostgreSQL will never take must not hold up the log: write the others one by one.
                if (batch.Count == 1)
                {
                    LogRefused(logger, ex.SqlState, ex);
                    return;
                }
                foreach (var entry in batch) await WriteAsync([entry]);
                return;
            }
            catch (Exception ex) when (!_abort.IsCancellationRequested)
            {
                ReportDropped();
                LogWriteFailed(logger, batch.Count, _queue.Reader.Count, attempt, delay, ex);
                await Task.Delay(delay, time, _abort.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    // Class 22 is a data exception (an invalid byte sequence, say): the same values are refused every time.
    private static bool IsRefused(PostgresException ex) => ex.SqlState.StartsWith("22", StringComparison.Ordinal);

    private void ReportDropped()
    {
        var dropped = Interlocked.Exchange(ref _dropped, 0);
        if (dropped > 0) LogDropped(logger, dropped, options.Value.QueueCapacity);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log queue full ({Capacity} entries, Audit:QueueCapacity): {Dropped} entries dropped, not written")]
    private static partial void LogDropped(ILogger logger, long dropped, int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log write of {Entries} entries failed (attempt {Attempt}; {Queued} more queued); retrying in {Delay}")]
    private static partial void LogWriteFailed(ILogger logger, int entries, int queued, int attempt, TimeSpan delay, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit log entry refused by PostgreSQL ({SqlState}); dropped")]
    private static partial void LogRefused(ILogger logger, string sqlState, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log stopped before it could write {Entries} queued entries; they are lost")]
    private static partial void LogAbandoned(ILogger logger, int entries);
}
