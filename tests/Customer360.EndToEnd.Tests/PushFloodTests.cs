using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Gateway.Push;
using Customer360.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// The gateway under a flood, on loopback, in bounded loops: a console that stops reading costs a bounded outbox and
/// then gets one "look again"; producers past Ingest:MaxConcurrentRequests get 503 with Retry-After and lose nothing.
/// Each test runs a gateway of its own beside the shared one, in the shared cluster.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PushFloodTests(SystemFixture system, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private const int Capacity = 32;
    private const int Followed = 60;
    private const int Group = 12;
    private const int MaxRounds = 800;
    // Rounds kept up after the overflow: the backlog must not grow back, however long the console stays away.
    private const int RoundsAfterOverflow = 30;
    // Managed heap growth allowed to the whole test process (silo and gateways run in it) while one console is stalled
    // and events pour in: the outbox holds at most 32 notices, a few kilobytes; unbounded sends would grow with the rounds.
    private const long MemoryBound = 64L * 1024 * 1024;

    private static Task<TestGateway> StartGatewayAsync(SystemFixture system, Dictionary<string, string?> settings) =>
        TestGateway.StartAsync(system.Db, system.ClusterId, settings, services =>
            // Small socket send buffers (inherited by accepted connections on Linux): a console that does not read
            // holds up the gateway's writes after kilobytes rather than megabytes, so the test needs few events.
            services.Configure<SocketTransportOptions>(o => o.CreateBoundListenSocket = endpoint =>
            {
                var socket = SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                socket.SendBufferSize = 4096;
                return socket;
            }));

    [Fact]
    public async Task a_console_that_stops_reading_keeps_a_bounded_outbox_then_gets_its_resync_while_others_get_every_notice()
    {
        await using var gateway = await StartGatewayAsync(system, new() { ["ConsolePush:OutboxCapacity"] = $"{Capacity}" });
        using var producer = gateway.CreateIngestClient();
        using var probe = new PushMeterProbe(gateway.Services);
        var outboxes = gateway.Services.GetRequiredService<ConsoleOutboxes>();
        var ids = Enumerable.Range(1, Followed).Select(i => $"PF{i:00}").ToArray();
        await Feed.PostAsync(producer, [.. ids.Select((id, i) => Registered(id, $"{id}-reg", msisdn: $"1397700{i:0000}"))]);

        // The slow console follows all 60; the other follows the first 12, so its outbox can never hold more than 12
        // (notices of one customer coalesce) and nothing but slowness could make it overflow.
        var token = await gateway.SignInAsync("admin");
        await using var slow = await RawConsole.ConnectAsync(gateway, token);
        foreach (var id in ids) await slow.SubscribeAsync($"customer:{id}");
        await using var fast = await TestConsole.ConnectAsync(gateway, "admin");
        foreach (var id in ids[..Group]) await fast.SubscribeAsync($"customer:{id}");
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        // The slow console reads nothing from here on. Rounds of 12 customers' events, until its outbox overflowed, and
        // 30 rounds more with a resync waiting: nothing more may pile up for it.
        int rounds, overflowedAt = -1;
        for (rounds = 0; rounds < MaxRounds && (overflowedAt < 0 || rounds < overflowedAt + RoundsAfterOverflow); rounds++)
        {
            var group = ids.Skip(rounds % (Followed / Group) * Group).Take(Group);
            await Feed.PostAsync(producer, [.. group.Select(id => Data(id, $"{id}-r{rounds}", 1))]);
            Assert.InRange(outboxes.HighWater, 0, Capacity);
            Assert.InRange(probe.Observe("c360.push.outbox.depth"), 0, Capacity + Group);
            if (overflowedAt < 0 && probe.Sum("c360.push.resyncs") > 0) overflowedAt = rounds + 1;
        }
        Assert.True(overflowedAt > 0, $"the slow console's outbox did not overflow in {MaxRounds} rounds");
        var heapStalled = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(heapStalled - heapBefore < MemoryBound,
            $"managed heap grew by {(heapStalled - heapBefore) / 1024 / 1024} MiB over {rounds} rounds with a stalled console");
        // While the sockets still took a little now and then, a resync could leave and a new backlog overflow again; once
        // they take nothing, one resync waits for the whole backlog, however long the console stays away.
        var resyncs = (int)probe.Sum("c360.push.resyncs");
        output.WriteLine($"{rounds} rounds, overflow after {overflowedAt}, {resyncs} resyncs, deepest outbox {outboxes.HighWater}, " +
            $"heap {(heapStalled - heapBefore) / 1024} KiB more");

        // The other console kept up: each of its customers' newest version reached it, in order, and no resync did.
        var newest = new Dictionary<string, long>();
        foreach (var id in ids[..Group]) newest[id] = (await Feed.ProfileAsync(system.Admin, id)).GetProperty("version").GetInt64();
        var seen = ids[..Group].ToDictionary(id => id, _ => 0L);
        using (var cts = new CancellationTokenSource(Timeout))
        {
            while (seen.Any(s => s.Value < newest[s.Key]))
            {
                var (kind, m) = await fast.Pushes.Reader.ReadAsync(cts.Token);
                Assert.Equal("profileChanged", kind);
                var id = m.GetProperty("customerId").GetString()!;
                var version = m.GetProperty("version").GetInt64();
                Assert.True(version > seen[id], $"{id}: version {version} after {seen[id]}");
                seen[id] = version;
            }
        }

        // Reading again, the slow console gets what was already in the sockets and every resync, each naming the topics
        // whose notices were dropped (or all: more topics than the capacity). Notices the cluster still had on their way
        // when the feed stopped may overflow the stalled outbox once more: read until every resync counted has arrived
        // and the outbox is empty.
        var received = 0;
        var resyncsRead = 0;
        while (resyncsRead < probe.Sum("c360.push.resyncs") || probe.Observe("c360.push.outbox.depth") > 0)
        {
            var m = await slow.NextAsync();
            if (m.GetProperty("type").GetInt32() != 1) continue;
            if (m.GetProperty("target").GetString() != "resync")
            {
                received++;
                continue;
            }
            resyncsRead++;
            var resync = m.GetProperty("arguments")[0];
            var topics = resync.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToArray();
            if (resync.GetProperty("all").GetBoolean())
            {
                Assert.Empty(topics);
                continue;
            }
            Assert.NotEmpty(topics);
            Assert.All(topics, t => Assert.Contains(t, ids.Select(id => $"customer:{id}")));
        }
        Assert.True(resyncsRead >= resyncs, $"{resyncsRead} resyncs reached the console, {resyncs} were counted while it was stalled");
        Assert.True(received < rounds * Group, $"all {received} notices reached the stalled console: none was dropped");
        // Notices queued after the last resync left come next, then the new one, with no resync among them.
        await Feed.PostAsync(producer, Data(ids[^1], $"{ids[^1]}-after", 1));
        var last = (await Feed.ProfileAsync(system.Admin, ids[^1])).GetProperty("version").GetInt64();
        while (true)
        {
            var (after, _) = await slow.NextInvocationAsync("profileChanged");
            if (after.GetProperty("topic").GetString() == $"customer:{ids[^1]}" && after.GetProperty("version").GetInt64() == last) break;
        }
        Assert.Equal(resyncsRead, probe.Sum("c360.push.resyncs"));
        await Eventually.GetAsync(() => Task.FromResult(probe.Observe("c360.push.outbox.depth")), d => d == 0, Timeout, "outboxes drained");
    }

    [Fact]
    public async Task a_console_that_goes_away_while_behind_frees_its_outbox()
    {
        // Room for every notice of a round: the console's notices flow in full until its sockets are full, and then wait.
        await using var gateway = await StartGatewayAsync(system, new() { ["ConsolePush:OutboxCapacity"] = $"{Capacity}" });
        using var producer = gateway.CreateIngestClient();
        using var probe = new PushMeterProbe(gateway.Services);
        var ids = Enumerable.Range(1, Group).Select(i => $"PG{i:00}").ToArray();
        await Feed.PostAsync(producer, [.. ids.Select((id, i) => Registered(id, $"{id}-reg", msisdn: $"1397710{i:0000}"))]);
        var gone = await RawConsole.ConnectAsync(gateway, await gateway.SignInAsync("admin"));
        try
        {
            foreach (var id in ids) await gone.SubscribeAsync($"customer:{id}");
            // Until its sockets are full: notices still waiting after three rounds in a row.
            var waiting = 0;
            for (var round = 0; round < MaxRounds && waiting < 3; round++)
            {
                await Feed.PostAsync(producer, [.. ids.Select(id => Data(id, $"{id}-g{round}", 1))]);
                waiting = probe.Observe("c360.push.outbox.depth") > 0 ? waiting + 1 : 0;
            }
            Assert.True(waiting == 3, $"the console's outbox was not held up in {MaxRounds} rounds");
        }
        finally
        {
            await gone.DisposeAsync();
        }
        // Its connection closed: what waited for it is gone, though it never took it.
        await Eventually.GetAsync(() => Task.FromResult(probe.Observe("c360.push.outbox.depth")), d => d == 0, Timeout, "the outbox freed");
        Assert.Equal(0, gateway.Services.GetRequiredService<ConsoleOutboxes>().Count);
    }

    [Theory]
    [InlineData("ConsolePush:OutboxCapacity", "0")]
    [InlineData("Ingest:MaxConcurrentRequests", "0")]
    public async Task a_bad_bound_stops_the_gateway_naming_it(string setting, string value)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TestGateway.StartAsync(system.Db, $"bad-{Guid.NewGuid():N}",
            new Dictionary<string, string?> { [setting] = value }));
        Assert.Contains(setting, failure.ToString());
    }

    [Fact]
    public async Task a_flood_of_producers_past_the_limit_gets_503_with_retry_after_loses_nothing_and_the_gateway_serves_on()
    {
        await using var gateway = await StartGatewayAsync(system, new() { ["Ingest:MaxConcurrentRequests"] = "2" });
        using var producer = gateway.CreateIngestClient();
        var ids = Enumerable.Range(1, 10).Select(i => $"IF{i:00}").ToArray();
        await Feed.PostAsync(producer, [.. ids.Select((id, i) => Registered(id, $"{id}-reg", msisdn: $"1397800{i:0000}"))]);

        // Waves of 24 concurrent requests of 200 events (1 MB each) until some were refused, at most 5 waves.
        var accepted = 0;
        var refused = 0;
        for (var wave = 0; wave < 5 && refused == 0; wave++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(async r =>
            {
                var events = new JsonArray([.. Enumerable.Range(0, 200).Select(k => (JsonNode)Data(ids[k % ids.Length], $"if-{wave}-{r}-{k}", 1))]);
                using var response = await producer.PostAsync("/api/v1/events", new StringContent(events.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
                var body = await response.Content.ReadAsStringAsync();
                return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta, Body: body);
            })).WaitAsync(TimeSpan.FromSeconds(60));
            foreach (var (status, retryAfter, body) in answers)
            {
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{(int)status}: {body}");
                if (status == HttpStatusCode.OK) accepted += JsonDocument.Parse(body).RootElement.GetProperty("accepted").GetInt32();
                else
                {
                    refused++;
                    Assert.True(retryAfter > TimeSpan.Zero, $"503 without Retry-After: {body}");
                    Assert.Contains("Ingest:MaxConcurrentRequests", body);
                }
            }
        }
        Assert.True(refused > 0, "no request was refused: the flood did not pass the limit");
        Assert.True(accepted > 0, "no request was accepted");

        // Every acknowledged event is in the profiles (1 MB each), and none of a refused request.
        decimal total = 0;
        foreach (var id in ids) total += (await Feed.ProfileAsync(system.Admin, id)).GetProperty("usage").GetProperty("dataMb").GetDecimal();
        Assert.Equal(accepted, total);

        // Afterwards the gateway serves as before, without a restart.
        var answer = await Feed.PostAsync(producer, [.. ids.Select(id => Data(id, $"{id}-after", 1))]);
        Assert.Equal(ids.Length, answer.GetProperty("accepted").GetInt32());
    }
}
