using System.Net;
using Customer360.Testing;
using Xunit.Abstractions;

namespace Customer360.Cluster.Tests;

/// <summary>Stops PostgreSQL under a running silo and gateway: on a server of the test's own, never the shared one.</summary>
public sealed class PostgresOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task while_postgres_is_down_ingestion_answers_503_and_after_it_is_back_resumes_without_a_restart_losing_nothing()
    {
        await using var postgres = await PrivatePostgres.CreateAsync("outage");
        await using var db = await TestDatabase.CreateAsync(postgres.ServerConnectionString);
        var cluster = $"outage-{Guid.NewGuid():N}";
        await using var silo = await TestSilo.StartAsync(db, cluster);
        await using var gateway = await TestGateway.StartAsync(db, cluster);
        using var producer = gateway.CreateIngestClient();
        using var reader = await gateway.CreateSignedInClientAsync("admin");
        var feed = new UsageFeed(producer, $"Q{Guid.NewGuid().ToString("N")[..8]}", customers: 12);
        await feed.RegisterAsync();

        using var stop = new CancellationTokenSource();
        var producing = feed.RunAsync(producers: 4, stop.Token);
        await feed.WaitUntilAcceptedAsync(500, TimeSpan.FromSeconds(60), "usage events accepted before PostgreSQL stops");

        await postgres.StopAsync();
        var stoppedAt = DateTimeOffset.UtcNow;
        var acceptedBeforeStop = feed.AcceptedEvents;
        await Eventually.GetAsync(() => Task.FromResult(feed.Failures.Count(f => f.SentAt > stoppedAt && f.Status == HttpStatusCode.ServiceUnavailable)),
            n => n >= 8, TimeSpan.FromSeconds(60), "503 answers while PostgreSQL is stopped");

        var restartingAt = DateTimeOffset.UtcNow;
        await postgres.StartAsync();
        var acceptedAtRestart = feed.AcceptedEvents;
        // Same silo, same gateway: ingestion must come back by itself.
        await feed.WaitUntilAcceptedAsync(acceptedAtRestart + 500, TimeSpan.FromSeconds(60),
            $"usage events accepted after PostgreSQL is back, without restarting silo or gateway (PostgreSQL log: {postgres.LogTail(5)})");
        stop.Cancel();
        await producing.WaitAsync(TimeSpan.FromSeconds(100));

        // A request sent after the server was down and answered before it was started again cannot have been
        // stored; a 200 that accepted events there acknowledged something that is not durable.
        var falseAcknowledgements = feed.Answers.Where(a => a.SentAt > stoppedAt && a.AnsweredAt < restartingAt && a.Accepted > 0).ToList();
        Assert.True(falseAcknowledgements.Count == 0,
            "200 answers accepting events while PostgreSQL was down:\n" + string.Join('\n', falseAcknowledgements));
        var notRetryable = feed.Failures.Where(f => f.Status is { } status && (status != HttpStatusCode.ServiceUnavailable || f.RetryAfter is null)).ToList();
        Assert.True(notRetryable.Count == 0,
            "failed answers other than 503 with Retry-After:\n" + string.Join('\n', notRetryable.Take(10)));
        Assert.True(acceptedBeforeStop > 0 && feed.AcceptedEvents > acceptedAtRestart, "events must be accepted before the stop and after the start");

        var resumedAt = feed.Answers.Where(a => a.SentAt > restartingAt && a.Accepted > 0).Min(a => a.AnsweredAt);
        output.WriteLine($"accepted {acceptedBeforeStop} before the stop, {feed.AcceptedEvents} in all; {feed.Failures.Count} failed attempts " +
            $"({feed.Failures.Count(f => f.Status is null)} without an HTTP answer); down {(restartingAt - stoppedAt).TotalSeconds:0.0} s; " +
            $"ingestion resumed {(resumedAt - restartingAt).TotalSeconds:0.0} s after the start");
        await feed.AssertEveryAcknowledgedEventCountedOnceAsync(reader, db.ConnectionString);
    }
}
