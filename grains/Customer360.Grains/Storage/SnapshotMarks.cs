using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Customer360.Grains.Storage;

/// <summary>
/// How far each stored customer snapshot reaches (<c>c360_snapshot_marks</c>, schema 014), which is what lets the
/// retention job drop a journal partition: every entry at or below its customer's mark is in a snapshot. Recorded
/// after each snapshot write and written in batches about once a second, off the snapshot's own path; a mark lost
/// with a crashed silo only keeps a partition longer (the job then asks the grain, <see cref="RecordNowAsync"/>).
/// </summary>
public sealed partial class SnapshotMarks(NpgsqlDataSource db, ILogger<SnapshotMarks> logger) : BackgroundService
{
    private const int MaxBatch = 5000;
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, long> _pending = new(StringComparer.Ordinal);

    // A mark only ever grows: a stale activation's lower one (or a late batch) never takes it back.
    private const string UpsertSql = """
        insert into c360_snapshot_marks as m (customer_id, seq)
        select * from unnest(@ids, @seqs) as t(customer_id, seq)
        on conflict (customer_id) do update set seq = excluded.seq where m.seq < excluded.seq
        """;

    /// <summary>Notes that <paramref name="customerId"/>'s stored snapshot reaches <paramref name="seq"/>.</summary>
    public void Record(string customerId, long seq) =>
        _pending.AddOrUpdate(customerId, seq, (_, seen) => Math.Max(seen, seq));

    /// <summary>Writes these marks now, in one statement.</summary>
    public async Task RecordNowAsync(IReadOnlyCollection<(string CustomerId, long Seq)> marks, CancellationToken ct)
    {
        if (marks.Count == 0) return;
        await using var cmd = db.CreateCommand(UpsertSql);
        cmd.Parameters.AddWithValue("ids", marks.Select(m => m.CustomerId).ToArray());
        cmd.Parameters.AddWithValue("seqs", marks.Select(m => m.Seq).ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Pause);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The snapshots written while the silo stopped: best effort, bounded by the host's stop.
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            LogWriteFailed(logger, ex.GetType().Name);
        }
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        while (!_pending.IsEmpty)
        {
            var batch = new List<(string, long)>(Math.Min(MaxBatch, _pending.Count));
            foreach (var (id, seq) in _pending)
            {
                if (batch.Count == MaxBatch) break;
                if (_pending.TryRemove(new KeyValuePair<string, long>(id, seq))) batch.Add((id, seq));
            }
            try
            {
                await RecordNowAsync(batch, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Put them back for the next tick; a partition waits meanwhile, nothing else does.
                foreach (var (id, seq) in batch) Record(id, seq);
                LogWriteFailed(logger, ex.GetType().Name);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing snapshot marks failed ({Error}); retrying")]
    private static partial void LogWriteFailed(ILogger logger, string error);
}
