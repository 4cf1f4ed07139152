using Customer360.Grains.Storage;
using Customer360.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Cluster.Tests;

/// <summary>The journal's queues have bounds, with a stated behaviour when full (Journal:ReadQueueCapacity).</summary>
public sealed class JournalBoundsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task a_read_past_the_read_queue_capacity_fails_at_once_and_the_queued_ones_are_answered_once_the_reader_runs()
    {
        await using var db = NpgsqlDataSource.Create(fixture.Db.SiloConnectionString);
        var journal = new PostgresEventJournal(db, new JournalPartitions(db), Options.Create(new JournalOptions { ReadQueueCapacity = 2 }),
            NullLogger<PostgresEventJournal>.Instance);
        var customer = $"JB{Guid.NewGuid():N}";

        // The reader is not running yet: reads stay queued, as they do while it waits on a slow PostgreSQL.
        var first = journal.ReadAfterAsync(customer, 0);
        var second = journal.ReadAfterAsync(customer, 0);
        var refused = await Assert.ThrowsAsync<JournalBusyException>(() => journal.ReadAfterAsync(customer, 0)).WaitAsync(Wait);
        Assert.Contains("Journal:ReadQueueCapacity", refused.Message);
        Assert.False(first.IsCompleted || second.IsCompleted);

        await journal.StartAsync(CancellationToken.None);
        try
        {
            Assert.Empty(await first.WaitAsync(Wait));
            Assert.Empty(await second.WaitAsync(Wait));
            // Room again: the next read is queued and answered, not refused.
            Assert.Empty(await journal.ReadAfterAsync(customer, 0).WaitAsync(Wait));
        }
        finally
        {
            await journal.StopAsync(CancellationToken.None).WaitAsync(Wait);
        }
    }
}
