using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Contracts;
using Customer360.Domain;
using Customer360.Domain.Events;
using Customer360.Grains.Retention;
using Customer360.Grains.Storage;
using Customer360.Testing;
using Npgsql;
using static Customer360.Testing.Events;

namespace Customer360.Cluster.Tests;

/// <summary>
/// The retention job's journal step over real silos and PostgreSQL: events that happened months ago land in their
/// month's partition; a run with a short <c>Retention:JournalMonths</c> drops the old partitions whose entries every
/// profile's snapshot holds (their duplicate-detection ids with them) and keeps one that is not covered; after a
/// restart every profile is what it was. Each test has its own database, so the partitions are its own.
/// </summary>
public sealed class RetentionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    // The job runs only when a test asks (RunNow), not on its reminder.
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Retention:FirstRunDelay"] = "1.00:00:00" };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    private static readonly DateTime ThisMonth = JournalPartitions.MonthOf(DateTimeOffset.UtcNow);

    private static DateTimeOffset MonthsAgo(int months, int day = 10) => new(ThisMonth.AddMonths(-months).AddDays(day - 1), TimeSpan.Zero);

    private static string PartitionOf(DateTimeOffset at) => $"c360_journal_{at.UtcDateTime:yyyy}m{at.UtcDateTime:MM}";

    [Fact]
    public async Task old_partitions_covered_by_snapshots_are_dropped_an_uncovered_one_is_kept_and_profiles_survive_a_restart()
    {
        await using var db = await TestDatabase.CreateAsync();
        var cluster = $"retention-{Guid.NewGuid():N}";
        var prefix = $"R{Guid.NewGuid().ToString("N")[..8]}";
        var customers = Enumerable.Range(1, 4).Select(i => $"{prefix}-{i}").ToList();
        var uncovered = $"{prefix}-U";
        var old = new[] { 7, 6, 5, 3 };
        Dictionary<string, string> before;

        await using (var silo = await TestSilo.StartAsync(db, cluster, Settings()))
        {
            await using (var gateway = await TestGateway.StartAsync(db, cluster))
            {
                // Registered seven months ago, used data in three later months, billed now; posted as a producer posts them.
                var batch = new JsonArray();
                foreach (var (id, i) in customers.Select((id, i) => (id, i)))
                {
                    batch.Add(Registered(id, $"{id}-reg", msisdn: $"1390000{i:0000}", at: MonthsAgo(7)));
                    foreach (var m in old.Skip(1)) batch.Add(Data(id, $"{id}-d{m}", 100 + m * 10 + i, MonthsAgo(m)));
                    foreach (var month in ClosedMonths(3)) batch.Add(Bill(id, $"{id}-b{month}", month, 80 + 200 * i));
                }
                var expected = batch.Count;
                using var http = gateway.CreateIngestClient();
                using var response = await http.PostAsync("/api/v1/events", new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"))
                    .WaitAsync(Wait);
                var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.True(response.IsSuccessStatusCode, $"POST /api/v1/events: {(int)response.StatusCode} {answer}");
                Assert.Equal(expected, answer.GetProperty("accepted").GetInt32());
            }

            // Each event lies in its own month's partition.
            foreach (var m in old.Skip(1))
                Assert.Equal(PartitionOf(MonthsAgo(m)), await db.ScalarAsync<string>(
                    $"select tableoid::regclass::text from c360_journal where event_id = '{customers[0]}-d{m}'"));
            Assert.Equal(PartitionOf(MonthsAgo(7)), await db.ScalarAsync<string>(
                $"select tableoid::regclass::text from c360_journal where event_id = '{customers[0]}-reg'"));

            before = await ViewsAsync(silo.Grains, customers);
            // Stopping deactivates the profiles, which write their snapshots; their marks are written as the silo stops.
            await silo.StopAsync();
        }
        Assert.Equal(customers.Count, await db.ScalarAsync<long>($"select count(*) from c360_snapshot_marks where customer_id like '{prefix}-%'"));

        // A customer whose only entry no snapshot holds, in the oldest month (as if its silo died before the snapshot).
        await InsertUnsnapshottedAsync(db, uncovered, MonthsAgo(7, day: 3));

        var dropped = old.Skip(1).Select(m => PartitionOf(MonthsAgo(m))).ToList();
        await using (var silo = await TestSilo.StartAsync(db, cluster, Settings(("Retention:JournalMonths", "2"), ("Retention:SnapshotsPerRun", "0"))))
        {
            using var metrics = new RetentionMeter(silo.Services);
            var report = await silo.Grains.GetGrain<IRetentionGrain>(0).RunNow().WaitAsync(Wait);

            Assert.True(report.Succeeded);
            Assert.Equal((3, 1, 0), (report.PartitionsDropped, report.PartitionsKept, report.SnapshotsTaken));
            var partitions = await PartitionsAsync(db);
            Assert.Empty(partitions.Intersect(dropped));
            Assert.Contains(PartitionOf(MonthsAgo(7)), partitions);
            // The months ahead are made by the job.
            Assert.Contains(PartitionOf(new DateTimeOffset(ThisMonth.AddMonths(3), TimeSpan.Zero)), partitions);
            // The duplicate-detection ids went with their partitions; the others stay.
            Assert.Equal(0L, await db.ScalarAsync<long>($"select count(*) from c360_journal_ids where event_id like '{prefix}-%-d%'"));
            // The registrations (and the uncovered customer's) lie in the month that was kept.
            Assert.Equal(customers.Count + 1, await db.ScalarAsync<long>($"select count(*) from c360_journal_ids where event_id like '{prefix}-%-reg'"));

            // Every profile as it was, from its snapshot alone.
            Assert.Equal(before, await ViewsAsync(silo.Grains, customers));
            // An event still in the journal is still a duplicate.
            var again = await Ingest.Send(silo.Grains, customers[0], Bill(customers[0], $"{customers[0]}-b{ClosedMonths(3)[0]}", ClosedMonths(3)[0], 80))
                .WaitAsync(Wait);
            Assert.Equal(EventOutcomeKind.Duplicate, again[0].Kind);

            Assert.Equal(1, metrics.Sum("c360.retention.runs", "outcome", "success"));
            Assert.Equal(3, metrics.Sum("c360.retention.removed", "kind", RetentionMetrics.Kinds.JournalPartitions));
            Assert.Equal(1, metrics.Count("c360.retention.duration"));
            Assert.InRange(metrics.Gauge("c360.retention.last_success"), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(),
                DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
            await silo.StopAsync();
        }

        // Allowed to ask: the uncovered customer writes its snapshot, and its month goes too.
        await using (var silo = await TestSilo.StartAsync(db, cluster, Settings(("Retention:JournalMonths", "2"))))
        {
            var report = await silo.Grains.GetGrain<IRetentionGrain>(0).RunNow().WaitAsync(Wait);

            Assert.Equal((1, 0), (report.PartitionsDropped, report.PartitionsKept));
            Assert.True(report.SnapshotsTaken >= 1, $"snapshots taken: {report.SnapshotsTaken}");
            Assert.DoesNotContain(PartitionOf(MonthsAgo(7)), await PartitionsAsync(db));
            Assert.Equal(0L, await db.ScalarAsync<long>($"select count(*) from c360_journal where customer_id like '{prefix}-%' and occurred_at < '{ThisMonth.AddMonths(-2):yyyy-MM-dd}'"));
            Assert.Equal(before, await ViewsAsync(silo.Grains, customers));
            var view = await silo.Grains.GetGrain<ICustomerGrain>(uncovered).GetView("en").WaitAsync(Wait);
            Assert.True(view is not null, "the customer whose month was covered on request has lost its profile");

            // An event of a month the journal no longer keeps is refused with the reason, new or resent alike: its id
            // went with its month, so taking it could count a resent event twice. Its partition is not made again.
            var late = await Ingest.Send(silo.Grains, customers[1], Data(customers[1], $"{customers[1]}-late", 5, MonthsAgo(6)),
                Data(customers[1], $"{customers[1]}-d6", 100 + 60 + 1, MonthsAgo(6))).WaitAsync(Wait);
            Assert.All(late, outcome =>
            {
                Assert.Equal(EventOutcomeKind.Rejected, outcome.Kind);
                Assert.Contains("Retention:JournalMonths", outcome.Error, StringComparison.Ordinal);
            });
            Assert.DoesNotContain(PartitionOf(MonthsAgo(6)), await PartitionsAsync(db));
            // Events within the kept months are taken as before.
            var recent = await Ingest.Send(silo.Grains, customers[1], Data(customers[1], $"{customers[1]}-recent", 5, MonthsAgo(1))).WaitAsync(Wait);
            Assert.Equal(EventOutcomeKind.Accepted, recent[0].Kind);
            await silo.StopAsync();
        }
    }

    [Fact]
    public async Task the_reminder_runs_the_job_soon_after_start_and_makes_the_months_ahead()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var silo = await TestSilo.StartAsync(db, $"retention-{Guid.NewGuid():N}",
            new Dictionary<string, string?> { ["Retention:FirstRunDelay"] = "00:00:01", ["Retention:Interval"] = "00:01:00" });

        var ahead = Enumerable.Range(1, 3).Select(m => PartitionOf(new DateTimeOffset(ThisMonth.AddMonths(m), TimeSpan.Zero))).ToList();
        await Eventually.GetAsync(() => PartitionsAsync(db), p => ahead.All(p.Contains), Wait, "the three months ahead made by the job");
    }

    [Theory]
    [InlineData("Retention:JournalMonths", "0")]
    [InlineData("Retention:Interval", "00:00:10")]
    [InlineData("Retention:TierChangesDays", "29")]
    [InlineData("Retention:ClosedAccountRowsDays", "0")]
    [InlineData("Retention:ErasureAfterClosureDays", "-1")]
    [InlineData("Audit:RetentionDays", "29")]
    public async Task a_bad_retention_setting_stops_the_silo_naming_it(string setting, string value)
    {
        await using var db = await TestDatabase.CreateAsync();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            TestSilo.StartAsync(db, $"bad-{Guid.NewGuid():N}", new Dictionary<string, string?> { [setting] = value }));
        Assert.Contains(setting, failure.ToString());
    }

    private static Task<Dictionary<string, string>> ViewsAsync(IGrainFactory grains, IEnumerable<string> customers) =>
        ProfileViews.OfAsync(grains, customers, Wait);

    private static async Task<List<string>> PartitionsAsync(TestDatabase db)
    {
        await using var conn = new NpgsqlConnection(db.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select inhrelid::regclass::text from pg_inherits where inhparent = 'c360_journal'::regclass", conn);
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    private static async Task InsertUnsnapshottedAsync(TestDatabase db, string customerId, DateTimeOffset at)
    {
        var json = Registered(customerId, $"{customerId}-reg", msisdn: "13900009999", at: at);
        var parsed = EventParser.Parse(JsonDocument.Parse(json.ToJsonString()).RootElement, DateTimeOffset.UtcNow);
        var payload = JsonSerializer.Serialize(parsed.Event!, DomainJson.Options);
        await using var conn = new NpgsqlConnection(db.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            insert into c360_journal_ids (event_id, customer_id, seq) values (@event, @id, 1);
            insert into c360_journal (customer_id, seq, event_id, type, occurred_at, payload) values (@id, 1, @event, 'customer.registered', @at, @payload);
            """, conn);
        cmd.Parameters.AddWithValue("id", customerId);
        cmd.Parameters.AddWithValue("event", $"{customerId}-reg");
        cmd.Parameters.AddWithValue("at", at);
        cmd.Parameters.AddWithValue("payload", payload);
        await cmd.ExecuteNonQueryAsync();
    }
}
