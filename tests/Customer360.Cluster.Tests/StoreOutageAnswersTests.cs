using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Orleans.Runtime;
using Xunit.Abstractions;
using static Customer360.Testing.Events;

namespace Customer360.Cluster.Tests;

/// <summary>
/// Health and answers while PostgreSQL is stopped under a running silo and gateway (a server of the test's own):
/// readiness says which part is down, reads and staff actions answer 503 with Retry-After (never 500), liveness
/// stays up, and everything recovers once PostgreSQL is back, without a restart.
/// </summary>
public sealed class StoreOutageAnswersTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task while_postgres_is_down_readiness_names_it_and_reads_and_staff_actions_answer_503_with_retry_after_then_all_recover()
    {
        await using var postgres = await PrivatePostgres.CreateAsync("health");
        await using var db = await TestDatabase.CreateAsync(postgres.ServerConnectionString);
        var cluster = $"health-{Guid.NewGuid():N}";
        await using var silo = await TestSilo.StartAsync(db, cluster);
        await using var gateway = await TestGateway.StartAsync(db, cluster);
        using var producer = gateway.CreateIngestClient();
        using var admin = await gateway.CreateSignedInClientAsync("admin");
        using var store = await gateway.CreateSignedInClientAsync("store01");
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var id = $"H{Guid.NewGuid().ToString("N")[..8]}";
        const string msisdn = "13912399001";
        using (var registered = await producer.PostAsJsonAsync("/api/v1/events", new JsonArray(Registered(id, $"{id}-reg", msisdn: msisdn))).WaitAsync(Answer))
            Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var reads = new (HttpClient Client, string Method, string Path, Func<HttpContent?> Body)[]
        {
            (admin, "GET", $"/api/v1/customers/{id}", () => null),
            (admin, "GET", $"/api/v1/customers/by-msisdn/{msisdn}", () => null),
            (admin, "GET", $"/api/v1/customers?q={id}", () => null),
            (admin, "GET", $"/api/v1/customers/{id}/timeline", () => null),
            (admin, "POST", $"/api/v1/customers/{id}/touchpoints", () => JsonContent.Create(new { channel = "app", kind = "note", note = "called back" })),
            (store, "POST", "/api/v1/stores/S01/walk-ins", () => JsonContent.Create(new { msisdn })),
            (admin, "GET", "/api/v1/portfolio?managerId=AM01", () => null),
            (admin, "GET", "/api/v1/work-orders?addressee=store:S01", () => null),
            (admin, "GET", "/api/v1/audit?limit=5", () => null),
            (admin, "GET", "/api/v1/users", () => null),
        };
        // Everything answers before the outage: the routes are right and the profile is readable.
        await Eventually.GetAsync(() => StatusAsync(probe, gateway.BaseAddress, "/health/ready"), s => s == HttpStatusCode.OK, Answer, "gateway ready before the outage");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(probe, silo.ManagementAddress, "/health/ready"));
        foreach (var (client, method, path, body) in reads)
            Assert.Equal((path, HttpStatusCode.OK), (path, (await SendAsync(client, method, path, body())).Status));
        // The profile leaves memory, so that reading it again needs the store.
        await silo.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero).WaitAsync(Answer);

        // Signing in needs the store: the console's token is taken before the outage.
        var token = await gateway.SignInAsync("admin");
        await postgres.StopAsync();

        var gatewayReady = await ReadyAsync(probe, gateway.BaseAddress);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, gatewayReady.Status);
        Assert.Equal("Unhealthy", gatewayReady.Checks.GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", gatewayReady.Checks.GetProperty("cluster").GetProperty("status").GetString());
        var siloReady = await ReadyAsync(probe, silo.ManagementAddress);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, siloReady.Status);
        Assert.Equal("Unhealthy", siloReady.Checks.GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", siloReady.Checks.GetProperty("cluster").GetProperty("status").GetString());
        await AssertLiveAsync(probe, gateway.BaseAddress, silo.ManagementAddress);

        foreach (var (client, method, path, body) in reads)
        {
            var (status, retryAfter, text) = await SendAsync(client, method, path, body());
            output.WriteLine($"while down: {method} {path} -> {(int)status} Retry-After {retryAfter}");
            Assert.True(status == HttpStatusCode.ServiceUnavailable && retryAfter is not null,
                $"{method} {path} while PostgreSQL is down: {(int)status}, Retry-After {retryAfter?.ToString() ?? "none"}: {text}");
            Assert.DoesNotContain("Npgsql", text);
        }
        // A console's hub call is told the same, in words, rather than SignalR's "an unexpected error occurred".
        var console = await ConnectConsoleAsync(gateway, token);
        await using (console)
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => console.InvokeAsync<JsonElement>("Subscribe", $"customer:{id}").WaitAsync(Answer));
            Assert.Contains("the customer store is unavailable; try again in", refused.Message, StringComparison.Ordinal);
        }
        await AssertLiveAsync(probe, gateway.BaseAddress, silo.ManagementAddress);

        await postgres.StartAsync();

        // Same silo, same gateway: readiness and every answer come back by themselves.
        await Eventually.GetAsync(() => StatusAsync(probe, gateway.BaseAddress, "/health/ready"), s => s == HttpStatusCode.OK, Answer,
            "gateway ready after PostgreSQL is back");
        await Eventually.GetAsync(() => StatusAsync(probe, silo.ManagementAddress, "/health/ready"), s => s == HttpStatusCode.OK, Answer,
            "silo ready after PostgreSQL is back");
        foreach (var (client, method, path, body) in reads)
            await Eventually.GetAsync(async () => (await SendAsync(client, method, path, body())).Status, s => s == HttpStatusCode.OK, Answer,
                $"{method} {path} answering 200 after PostgreSQL is back");
        var recovered = await ConnectConsoleAsync(gateway, token);
        await using (recovered)
        {
            var snapshot = await recovered.InvokeAsync<JsonElement>("Subscribe", $"customer:{id}").WaitAsync(Answer);
            Assert.Equal($"customer:{id}", snapshot.GetProperty("topic").GetString());
            Assert.True(snapshot.GetProperty("version").GetInt64() > 0, snapshot.GetRawText());
        }
        await AssertLiveAsync(probe, gateway.BaseAddress, silo.ManagementAddress);
    }

    private static async Task<HubConnection> ConnectConsoleAsync(TestGateway gateway, string token)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway.BaseAddress, "/hubs/console"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await hub.StartAsync().WaitAsync(Answer);
        return hub;
    }

    internal static async Task AssertLiveAsync(HttpClient probe, params Uri[] addresses)
    {
        foreach (var address in addresses)
            Assert.Equal((address, HttpStatusCode.OK), (address, await StatusAsync(probe, address, "/health/live")));
    }

    internal static async Task<HttpStatusCode> StatusAsync(HttpClient http, Uri address, string path)
    {
        using var response = await http.GetAsync(new Uri(address, path)).WaitAsync(Answer);
        return response.StatusCode;
    }

    internal static async Task<(HttpStatusCode Status, JsonElement Checks)> ReadyAsync(HttpClient http, Uri address)
    {
        using var response = await http.GetAsync(new Uri(address, "/health/ready")).WaitAsync(Answer);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(Answer);
        return (response.StatusCode, body.GetProperty("checks").Clone());
    }

    private static async Task<(HttpStatusCode Status, TimeSpan? RetryAfter, string Text)> SendAsync(HttpClient http, string method, string path, HttpContent? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body };
        using var response = await http.SendAsync(request).WaitAsync(Answer);
        return (response.StatusCode, response.Headers.RetryAfter?.Delta, await response.Content.ReadAsStringAsync().WaitAsync(Answer));
    }
}
