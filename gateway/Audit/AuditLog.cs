using System.Security.Claims;
using System.Threading.Channels;
using Customer360.Gateway.Auth;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Gateway.Audit;

/// <summary>
/// The audit log (ARCHITECTURE.md, "Access" and "Deployable"). One background writer commits entries in batches,
/// one INSERT and one commit each, like a group commit: while a batch is being written the next one gathers.
/// <list type="bullet">
/// <item><see cref="RecordAsync(IReadOnlyList{AuditEntry}, CancellationToken)"/> completes once the batch holding the
/// entries is committed, so an answer sent after it is audited even if the gateway is killed the next instant. When
/// the commit fails or takes longer than <see cref="AuditOptions.WriteTimeout"/> it throws
/// <see cref="AuditUnavailableException"/> and the caller answers 503: nothing personal is handed out unaudited.
/// Such an entry is not retried (nothing was answered); one whose commit outcome was lost may still be in the log.</item>
/// <item><see cref="Record(AuditEntry)"/> queues an entry nobody waits for (a sign-in, say). While PostgreSQL is down
/// it is retried with backoff, kept up to <see cref="AuditOptions.QueueCapacity"/>; what does not fit is dropped and
/// counted in a warning, never silently. An entry is written at least once.</item>
/// </list>
/// A graceful stop writes what is queued first.
/// </summary>
public sealed partial class AuditLog(AuditStore store, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditLog> logger)
    : IHostedService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    // Entries of one call: committed together. Done is null for entries nobody waits for.
    private sealed record Pending(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource? Done)
    {
        // A waiter gave up (timeout): its read answered 503, so the entry need not be written any more.
        public bool Abandoned => Done is { Task.IsCompleted: true };
    }

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    // Entries nobody waits for whose write failed: written before anything newer.
    private readonly Queue<Pending> _retry = new();

    // Cancelled when the host stops: the writer stops waiting for new entries and drains the queue.
    private readonly CancellationTokenSource _stopping = new();

    // Cancelled when the host gives up waiting for the drain: the writer abandons what it still holds.
    private readonly CancellationTokenSource _abort = new();

    private Task _writer = Task.CompletedTask;
    private long _queued;
    private long _written;
    private long _dropped;
    private volatile bool _stopped;

    /// <summary>Entries waiting to be written.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Entries written since start.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Queues an entry nobody waits for; returns at once. When the queue is full the entry is dropped and counted.</summary>
    public void Record(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (TryEnqueue(new Pending([entry], null))) return;
        Interlocked.Increment(ref _dropped);
        // Once the writer has stopped, nobody else will report the drop.
        if (_stopped) ReportDropped();
    }

    /// <summary>
    /// Records a read of <paramref name="customerId"/> by <paramref name="user"/> (its name and role claims), now,
    /// without waiting for the commit. Only people are audited: an anonymous caller or a producer (role ingest) is
    /// not, and false is returned.
    /// </summary>
    public bool Record(ClaimsPrincipal user, string customerId, string through)
    {
        if (EntriesFor(user, [customerId], through, null, null) is not { } entries) return false;
        Record(entries[0]);
        return true;
    }

    /// <summary>Records one entry and completes when it is committed; see <see cref="RecordAsync(IReadOnlyList{AuditEntry}, CancellationToken)"/>.</summary>
    public Task RecordAsync(AuditEntry entry, CancellationToken ct = default) => RecordAsync([entry], ct);

    /// <summary>
    /// Records entries, all in the same commit, and completes when that commit is done. Throws
    /// <see cref="AuditUnavailableException"/> when it cannot be done within <see cref="AuditOptions.WriteTimeout"/>:
    /// the caller must then not answer what the entries are about.
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return;
        var pending = new Pending(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!TryEnqueue(pending)) throw new AuditUnavailableException(_stopped || _stopping.IsCancellationRequested
            ? "the audit log is stopping" : $"the audit log's queue is full ({options.Value.QueueCapacity} entries, Audit:QueueCapacity)");
        try
        {
            await pending.Done!.Task.WaitAsync(options.Value.WriteTimeout, time, ct);
        }
        catch (TimeoutException ex)
        {
            // Marks it abandoned, unless the commit won the race (then the entry is in the log and the read may go on).
            if (pending.Done!.TrySetException(ex)) throw new AuditUnavailableException("the audit log did not commit in time", ex);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            pending.Done!.TrySetCanceled(ct);
            throw;
        }
    }

    /// <summary>
    /// Records, and waits for the commit of, one entry per distinct customer that <paramref name="user"/> read, now.
    /// Nothing is recorded for anonymous callers and producers (role ingest), nor for an empty list.
    /// </summary>
    public Task RecordAsync(ClaimsPrincipal user, IEnumerable<string> customerIds, string through, string kind, string? detail = null,
        CancellationToken ct = default) =>
        EntriesFor(user, customerIds, through, kind, detail) is { Count: > 0 } entries ? RecordAsync(entries, ct) : Task.CompletedTask;

    private List<AuditEntry>? EntriesFor(ClaimsPrincipal user, IEnumerable<string> customerIds, string through, string? kind, string? detail)
    {
        if (user.Identity?.IsAuthenticated != true || user.IsInRole(Roles.Ingest)) return null;
        var name = user.FindFirstValue(ClaimTypes.Name) ?? user.Identity.Name ?? "unknown";
        var role = user.FindFirstValue(ClaimTypes.Role) ?? "unknown";
        var at = time.GetUtcNow();
        return [.. customerIds.Distinct(StringComparer.Ordinal).Select(id => new AuditEntry(at, name, role, id, through, detail, kind))];
    }

    /// <summary>
    /// What a request reads through, for <see cref="AuditEntry.Through"/>: its method and route template
    /// (<c>GET /api/v1/customers/by-msisdn/{msisdn}</c>), never the path itself, which may hold a phone number.
    /// </summary>
    public static string Through(HttpContext http)
    {
        // A group's own route ("" under "/api/v1/work-orders") keeps the group's trailing slash; the OpenAPI
        // document, which administrators read the log with, does not.
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.TrimEnd('/') ?? "(unrouted)";
        return $"{http.Request.Method} {(route.Length == 0 ? "/" : route)}";
    }

    private bool TryEnqueue(Pending pending)
    {
        var n = pending.Entries.Count;
        if (Interlocked.Add(ref _queued, n) > options.Value.QueueCapacity || !_queue.Writer.TryWrite(pending))
        {
            Interlocked.Add(ref _queued, -n);
            return false;
        }
        return true;
    }

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
        var batch = new List<Pending>();
        var delay = FirstRetryDelay;
        // Once the queue is closed, waiting to read it would return at once: the backoff must be waited alone.
        var closed = false;
        try
        {
            while (true)
            {
                batch.Clear();
                Take(batch);
                if (batch.Count > 0)
                {
                    if (await WriteAsync(batch))
                    {
                        delay = FirstRetryDelay;
                        ReportDropped();
                        continue;
                    }
                    // Back off, but a new read need not wait out the delay: it tries at once, and fails fast if
                    // PostgreSQL is still away.
                    var backoff = Task.Delay(delay, time, _abort.Token);
                    await (closed ? backoff : Task.WhenAny(backoff, _queue.Reader.WaitToReadAsync(_abort.Token).AsTask()));
                    _abort.Token.ThrowIfCancellationRequested();
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
                    continue;
                }
                if (_stopping.IsCancellationRequested)
                {
                    // From here on a new entry is refused (and counted); the next turns drain what got in before.
                    if (_queue.Writer.TryComplete())
                    {
                        closed = true;
                        continue;
                    }
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
            LogAbandoned(logger, (int)Queued);
        }
        finally
        {
            _queue.Writer.TryComplete();
            _stopped = true;
            foreach (var left in batch.Concat(_retry).Concat(Drain())) left.Done?.TrySetException(new AuditUnavailableException("the audit log stopped"));
            ReportDropped();
        }
    }

    private IEnumerable<Pending> Drain()
    {
        while (_queue.Reader.TryRead(out var pending)) yield return pending;
    }

    // New calls first, then entries being retried, up to a batch (but always at least one call's worth). New first,
    // because a read is waiting on it (entries carry their own times, so order does not matter in the log), and so
    // that after a failure a new call is always in the next attempt: a backlog of retries longer than a batch can
    // neither starve the reads nor turn the backoff into a busy loop.
    private void Take(List<Pending> batch)
    {
        var entries = 0;
        while (entries < options.Value.BatchSize && (_queue.Reader.TryRead(out var pending) || _retry.TryDequeue(out pending)))
        {
            if (pending.Abandoned)
            {
                Interlocked.Add(ref _queued, -pending.Entries.Count);
                continue;
            }
            batch.Add(pending);
            entries += pending.Entries.Count;
        }
    }

    /// <summary>Writes a batch; false when PostgreSQL failed, after failing the waiters and keeping the others for a retry.</summary>
    private async Task<bool> WriteAsync(List<Pending> batch)
    {
        var entries = batch.Count == 1 ? batch[0].Entries : [.. batch.SelectMany(p => p.Entries)];
        try
        {
            try
            {
                await store.InsertAsync(entries, _abort.Token);
            }
            catch (NpgsqlException ex) when (ex.IsTransient && !_abort.IsCancellationRequested)
            {
                // After PostgreSQL restarts, the pool's idle connections are dead and the first write on one fails.
                // Drop them and try once more on a fresh one, or the first reads after the outage would answer 503.
                store.ForgetIdleConnections();
                await store.InsertAsync(entries, _abort.Token);
            }
            Completed(batch);
            return true;
        }
        catch (PostgresException ex) when (IsRefused(ex))
        {
            // A value PostgreSQL will never take must not hold up the log: the entries go one by one, and a call
            // with a refused entry fails (its read answers 503) while the others are written.
            var ok = true;
            foreach (var pending in batch) ok &= await WriteOneByOneAsync(pending);
            return ok;
        }
        catch (Exception ex) when (!_abort.IsCancellationRequested)
        {
            Failed(batch, ex);
            return false;
        }
    }

    private async Task<bool> WriteOneByOneAsync(Pending pending)
    {
        var refused = false;
        var refusedCount = 0;
        try
        {
            foreach (var entry in pending.Entries)
            {
                try
                {
                    await store.InsertAsync([entry], _abort.Token);
                }
                catch (PostgresException one) when (IsRefused(one))
                {
                    LogRefused(logger, one.SqlState, one);
                    refused = true;
                    refusedCount++;
                }
            }
        }
        catch (Exception ex) when (!_abort.IsCancellationRequested)
        {
            // PostgreSQL went away meanwhile: as for a failed batch (what was written may be written again).
            Failed([pending], ex);
            return false;
        }
        Interlocked.Add(ref _queued, -pending.Entries.Count);
        Interlocked.Add(ref _written, pending.Entries.Count - refusedCount);
        if (refused) pending.Done?.TrySetException(new AuditUnavailableException("PostgreSQL refused an audit entry"));
        else pending.Done?.TrySetResult();
        return true;
    }

    // Waiters fail now (their reads answer 503); entries nobody waits for are kept for the retry.
    private void Failed(List<Pending> batch, Exception ex)
    {
        var waiting = 0;
        var entries = 0;
        foreach (var pending in batch)
        {
            entries += pending.Entries.Count;
            if (pending.Done is null)
            {
                _retry.Enqueue(pending);
                continue;
            }
            waiting++;
            Interlocked.Add(ref _queued, -pending.Entries.Count);
            pending.Done.TrySetException(new AuditUnavailableException("the audit log could not be written", ex));
        }
        LogWriteFailed(logger, entries, waiting, Queued, ex);
    }

    private void Completed(List<Pending> batch)
    {
        foreach (var pending in batch)
        {
            Interlocked.Add(ref _queued, -pending.Entries.Count);
            Interlocked.Add(ref _written, pending.Entries.Count);
            pending.Done?.TrySetResult();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log write of {Entries} entries failed ({Waiting} reads answered 503; {Queued} entries still queued for a retry)")]
    private static partial void LogWriteFailed(ILogger logger, int entries, int waiting, long queued, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit log entry refused by PostgreSQL ({SqlState}); dropped")]
    private static partial void LogRefused(ILogger logger, string sqlState, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log stopped before it could write {Entries} queued entries; they are lost")]
    private static partial void LogAbandoned(ILogger logger, int entries);
}
