using Customer360.Domain.Events;
using Customer360.Grains.Storage;
using Customer360.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Cluster.Tests;

/// <summary>
/// The journal against real PostgreSQL: usage goes in by binary COPY, and whatever COPY cannot take — a repeated
/// event id, a sequence number another activation already wrote — is sorted out by the statement behind it.
/// </summary>
public sealed class JournalTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task a_repeated_id_is_reported_and_skipped_a_taken_sequence_number_fails_and_nothing_else_is_lost()
    {
        await using var db = NpgsqlDataSource.Create(fixture.Db.SiloConnectionString);
        var journal = new PostgresEventJournal(db, new JournalPartitions(db), Options.Create(new JournalOptions { StatementBatchesAfterDuplicate = 1 }),
            NullLogger<PostgresEventJournal>.Instance);
        await journal.StartAsync(CancellationToken.None);
        try
        {
            var customer = $"J{Guid.NewGuid():N}";
            var (a, b, c, d) = (Id("a"), Id("b"), Id("c"), Id("d"));

            Assert.Empty(await journal.AppendAsync(customer, [Entry(customer, 1, a), Entry(customer, 2, b)]));
            // COPY meets the repeated id and is rolled back whole; the statement skips only the repeat.
            Assert.Equal([a], await journal.AppendAsync(customer, [Entry(customer, 3, a), Entry(customer, 4, c)]));
            // Sequence 4 is taken, as if another activation of the customer had written it: that append must fail.
            await Assert.ThrowsAsync<PostgresException>(() => journal.AppendAsync(customer, [Entry(customer, 4, d)]));
            // After the one statement batch, COPY again.
            Assert.Empty(await journal.AppendAsync(customer, [Entry(customer, 5, d)]));

            var stored = await journal.ReadAfterAsync(customer, 0);
            Assert.Equal([(1L, a), (2L, b), (4L, c), (5L, d)], stored.Select(e => (e.Seq, e.Event.EventId)));
            Assert.Equal(12m, stored.Sum(e => ((DataUsed)e.Event.Payload).Mb));
        }
        finally
        {
            await journal.StopAsync(CancellationToken.None);
        }
    }

    private static string Id(string name) => $"{name}-{Guid.NewGuid():N}";

    private static JournalEntry Entry(string customer, long seq, string eventId) =>
        new(seq, new CustomerEvent(eventId, customer, null, DateTimeOffset.UtcNow, new DataUsed(seq + 0m, false)));
}
