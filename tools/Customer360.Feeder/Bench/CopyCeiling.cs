using System.Diagnostics;
using System.Text;
using Customer360.Feeder.Generation;
using Npgsql;
using NpgsqlTypes;

namespace Customer360.Feeder.Bench;

/// <summary>
/// What PostgreSQL itself can take on this machine: the same usage events appended with binary COPY into a table
/// shaped like <c>c360_journal</c> (same columns and collations, primary key and unique event_id index), one commit per batch.
/// No per-customer logic at all — a ceiling, not a design.
/// </summary>
public static class CopyCeiling
{
    private const string CopySql = "copy bench_copy_journal (customer_id, seq, event_id, type, occurred_at, payload) from stdin (format binary)";

    /// <summary>An empty <c>bench_copy_journal</c>, so every step of the sweep starts from the same table.</summary>
    public static async Task PrepareAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            drop table if exists bench_copy_journal;
            create table bench_copy_journal (
                customer_id text        collate "C" not null,
                seq         bigint      not null,
                event_id    text        collate "C" not null,
                type        text        not null,
                occurred_at timestamptz not null,
                recorded_at timestamptz not null default now(),
                payload     text        not null,
                constraint pk_bench_copy_journal primary key (customer_id, seq));
            create unique index ux_bench_copy_journal_event_id on bench_copy_journal (event_id);
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<SweepPoint> RunAsync(NpgsqlDataSource db, int connections, int batchRows, TimeSpan duration,
        long start, long customers, CancellationToken ct)
    {
        await PrepareAsync(db, ct);
        var runId = "c" + Guid.NewGuid().ToString("N")[..10];
        long events = 0, seq = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var feed = new UsageFeed(runId, start, customers, Random.Shared.Next() + w);
            var builder = new NdjsonBuilder();
            var records = new UsageRecord[batchRows];
            var ends = new int[batchRows];
            await using var conn = await db.OpenConnectionAsync(ct);
            while (clock.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var first = Interlocked.Add(ref seq, batchRows) - batchRows + 1;
                var now = DateTimeOffset.UtcNow;
                for (var i = 0; i < batchRows; i++)
                {
                    records[i] = feed.Write(builder, first + i, now);
                    ends[i] = builder.Bytes - 1; // without the newline
                }
                var body = builder.Take().Body;
                // Each COPY is its own transaction: the rows are committed (and flushed) when it completes.
                await using (var writer = await conn.BeginBinaryImportAsync(CopySql, ct))
                {
                    var from = 0;
                    for (var i = 0; i < batchRows; i++)
                    {
                        var r = records[i];
                        await writer.StartRowAsync(ct);
                        await writer.WriteAsync(r.CustomerId, NpgsqlDbType.Text, ct);
                        await writer.WriteAsync(first + i, NpgsqlDbType.Bigint, ct);
                        await writer.WriteAsync(r.EventId, NpgsqlDbType.Text, ct);
                        await writer.WriteAsync(r.Type, NpgsqlDbType.Text, ct);
                        await writer.WriteAsync(r.OccurredAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
                        await writer.WriteAsync(Encoding.UTF8.GetString(body.Span[from..ends[i]]), NpgsqlDbType.Text, ct);
                        from = ends[i] + 1;
                    }
                    await writer.CompleteAsync(ct);
                }
                Interlocked.Add(ref events, batchRows);
            }
        }, ct)));
        return new SweepPoint(connections, events, clock.Elapsed);
    }
}
