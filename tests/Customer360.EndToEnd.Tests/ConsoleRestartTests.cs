using System.Net.Http.Json;
using System.Text.Json;
using Customer360.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Consoles stay current through restarts: a silo killed and restarted during a feed (the gateway renews its
/// subscriptions and tells the console to look again), and a gateway restarted during a feed (the console
/// reconnects, resubscribes and gets a fresh snapshot). Each test has its own database and cluster.
/// </summary>
public sealed class ConsoleRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    /// <summary>Posts one data record after another until stopped, ignoring failures (503 while a process is down).</summary>
    private static async Task FeedAsync(Func<HttpClient> producer, string customerId, CancellationToken stop)
    {
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Feed.PostAsync(producer(), Data(customerId, $"{customerId}-{Guid.NewGuid():N}", 1 + n++ % 5));
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                // The process is down: try again shortly, as a producer would.
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>The highest version a console has been told of for the topic (by a push or its snapshot).</summary>
    private sealed class VersionWatch(string topic)
    {
        private long _max;

        public long Max => Interlocked.Read(ref _max);

        public void Saw(JsonElement message)
        {
            if (message.GetProperty("topic").GetString() != topic) return;
            var version = message.GetProperty("version").GetInt64();
            long seen;
            while ((seen = Interlocked.Read(ref _max)) < version && Interlocked.CompareExchange(ref _max, version, seen) != seen) { }
        }
    }

    private static async Task<long> VersionAsync(HttpClient admin, string customerId) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}")).GetProperty("version").GetInt64();

    [Fact]
    public async Task a_console_stays_current_when_the_silo_is_killed_and_restarted_during_a_feed()
    {
        var cluster = $"push-silo-{Guid.NewGuid():N}";
        await using var first = await SiloProcess.StartAsync(_db, cluster, "push-first");
        await using var gateway = await TestGateway.StartAsync(_db, cluster, new Dictionary<string, string?> { ["ConsolePush:RenewInterval"] = "00:00:02" });
        using var producer = gateway.CreateIngestClient();
        using var admin = await gateway.CreateSignedInClientAsync("admin");
        await Eventually.GetAsync(async () => (await producer.GetAsync("/health/ready")).IsSuccessStatusCode, ok => ok, Timeout, "gateway ready");
        await Feed.PostAsync(producer, Registered("RS1", "rs1-reg"));

        await using var console = await TestConsole.ConnectAsync(gateway, "admin");
        var watch = new VersionWatch("customer:RS1");
        console.Hub.On<JsonElement>("profileChanged", watch.Saw);
        watch.Saw(await console.SubscribeAsync("customer:RS1"));

        using var stop = new CancellationTokenSource();
        var feeding = FeedAsync(() => producer, "RS1", stop.Token);
        await Eventually.GetAsync(() => Task.FromResult(watch.Max), v => v >= 5, Timeout, "pushes before the kill");
        await first.KillAsync();
        await using var second = await SiloProcess.StartAsync(_db, cluster, "push-second", siloPort: first.SiloPort, gatewayPort: first.GatewayPort);
        var beforeRestart = watch.Max;
        await Eventually.GetAsync(() => Task.FromResult(watch.Max), v => v >= beforeRestart + 5, Timeout, $"pushes after the restart (silo log {second.LogPath})");
        stop.Cancel();
        await feeding.WaitAsync(Timeout);

        var final = await VersionAsync(admin, "RS1");
        await Eventually.GetAsync(() => Task.FromResult(watch.Max), v => v >= final, Timeout, $"the console told of version {final}");
        Assert.Equal(HubConnectionState.Connected, console.Hub.State);
    }

    [Fact]
    public async Task a_console_reconnects_and_resyncs_when_its_gateway_is_restarted_during_a_feed()
    {
        var cluster = $"push-gw-{Guid.NewGuid():N}";
        await using var silo = await TestSilo.StartAsync(_db, cluster);
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var settings = new Dictionary<string, string?> { ["Urls"] = url };
        var gateway = await TestGateway.StartAsync(_db, cluster, settings);
        var producer = gateway.CreateIngestClient();
        await Eventually.GetAsync(async () => (await producer.GetAsync("/health/ready")).IsSuccessStatusCode, ok => ok, Timeout, "gateway ready");
        await Feed.PostAsync(producer, Registered("RG1", "rg1-reg"));
        // Tokens are signed with the gateway's key: the second gateway must share it, as every gateway of a cluster does.
        settings["Auth:SigningKey"] = gateway.SigningKey;

        var token = await gateway.SignInAsync("admin");
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(url), "/hubs/console"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1),
                TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)])
            .Build();
        await using var _ = hub;
        var watch = new VersionWatch("customer:RG1");
        hub.On<JsonElement>("profileChanged", watch.Saw);
        // As the dashboard does: after every reconnection, subscribe again and take the snapshot.
        var resubscribed = 0;
        hub.Reconnected += async _ =>
        {
            watch.Saw(await hub.InvokeAsync<JsonElement>("Subscribe", "customer:RG1"));
            Interlocked.Increment(ref resubscribed);
        };
        await hub.StartAsync().WaitAsync(Timeout);
        watch.Saw(await hub.InvokeAsync<JsonElement>("Subscribe", "customer:RG1").WaitAsync(Timeout));

        using var stop = new CancellationTokenSource();
        var feeding = FeedAsync(() => producer, "RG1", stop.Token);
        await Eventually.GetAsync(() => Task.FromResult(watch.Max), v => v >= 5, Timeout, "pushes before the restart");
        await gateway.DisposeAsync();
        gateway = await TestGateway.StartAsync(_db, cluster, settings);
        producer = gateway.CreateIngestClient();
        await Eventually.GetAsync(() => Task.FromResult(Volatile.Read(ref resubscribed)), n => n >= 1, Timeout, "the console resubscribed");
        var afterReconnect = watch.Max;
        await Eventually.GetAsync(() => Task.FromResult(watch.Max), v => v >= afterReconnect + 5, Timeout, "pushes from the new gateway");
        stop.Cancel();
        await feeding.WaitAsync(Timeout);

        using var admin = await gateway.CreateSignedInClientAsync("admin");
        var final = await VersionAsync(admin, "RG1");
        await Eventually.GetAsync(() => Task.FromResult(watch.Max), v => v >= final, Timeout, $"the console told of version {final}");
        producer.Dispose();
        await gateway.DisposeAsync();
    }
}
