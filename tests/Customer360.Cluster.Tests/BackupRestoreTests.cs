using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Contracts;
using Customer360.Domain;
using Customer360.Domain.Events;
using Customer360.Testing;
using Npgsql;
using Xunit.Abstractions;
using static Customer360.Testing.Events;

namespace Customer360.Cluster.Tests;

/// <summary>
/// The backup and restore procedure of the README, run as an administrator runs it: <c>scripts/backup.sh</c>
/// (pg_dump), then on a fresh database <c>Customer360.Silo create-roles</c>, <c>scripts/restore.sh</c>
/// (pg_restore) and <c>Customer360.Silo migrate</c>; a new cluster on the restored database must show every
/// profile as it was and go on ingesting.
/// </summary>
public sealed class BackupRestoreTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private TestDatabase Db => fixture.Db;

    [Fact]
    public async Task a_restored_backup_starts_a_cluster_whose_profiles_equal_the_originals_and_ingestion_goes_on()
    {
        // The same ServiceId after the restore, as the procedure says: snapshots and reminders are stored under it.
        var cluster = $"backup-{Guid.NewGuid():N}";
        UsageFeed feed;
        var months = ClosedMonths(3);
        Dictionary<string, string> profiles;
        Dictionary<string, long> versions;
        await using (var silo = await TestSilo.StartAsync(Db, cluster))
        {
            await using (var gateway = await TestGateway.StartAsync(Db, cluster))
            {
                using var producer = gateway.CreateIngestClient();
                feed = new UsageFeed(producer, $"B{Guid.NewGuid().ToString("N")[..8]}", customers: 8);
                await feed.RegisterAsync();
                // Bills from low to high, so that the customers differ in tier and what follows from it.
                for (var i = 0; i < feed.CustomerIds.Count; i++)
                {
                    var id = feed.CustomerIds[i];
                    await Ingest.Send(silo.Grains, id, [.. months.Select(m => Bill(id, BillId(id, m), m, 30 + 60 * i))])
                        .WaitAsync(Wait);
                }
                using var stop = new CancellationTokenSource();
                var producing = feed.RunAsync(producers: 3, stop.Token);
                await feed.WaitUntilAcceptedAsync(300, Wait, "usage events accepted before the backup");
                stop.Cancel();
                await producing.WaitAsync(TimeSpan.FromSeconds(100));
            }

            profiles = await ProfilesAsync(silo.Grains, feed.CustomerIds);
            versions = profiles.ToDictionary(p => p.Key, p => JsonDocument.Parse(p.Value).RootElement.GetProperty("Version").GetInt64());
            var tiers = profiles.Values.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("Derived").GetProperty("Tier"))
                .Select(t => t.ValueKind == JsonValueKind.Null ? "none" : t.GetProperty("Tier").ToString()).Distinct().ToList();
            Assert.True(tiers.Count > 1 && !tiers.Contains("none"), $"the customers should differ in tier before the backup; tiers: {string.Join(", ", tiers)}");
            // The read model is written a little after the profiles (and only when a line changes): the backup is taken
            // once it shows every customer's tier, so that what it restores is worth comparing.
            await Eventually.GetAsync(() => Db.ScalarAsync<long>(
                    $"select count(*) from c360_customer_index where customer_id like '{feed.Prefix}-%' and tier is not null"),
                tiered => tiered == feed.CustomerIds.Count, Wait, "every customer's tier in the read model");
            await silo.StopAsync();
        }
        var readModel = await ReadModelAsync(Db.ConnectionString, feed.Prefix);
        var journaled = await Db.ScalarAsync<long>($"select count(*) from c360_journal where customer_id like '{feed.Prefix}-%'");

        var folder = Directory.CreateTempSubdirectory("c360-backup-");
        try
        {
            var dump = Path.Combine(folder.FullName, "customer360.dump");
            output.WriteLine(await AdminProgram.ScriptAsync("backup.sh", Libpq(Db.ConnectionString, Db.Name), dump));
            Assert.True(File.Exists(dump + ".sha256"), "backup.sh wrote no checksum next to the dump");

            await using var restored = await RestoreAsync(dump);

            Assert.Equal(readModel, await ReadModelAsync(restored.ConnectionString, feed.Prefix));
            Assert.Equal(journaled, await restored.ScalarAsync<long>($"select count(*) from c360_journal where customer_id like '{feed.Prefix}-%'"));
            Assert.Equal(0L, await restored.ScalarAsync<long>("select count(*) from c360_membership"));
            // Restored as the owner role, so its later migrations may alter every table.
            Assert.Equal("", await restored.ScalarAsync<string>($"""
                select coalesce(string_agg(relname, ', '), '') from pg_class
                where relnamespace = 'public'::regnamespace and relowner <> '{restored.Roles.Owner}'::regrole
                """));

            // The new cluster runs as the silo and gateway roles: the grants migrate gave must suffice.
            await using var silo = await TestSilo.StartAsync(restored, cluster);
            var after = await ProfilesAsync(silo.Grains, feed.CustomerIds);
            var differing = feed.CustomerIds.Where(id => after[id] != profiles[id])
                .Select(id => $"{id}:\n  before {profiles[id]}\n  after  {after[id]}").ToList();
            Assert.True(differing.Count == 0, "profiles differ after the restore:\n" + string.Join('\n', differing));

            // Ingestion goes on: a new event applies on top of the restored version, an event of the backup is a duplicate.
            await using var gateway = await TestGateway.StartAsync(restored, cluster);
            using var http = gateway.CreateIngestClient();
            var first = feed.CustomerIds[0];
            var batch = new JsonArray(Data(first, $"{first}-after-restore", 2.5m), Bill(first, BillId(first, months[0]), months[0], 30));
            using var response = await http.PostAsync("/api/v1/events", new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"))
                .WaitAsync(Wait);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.IsSuccessStatusCode, $"POST /api/v1/events after the restore: {(int)response.StatusCode} {answer}");
            Assert.Equal((1, 1), (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("duplicates").GetInt32()));
            var view = await silo.Grains.GetGrain<ICustomerGrain>(first).GetView("en").WaitAsync(Wait);
            Assert.Equal(versions[first] + 1, view!.Version);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task a_backup_taken_during_a_feed_restores_profiles_that_agree_with_the_journal_it_holds()
    {
        var cluster = $"online-{Guid.NewGuid():N}";
        var folder = Directory.CreateTempSubdirectory("c360-backup-");
        try
        {
            var dump = Path.Combine(folder.FullName, "customer360.dump");
            UsageFeed feed;
            await using (var silo = await TestSilo.StartAsync(Db, cluster))
            await using (var gateway = await TestGateway.StartAsync(Db, cluster))
            {
                using var producer = gateway.CreateIngestClient();
                feed = new UsageFeed(producer, $"O{Guid.NewGuid().ToString("N")[..8]}", customers: 6);
                await feed.RegisterAsync();
                using var stop = new CancellationTokenSource();
                var producing = feed.RunAsync(producers: 3, stop.Token);
                await feed.WaitUntilAcceptedAsync(200, Wait, "usage events accepted before the backup");
                // Online: the silo writes journal, snapshots and read model while pg_dump reads them, and its own
                // membership row says Active.
                output.WriteLine(await AdminProgram.ScriptAsync("backup.sh", Libpq(Db.ConnectionString, Db.Name), dump));
                var acceptedAtBackup = feed.AcceptedEvents;
                await feed.WaitUntilAcceptedAsync(acceptedAtBackup + 100, Wait, "usage events accepted after the backup");
                stop.Cancel();
                await producing.WaitAsync(TimeSpan.FromSeconds(100));
            }
            var journaled = await Db.ScalarAsync<long>($"select count(*) from c360_journal where customer_id like '{feed.Prefix}-%'");

            await using var restored = await RestoreAsync(dump);
            var usage = await JournaledUsageAsync(restored.ConnectionString, feed.Prefix);
            var held = usage.Values.Sum(u => u.Events);
            Assert.True(held > 0 && held < journaled, $"the backup holds {held} of the feed's {journaled} journaled events: it was not taken mid-feed");

            await using var restarted = await TestSilo.StartAsync(restored, cluster);
            var wrong = new List<string>();
            foreach (var id in feed.CustomerIds)
            {
                var view = await restarted.Grains.GetGrain<ICustomerGrain>(id).GetView("en").WaitAsync(Wait);
                Assert.True(view is not null, $"{id} has no profile after the restore");
                var months = view.Usage.History.Select(m => (m.DataMb, m.VoiceMinutes, m.Sms))
                    .Append((view.Usage.DataMb, view.Usage.VoiceMinutes, view.Usage.Sms)).ToList();
                var shown = (DataMb: months.Sum(m => m.DataMb), VoiceMinutes: months.Sum(m => m.VoiceMinutes), Sms: months.Sum(m => m.Sms));
                var inJournal = usage.GetValueOrDefault(id) ?? new JournaledUsage();
                var want = (inJournal.DataMb, VoiceMinutes: inJournal.VoiceSeconds / 60m, inJournal.Sms);
                if (shown != want) wrong.Add($"{id}: profile shows {shown}, the restored journal holds {want}");
            }
            Assert.True(wrong.Count == 0, "restored profiles disagree with the restored journal:\n" + string.Join('\n', wrong));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task backup_never_overwrites_a_file_and_restore_refuses_a_used_database_a_damaged_file_and_an_application_role()
    {
        var folder = Directory.CreateTempSubdirectory("c360-backup-");
        try
        {
            var dump = Path.Combine(folder.FullName, "customer360.dump");
            await AdminProgram.ScriptAsync("backup.sh", Libpq(Db.ConnectionString, Db.Name), dump);
            var backedUp = await File.ReadAllBytesAsync(dump);

            Assert.Contains("already exists", await AdminProgram.ScriptRefusesAsync("backup.sh", Libpq(Db.ConnectionString, Db.Name), dump));
            Assert.Equal(backedUp, await File.ReadAllBytesAsync(dump));

            // Into the database it came from: not empty.
            Assert.Contains("is not empty", await AdminProgram.ScriptRefusesAsync("restore.sh", Libpq(Db.ConnectionString, Db.Name), dump));

            await using var fresh = TestDatabase.Reserve();
            await AdminProgram.SiloCommandAsync("create-roles", new Dictionary<string, string>
            {
                ["ConnectionStrings:Admin"] = new NpgsqlConnectionStringBuilder(Db.ConnectionString) { Database = fresh.Name }.ConnectionString,
            });
            Assert.Contains("Connect as a superuser or as c360_owner",
                await AdminProgram.ScriptRefusesAsync("restore.sh", Libpq(fresh.GatewayConnectionString, fresh.Name), dump));

            var damaged = (byte[])backedUp.Clone();
            damaged[damaged.Length / 2] ^= 0xFF;
            await File.WriteAllBytesAsync(dump, damaged);
            Assert.Contains("does not match its checksum", await AdminProgram.ScriptRefusesAsync("restore.sh", Libpq(Db.ConnectionString, fresh.Name), dump));
            Assert.Equal(0L, await fresh.ScalarAsync<long>("select count(*) from pg_class where relnamespace = 'public'::regnamespace"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The restore procedure of the README on a fresh database: <c>create-roles</c> (as the administrator, naming the
    /// new database), <c>scripts/restore.sh</c> (as the administrator), <c>migrate</c> (as the owner role).
    /// </summary>
    private async Task<TestDatabase> RestoreAsync(string dump)
    {
        var restored = TestDatabase.Reserve();
        try
        {
            output.WriteLine(await AdminProgram.SiloCommandAsync("create-roles", new Dictionary<string, string>
            {
                ["ConnectionStrings:Admin"] = new NpgsqlConnectionStringBuilder(Db.ConnectionString) { Database = restored.Name }.ConnectionString,
            }));
            output.WriteLine(await AdminProgram.ScriptAsync("restore.sh", Libpq(Db.ConnectionString, restored.Name), dump));
            output.WriteLine(await AdminProgram.SiloCommandAsync("migrate", new Dictionary<string, string>
            {
                ["ConnectionStrings:Customer360"] = restored.OwnerConnectionString,
            }));
            return restored;
        }
        catch
        {
            await restored.DisposeAsync();
            throw;
        }
    }

    private sealed class JournaledUsage
    {
        public int Events;
        public decimal DataMb;
        public int VoiceSeconds;
        public int Sms;
    }

    /// <summary>The usage each customer's journal rows add up to, read the way a replay reads them.</summary>
    private static async Task<Dictionary<string, JournaledUsage>> JournaledUsageAsync(string connectionString, string prefix)
    {
        var usage = new Dictionary<string, JournaledUsage>();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select customer_id, payload from c360_journal where customer_id like @prefix", conn);
        cmd.Parameters.AddWithValue("prefix", prefix + "-%");
        await using var rows = await cmd.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            var e = JsonSerializer.Deserialize<CustomerEvent>(rows.GetString(1), DomainJson.Options)!;
            if (!usage.TryGetValue(rows.GetString(0), out var u)) usage[rows.GetString(0)] = u = new JournaledUsage();
            u.Events++;
            switch (e.Payload)
            {
                case DataUsed d: u.DataMb += d.Mb; break;
                case VoiceUsed v: u.VoiceSeconds += v.Seconds; break;
                case SmsUsed m: u.Sms += m.Count; break;
            }
        }
        return usage;
    }

    private static string BillId(string customerId, string month) => $"{customerId}-bill-{month}";

    private static Task<Dictionary<string, string>> ProfilesAsync(IGrainFactory grains, IEnumerable<string> customerIds) =>
        ProfileViews.OfAsync(grains, customerIds, Wait);

    /// <summary>The feed's rows of the read model, the MSISDN index and the tier changes, as text.</summary>
    private static async Task<List<string>> ReadModelAsync(string connectionString, string prefix)
    {
        var rows = new List<string>();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        foreach (var table in (string[])["c360_customer_index", "c360_msisdn", "c360_tier_changes"])
        {
            await using var cmd = new NpgsqlCommand(
                $"select '{table} ' || to_jsonb(t)::text from {table} t where customer_id like @prefix order by 1", conn);
            cmd.Parameters.AddWithValue("prefix", prefix + "-%");
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        }
        Assert.Contains(rows, r => r.StartsWith("c360_customer_index ", StringComparison.Ordinal));
        return rows;
    }

    /// <summary>The administrator's connection as libpq reads it (the scripts run pg_dump, pg_restore and psql).</summary>
    private static Dictionary<string, string> Libpq(string connectionString, string database)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        return new Dictionary<string, string>
        {
            ["PGHOST"] = c.Host!,
            ["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = c.Username!,
            ["PGPASSWORD"] = c.Password!,
            ["PGDATABASE"] = database,
        };
    }
}
