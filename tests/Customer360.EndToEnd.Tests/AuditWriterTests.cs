using Customer360.Gateway.Audit;
using Customer360.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// The audit log's writer against a real PostgreSQL: reads wait for their commit and fail rather than go unaudited;
/// entries nobody waits for survive outages; a full queue, a graceful stop.
/// </summary>
public sealed class AuditWriterTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private static AuditEntry Entry(string through, string? detail = null) =>
        new(DateTimeOffset.UtcNow, "admin", "admin", "AW1", through, detail);

    private static AuditLog Log(NpgsqlDataSource db, CapturedLog<AuditLog> log, int queueCapacity = 1000, int batchSize = 100,
        TimeSpan? writeTimeout = null) =>
        new(new AuditStore(db), Options.Create(new AuditOptions
        {
            QueueCapacity = queueCapacity, BatchSize = batchSize, WriteTimeout = writeTimeout ?? TimeSpan.FromSeconds(10),
        }), TimeProvider.System, log);

    // A connection of its own each time, outside any pool: the probe must not trip over connections a restart
    // killed, nor tidy up after the writer, whose pool has to cope with the restart by itself.
    private static async Task<long> CountAsync(TestDatabase db, string through)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select count(*) from c360_audit where through = @through", conn);
        cmd.Parameters.AddWithValue("through", through);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<long> TransactionsAsync(TestDatabase db, string through) =>
        await db.ScalarAsync<long>($"select count(distinct xmin::text) from c360_audit where through = '{through}'");

    private static async Task StopAsync(AuditLog audit)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await audit.StopAsync(timeout.Token).WaitAsync(Wait);
    }

    [Fact]
    public async Task entries_recorded_while_postgres_is_down_are_written_after_it_returns()
    {
        await using var postgres = await PrivatePostgres.CreateAsync("audit-outage");
        await using var db = await TestDatabase.CreateAsync(postgres.ServerConnectionString);
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        var log = new CapturedLog<AuditLog>();
        var audit = Log(source, log, batchSize: 7);
        await audit.StartAsync(CancellationToken.None);
        try
        {
            audit.Record(Entry("before"));
            await Eventually.GetAsync(() => CountAsync(db, "before"), n => n == 1, Wait, "the entry recorded before the outage");

            await postgres.StopAsync();
            for (var i = 0; i < 40; i++) audit.Record(Entry("during"));
            await Eventually.GetAsync(() => Task.FromResult(log.Lines.Count(l => l.Message.Contains("failed", StringComparison.Ordinal))),
                n => n >= 2, Wait, "the writer failing and retrying while PostgreSQL is down");

            await postgres.StartAsync();
            var written = await Eventually.GetAsync(() => CountAsync(db, "during"), n => n >= 40, Wait,
                $"the entries recorded during the outage, after PostgreSQL is back (log: {log})");
            Assert.Equal(40, written);
            Assert.Equal(0L, audit.Queued);
            Assert.DoesNotContain(log.Lines, l => l.Message.Contains("dropped", StringComparison.Ordinal));
        }
        finally
        {
            await StopAsync(audit);
        }
    }

    [Fact]
    public async Task entries_beyond_the_queue_capacity_are_dropped_and_counted_in_a_warning()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        var log = new CapturedLog<AuditLog>();
        var audit = Log(source, log, queueCapacity: 5);
        // Not started yet, so nothing leaves the queue: 5 fit, 7 do not.
        for (var i = 0; i < 12; i++) audit.Record(Entry("full"));
        await audit.StartAsync(CancellationToken.None);
        await StopAsync(audit);

        Assert.Equal(5, await CountAsync(db, "full"));
        var warning = Assert.Single(log.Lines, l => l.Message.Contains("dropped", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("7 entries dropped", warning.Message);
    }

    [Fact]
    public async Task a_graceful_stop_writes_what_is_queued()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        var audit = Log(source, new CapturedLog<AuditLog>(), batchSize: 10);
        await audit.StartAsync(CancellationToken.None);
        for (var i = 0; i < 250; i++) audit.Record(Entry("stop"));
        await StopAsync(audit);

        Assert.Equal(250, await CountAsync(db, "stop"));
    }

    [Fact]
    public async Task an_entry_postgres_refuses_is_dropped_with_an_error_and_the_rest_of_its_batch_is_written()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        var log = new CapturedLog<AuditLog>();
        var audit = Log(source, log);
        audit.Record(Entry("refused"));
        audit.Record(Entry("refused", detail: "a NUL \0 PostgreSQL cannot store"));
        audit.Record(Entry("refused"));
        await audit.StartAsync(CancellationToken.None);
        await StopAsync(audit);

        Assert.Equal(2, await CountAsync(db, "refused"));
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_read_is_recorded_only_once_its_entry_is_committed()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        var audit = Log(source, new CapturedLog<AuditLog>());
        await audit.StartAsync(CancellationToken.None);
        try
        {
            await audit.RecordAsync(Entry("committed")).WaitAsync(Wait);
            // No waiting here: once RecordAsync is done, the row is there for anyone to see.
            Assert.Equal(1, await CountAsync(db, "committed"));
        }
        finally
        {
            await StopAsync(audit);
        }
    }

    [Fact]
    public async Task reads_recorded_while_a_batch_is_written_are_committed_together_in_one_transaction()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        var audit = Log(source, new CapturedLog<AuditLog>(), batchSize: 100);
        // Not started yet: the 60 reads gather as they would behind a batch being written.
        var reads = Enumerable.Range(0, 60).Select(_ => audit.RecordAsync(Entry("group"))).ToList();
        await audit.StartAsync(CancellationToken.None);
        try
        {
            await Task.WhenAll(reads).WaitAsync(Wait);
            Assert.Equal(60, await CountAsync(db, "group"));
            Assert.Equal(1, await TransactionsAsync(db, "group"));
        }
        finally
        {
            await StopAsync(audit);
        }
    }

    [Fact]
    public async Task a_list_read_is_committed_with_one_entry_per_customer_in_the_same_transaction()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        var audit = Log(source, new CapturedLog<AuditLog>(), batchSize: 2);
        await audit.StartAsync(CancellationToken.None);
        try
        {
            // More entries than a batch: a call's entries are still never split over two commits.
            var lines = Enumerable.Range(0, 5).Select(i => Entry("list") with { CustomerId = $"AW-L{i}", Kind = AuditKinds.List }).ToList();
            await audit.RecordAsync(lines).WaitAsync(Wait);
            Assert.Equal(5, await CountAsync(db, "list"));
            Assert.Equal(1, await TransactionsAsync(db, "list"));
            Assert.Equal(5, await db.ScalarAsync<long>("select count(*) from c360_audit where through = 'list' and kind = 'list'"));
        }
        finally
        {
            await StopAsync(audit);
        }
    }

    [Fact]
    public async Task while_postgres_is_down_a_read_fails_as_unavailable_and_is_not_written_and_reads_succeed_once_it_returns()
    {
        await using var postgres = await PrivatePostgres.CreateAsync("audit-read-outage");
        await using var db = await TestDatabase.CreateAsync(postgres.ServerConnectionString);
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        var audit = Log(source, new CapturedLog<AuditLog>(), writeTimeout: TimeSpan.FromSeconds(5));
        await audit.StartAsync(CancellationToken.None);
        try
        {
            await audit.RecordAsync(Entry("up")).WaitAsync(Wait);

            await postgres.StopAsync();
            await Assert.ThrowsAsync<AuditUnavailableException>(() => audit.RecordAsync(Entry("down")).WaitAsync(Wait));

            await postgres.StartAsync();
            // The pool may hand out a connection the restart broke: the first read after it may fail as well.
            await Eventually.GetAsync(async () =>
            {
                try
                {
                    await audit.RecordAsync(Entry("back")).WaitAsync(Wait);
                    return true;
                }
                catch (AuditUnavailableException)
                {
                    return false;
                }
            }, ok => ok, Wait, "a read recorded after PostgreSQL is back");
            Assert.Equal(0, await CountAsync(db, "down"));
            Assert.Equal(0L, audit.Queued);
        }
        finally
        {
            await StopAsync(audit);
        }
    }

    [Fact]
    public async Task a_read_not_committed_within_the_write_timeout_fails_as_unavailable_and_is_then_not_written()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        var audit = Log(source, new CapturedLog<AuditLog>(), writeTimeout: TimeSpan.FromMilliseconds(300));
        // The writer is not running, as if stuck on a PostgreSQL that does not answer.
        await Assert.ThrowsAsync<AuditUnavailableException>(() => audit.RecordAsync(Entry("late")).WaitAsync(Wait));
        await audit.StartAsync(CancellationToken.None);
        await StopAsync(audit);

        Assert.Equal(0, await CountAsync(db, "late"));
    }

    [Fact]
    public async Task a_read_finding_the_queue_full_fails_as_unavailable_at_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        var audit = Log(source, new CapturedLog<AuditLog>(), queueCapacity: 3);
        for (var i = 0; i < 3; i++) audit.Record(Entry("queued"));
        var failure = await Assert.ThrowsAsync<AuditUnavailableException>(() => audit.RecordAsync(Entry("no-room")).WaitAsync(Wait));
        Assert.Contains("Audit:QueueCapacity", failure.Message);
        await audit.StartAsync(CancellationToken.None);
        await StopAsync(audit);

        Assert.Equal(3, await CountAsync(db, "queued"));
        Assert.Equal(0, await CountAsync(db, "no-room"));
    }
}
