using Customer360.Testing;
using Xunit.Abstractions;

namespace Customer360.Cluster.Tests;

public sealed class SiloCrashTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private TestDatabase Db => fixture.Db;

    [Fact]
    public async Task every_acknowledged_event_is_counted_exactly_once_after_the_silo_process_is_killed_mid_feed()
    {
        var cluster = $"crash-{Guid.NewGuid():N}";
        // No snapshot is due before the kill: the new silo can rebuild the profiles only by replaying the journal.
        var lazy = new Dictionary<string, string?> { ["Customers:SnapshotEveryEvents"] = "1000000", ["Customers:SnapshotDelay"] = "01:00:00" };
        await using var first = await SiloProcess.StartAsync(Db, cluster, "crash-first", lazy);
        await using var gateway = await TestGateway.StartAsync(Db, cluster);
        using var producer = gateway.CreateIngestClient();
        using var reader = await gateway.CreateSignedInClientAsync("admin");
        var feed = new UsageFeed(producer, $"K{Guid.NewGuid().ToString("N")[..8]}", customers: 12);
        await feed.RegisterAsync();

        using var stop = new CancellationTokenSource();
        var producing = feed.RunAsync(producers: 4, stop.Token);
        await feed.WaitUntilAcceptedAsync(500, TimeSpan.FromSeconds(60), "usage events accepted before the kill");

        await first.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        var acceptedBeforeKill = feed.AcceptedEvents;
        var unsnapshotted = await EventsBeyondSnapshotsAsync(cluster, feed);
        Assert.True(unsnapshotted > 0, "every journaled event was already in a snapshot: the kill proves nothing about replay");

        // Restarted in place, as a supervisor (systemd, run.sh) restarts a crashed silo: same database, same ports.
        var restartingAt = DateTimeOffset.UtcNow;
        await using var second = await SiloProcess.StartAsync(Db, cluster, "crash-second", lazy, first.SiloPort, first.GatewayPort);
        await feed.WaitUntilAcceptedAsync(acceptedBeforeKill + 500, TimeSpan.FromSeconds(90),
            $"usage events accepted after the restart (accepted {acceptedBeforeKill} before the kill; silo log {second.LogPath})");
        stop.Cancel();
        await producing.WaitAsync(TimeSpan.FromSeconds(100));
        var resumedAt = feed.Answers.Where(a => a.SentAt > killedAt && a.Accepted > 0).Min(a => a.AnsweredAt);
        output.WriteLine($"accepted {acceptedBeforeKill} before the kill, {feed.AcceptedEvents} in all; {unsnapshotted} journaled " +
            $"events beyond snapshots at the kill; {feed.Failures.Count} failed attempts; ingestion resumed {(resumedAt - killedAt).TotalSeconds:0.0} s after the kill");

        // With no silo running, nothing can become durable: a 200 accepting events then would be a false acknowledgement.
        var whileDown = feed.Answers.Where(a => a.SentAt > killedAt && a.AnsweredAt < restartingAt && a.Accepted > 0).ToList();
        Assert.True(whileDown.Count == 0, "200 answers accepting events while no silo ran:\n" + string.Join('\n', whileDown));
        Assert.True(feed.Failures.Count > 0, "no request failed or was sent again around the kill: it did not land mid-feed");
        await feed.AssertEveryAcknowledgedEventCountedOnceAsync(reader, Db.ConnectionString);
    }

    /// <summary>Journaled events of the feed's customers that no snapshot holds yet (replay must restore them).</summary>
    private Task<long> EventsBeyondSnapshotsAsync(string cluster, UsageFeed feed) => Db.ScalarAsync<long>($"""
        select count(*) from c360_journal j
        left join c360_grain_state s on s.service_id = '{cluster}' and s.grain_id_extension = j.customer_id
        where j.customer_id like '{feed.Prefix}-%'
          and j.seq > coalesce((convert_from(s.payload, 'UTF8')::jsonb ->> 'journalSeq')::bigint, 0)
        """);
}
