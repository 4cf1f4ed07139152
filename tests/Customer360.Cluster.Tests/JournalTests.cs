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

    [Fact]
    public async Task registrations_copied_in_one_batch_keep_the_msisdn_index_on_the_newest_number_and_a_repeat_stays_a_duplicate()
    {
        await using var db = NpgsqlDataSource.Create(fixture.Db.SiloConnectionString);
        var journal = new PostgresEventJournal(db, new JournalPartitions(db), Options.Create(new JournalOptions { StatementBatchesAfterDuplicate = 1 }),
            NullLogger<PostgresEventJournal>.Instance);
        await journal.StartAsync(CancellationToken.None);
        try
        {
            var (a, b, late) = ($"JA{Guid.NewGuid():N}", $"JB{Guid.NewGuid():N}", $"JL{Guid.NewGuid():N}");
            var number = $"139{Random.Shared.NextInt64(10_000_000, 99_999_999)}";
            var now = DateTimeOffset.UtcNow;
            var regA = Registration(a, number, now.AddMinutes(-2));
            // Two customers registered at once, as onboarding sends them: the number was given to b later than to a.
            var appends = new[]
            {
                journal.AppendAsync(a, [new JournalEntry(1, regA), Entry(a, 2, Id("a-usage"))]),
                journal.AppendAsync(b, [new JournalEntry(1, Registration(b, number, now.AddMinutes(-1)))]),
            };
            Assert.All(await Task.WhenAll(appends).WaitAsync(TimeSpan.FromSeconds(30)), Assert.Empty);
            Assert.Equal(b, await Owner(db, number));

            // A late registration that named the number before b got it does not take it back.
            Assert.Empty(await journal.AppendAsync(late, [new JournalEntry(1, Registration(late, number, now.AddMinutes(-3)))]).WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(b, await Owner(db, number));

            // a's registration sent again (a replay) is a duplicate, and changes nothing.
            Assert.Equal([regA.EventId], await journal.AppendAsync(a, [new JournalEntry(3, regA)]).WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(b, await Owner(db, number));
            Assert.Equal([1L, 2L], (await journal.ReadAfterAsync(a, 0).WaitAsync(TimeSpan.FromSeconds(30))).Select(e => e.Seq));
        }
        finally
        {
            await journal.StopAsync(CancellationToken.None);
        }
    }

    private static CustomerEvent Registration(string customer, string msisdn, DateTimeOffset at) =>
        Ingest.Parse(Events.Registered(customer, Id("reg"), msisdn: msisdn, at: at));

    private static async Task<string?> Owner(NpgsqlDataSource db, string msisdn)
    {
        await using var cmd = db.CreateCommand("select customer_id from c360_msisdn where msisdn = @m");
        cmd.Parameters.AddWithValue("m", msisdn);
        return (string?)await cmd.ExecuteScalarAsync();
    }

    private static string Id(string name) => $"{name}-{Guid.NewGuid():N}";

    private static JournalEntry Entry(string customer, long seq, string eventId) =>
        new(seq, new CustomerEvent(eventId, customer, null, DateTimeOffset.UtcNow, new DataUsed(seq + 0m, false)));
}
