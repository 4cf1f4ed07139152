using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Customer360.Testing;
using Npgsql;
using static Customer360.Testing.Events;

namespace Customer360.Cluster.Tests;

/// <summary>
/// The interactive lane over real HTTP and PostgreSQL: a request of a few events (Ingest:InteractiveMaxEvents) and a
/// staff action are stored while a bulk request is stuck in the journal, and one customer's events still commit in
/// the order they came, whichever lane. The bulk append is held by the test's own transaction, which holds one of its
/// event ids uncommitted: PostgreSQL makes the journal's insert of that id wait until the test rolls back.
/// </summary>
public sealed class InteractiveLaneTests
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task small_requests_and_staff_actions_pass_a_stuck_bulk_commit_and_a_customers_later_event_commits_after_its_bulk_one()
    {
        await using var db = await TestDatabase.CreateAsync();
        var cluster = $"lanes-{Guid.NewGuid():N}";
        // One bulk writer: once it is stuck, only the interactive lane can commit anything.
        await using var silo = await TestSilo.StartAsync(db, cluster, new Dictionary<string, string?> { ["Journal:Writers"] = "1" });
        await using var gateway = await TestGateway.StartAsync(db, cluster, new Dictionary<string, string?> { ["Ingest:InteractiveMaxEvents"] = "10" });
        using var producer = gateway.CreateIngestClient();
        using var admin = await gateway.CreateSignedInClientAsync("admin");

        var run = Guid.NewGuid().ToString("N")[..8];
        var (x, y) = ($"LX{run}", $"LY{run}");
        await PostAsync(producer, Registered(x, $"{x}-reg", msisdn: "13900070001"), Registered(y, $"{y}-reg", msisdn: "13900070002"));

        // The test takes the first bulk event's id first, uncommitted: the journal's write of it waits on this transaction.
        var bulkIds = Enumerable.Range(1, 11).Select(i => $"{x}-bulk-{i}").ToArray();
        await using var owner = NpgsqlDataSource.Create(db.OwnerConnectionString);
        await using var blocker = await owner.OpenConnectionAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("insert into c360_journal_ids (event_id, customer_id, seq) values (@id, @customer, 1)", blocker, hold))
        {
            take.Parameters.AddWithValue("id", bulkIds[0]);
            take.Parameters.AddWithValue("customer", $"blocker-{run}");
            await take.ExecuteNonQueryAsync();
        }
        var blockerPid = blocker.ProcessID;

        // Eleven events: one more than Ingest:InteractiveMaxEvents, so bulk.
        var bulk = PostAsync(producer, [.. bulkIds.Select(id => Data(x, id, 1m))]);
        await Eventually.GetAsync(() => WaitersOnAsync(owner, blockerPid), n => n > 0, Answer, "the bulk commit waiting on the test's transaction");

        // Ten events (the most a request may hold and be interactive), one event, and a staff action: all stored meanwhile.
        await PostAsync(producer, [.. Enumerable.Range(1, 10).Select(i => Data(y, $"{y}-ten-{i}", 1m))]).WaitAsync(Answer);
        await PostAsync(producer, Data(y, $"{y}-one", 1m)).WaitAsync(Answer);
        using (var tagged = await admin.PostAsJsonAsync($"/api/v1/customers/{y}/tags", new { tag = "lane-test" }).WaitAsync(Answer))
            Assert.True(tagged.IsSuccessStatusCode, await tagged.Content.ReadAsStringAsync());
        // The bulk request cannot have been answered: its commit still waits on the test's transaction.
        Assert.False(bulk.IsCompleted, "the bulk request was answered while its commit was held");

        // X's interactive event, sent while X's bulk batch is stuck in the journal, must come after it.
        var later = PostAsync(producer, Data(x, $"{x}-later", 1m));
        await hold.RollbackAsync();
        await Task.WhenAll(bulk, later).WaitAsync(Answer);

        var journaled = await JournalOfAsync(owner, x);
        Assert.Equal([$"{x}-reg", .. bulkIds, $"{x}-later"], journaled.Select(e => e.EventId));
        Assert.Equal(Enumerable.Range(1, 13).Select(i => (long)i), journaled.Select(e => e.Seq));
        // The profile that applied them answers.
        using var profile = await admin.GetAsync($"/api/v1/customers/{x}").WaitAsync(Answer);
        Assert.True(profile.IsSuccessStatusCode, await profile.Content.ReadAsStringAsync());
    }

    private static async Task PostAsync(HttpClient producer, params JsonObject[] events)
    {
        using var response = await producer.PostAsJsonAsync("/api/v1/events", new JsonArray([.. events])).WaitAsync(Answer);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var answer = JsonNode.Parse(body)!;
        Assert.Equal(events.Length, (int)answer["accepted"]!);
    }

    private static async Task<long> WaitersOnAsync(NpgsqlDataSource db, int blockerPid)
    {
        await using var cmd = db.CreateCommand("select count(*) from pg_locks l where not l.granted and @pid = any(pg_blocking_pids(l.pid))");
        cmd.Parameters.AddWithValue("pid", blockerPid);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<List<(string EventId, long Seq)>> JournalOfAsync(NpgsqlDataSource db, string customerId)
    {
        await using var cmd = db.CreateCommand("select event_id, seq from c360_journal where customer_id = @c order by seq");
        cmd.Parameters.AddWithValue("c", customerId);
        var found = new List<(string, long)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) found.Add((reader.GetString(0), reader.GetInt64(1)));
        return found;
    }
}
