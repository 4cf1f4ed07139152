using Customer360.Contracts;
using Customer360.Domain.Views;
using Customer360.Testing;
using Npgsql;
using Xunit.Abstractions;
using static Customer360.Testing.Events;

namespace Customer360.Cluster.Tests;

/// <summary>
/// A silo asked to stop while PostgreSQL is down must still exit within its configured bound (<c>Shutdown:Timeout</c>
/// plus <c>Shutdown:ForceAfter</c>), on a server of the test's own: its profiles' snapshots cannot be written, and
/// giving up on them loses nothing, since every acknowledged event is in the journal already.
/// </summary>
public sealed class BoundedStopTests(ITestOutputHelper output)
{
    private const int Customers = 60;
    // The graceful part (Shutdown:Timeout), then at most ForceAfter more before the watchdog ends the process.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ForceAfter = TimeSpan.FromSeconds(3);

    // Signal delivery, process teardown and a loaded test machine.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task a_silo_stopped_while_postgres_is_down_exits_within_its_bound_and_its_profiles_are_intact_after_a_restart()
    {
        await using var postgres = await PrivatePostgres.CreateAsync("stop");
        await using var db = await TestDatabase.CreateAsync(postgres.ServerConnectionString);
        var cluster = $"stop-{Guid.NewGuid():N}";
        var prefix = $"B{Guid.NewGuid().ToString("N")[..8]}";
        // No snapshot is due before the stop: every profile still has one to write when it is asked to stop.
        var settings = new Dictionary<string, string?>
        {
            ["Customers:SnapshotEveryEvents"] = "1000000",
            ["Customers:SnapshotDelay"] = "01:00:00",
            ["Shutdown:Timeout"] = Bound.ToString(),
            ["Shutdown:ForceAfter"] = ForceAfter.ToString(),
        };
        await using var first = await SiloProcess.StartAsync(db, cluster, "stop-first", settings);
        var before = new Dictionary<string, (long Version, decimal DataMb)>();
        await using (var client = await TestClient.ConnectAsync(db, cluster))
        {
            for (var i = 0; i < Customers; i++)
            {
                var id = $"{prefix}-{i}";
                await Ingest.Send(client.Cluster, id, Registered(id, $"{id}-reg", msisdn: $"139{i:D8}"),
                    Data(id, $"{id}-d1", 10 + i), Data(id, $"{id}-d2", 0.5m)).WaitAsync(TimeSpan.FromSeconds(30));
            }
            foreach (var (id, view) in await ViewsAsync(client, prefix)) before[id] = (view.Version, view.Usage.DataMb);
        }
        // No snapshot yet: after the stop, only the journal can bring these profiles back.
        Assert.Equal(0L, await db.ScalarAsync<long>($"select count(*) from c360_grain_state where grain_id_extension like '{prefix}-%'"));

        await postgres.StopAsync();
        var took = await first.TerminateAsync(Bound + ForceAfter + Slack);
        output.WriteLine($"silo exited {took.TotalSeconds:0.0} s after SIGTERM with code {first.ExitCode} (bound {Bound.TotalSeconds} s)");

        await postgres.StartAsync();
        // The immediate stop killed this test process's pooled connections too; Npgsql finds out only on their next use.
        NpgsqlConnection.ClearAllPools();
        // In place, on the same ports, as run.sh or a supervisor starts the next silo.
        await using var second = await SiloProcess.StartAsync(db, cluster, "stop-second", settings, first.SiloPort, first.GatewayPort);
        await using var again = await TestClient.ConnectAsync(db, cluster);
        var after = (await ViewsAsync(again, prefix)).ToDictionary(v => v.Id, v => (v.View.Version, v.View.Usage.DataMb));
        // Every acknowledged event is back (replayed from the journal, since no snapshot was written). An activation
        // may derive anew (time has passed) and so move the version on, never back.
        Assert.Equal(before.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.DataMb)), after.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.DataMb)));
        var wentBack = before.Where(p => after[p.Key].Version < p.Value.Version).Select(p => p.Key).ToList();
        Assert.True(wentBack.Count == 0, "profiles older after the restart than before the stop: " + string.Join(", ", wentBack));
    }

    private static async Task<List<(string Id, ProfileView View)>> ViewsAsync(TestClient client, string prefix)
    {
        var views = new List<(string, ProfileView)>();
        for (var i = 0; i < Customers; i++)
        {
            var id = $"{prefix}-{i}";
            var view = await client.Cluster.GetGrain<ICustomerGrain>(id).GetView("en").WaitAsync(TimeSpan.FromSeconds(30));
            views.Add((id, view ?? throw new InvalidOperationException($"customer {id} has no profile")));
        }
        return views;
    }
}
