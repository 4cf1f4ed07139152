using System.Diagnostics;
using Customer360.Feeder.Generation;
using Npgsql;
using NpgsqlTypes;

namespace Customer360.Feeder.Bench;

/// <summary>
/// The design the product must beat: every usage event is one UPDATE of the customer's row in its own
/// transaction (one commit, one WAL flush per event), from N connections at once.
/// </summary>
public static class NaiveBaseline
{
    private const string UpdateSql = """
        update bench_naive
           set voice_seconds = voice_seconds + $1, data_mb = data_mb + $2, sms = sms + $3,
               events = events + 1, updated_at = now()
         where customer_id = $4
        """;

    /// <summary>A fresh <c>bench_naive</c> with one row per customer of the population, counters at zero.</summary>
    public static async Task PrepareAsync(NpgsqlDataSource db, long start, long customers, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            drop table if exists bench_naive;
            create table bench_naive (
                customer_id   text primary key,
                voice_seconds bigint        not null default 0,
                data_mb       numeric(18,2) not null default 0,
                sms           bigint        not null default 0,
                events        bigint        not null default 0,
                updated_at    timestamptz);
            insert into bench_naive (customer_id)
                select 'C' || lpad(g::text, 8, '0') from generate_series(@first::bigint, @last::bigint) g;
            """);
        cmd.Parameters.AddWithValue("first", start);
        cmd.Parameters.AddWithValue("last", start + customers - 1);
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
        // VACUUM must run alone (not in a batch of statements): fresh visibility map and statistics for the updates.
        await using var vacuum = db.CreateCommand("vacuum analyze bench_naive");
        vacuum.CommandTimeout = 600;
        await vacuum.ExecuteNonQueryAsync(ct);
    }

    public static async Task<SweepPoint> RunAsync(NpgsqlDataSource db, int connections, TimeSpan duration, long start, long customers, CancellationToken ct)
    {
        long events = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var feed = new UsageFeed("naive", start, customers, Random.Shared.Next() + w);
            await using var conn = await db.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand(UpdateSql, conn);
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Numeric });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
            await cmd.PrepareAsync(ct);
            while (clock.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var (customerId, seconds, mb, sms) = feed.NextCounters();
                cmd.Parameters[0].Value = seconds;
                cmd.Parameters[1].Value = mb;
                cmd.Parameters[2].Value = sms;
                cmd.Parameters[3].Value = customerId;
                if (await cmd.ExecuteNonQueryAsync(ct) == 1) Interlocked.Increment(ref events);
            }
        }, ct)));
        return new SweepPoint(connections, events, clock.Elapsed);
    }
}
