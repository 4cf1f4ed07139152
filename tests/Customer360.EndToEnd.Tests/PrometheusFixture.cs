using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// A silo and a gateway as processes of their own (as deployed: no other test's meters in the same process), a real
/// Prometheus scraping both management ports every two seconds and evaluating tools/monitoring/alerts.yml, and a short
/// feed through the ingest API (registrations, usage, resent batches, a few bad events) while a console follows
/// every customer of it. The answers' counts are kept for the tests to compare with what Prometheus saw.
/// </summary>
public sealed class PrometheusFixture : IAsyncLifetime
{
    public const string SiloJob = "c360-silo";
    public const string GatewayJob = "c360-gateway";
    /// <summary>The feed's customer ids and phone numbers start so: no metric label may carry them.</summary>
    public const string CustomerPrefix = "PROM";
    public const string MsisdnPrefix = "1391555";
    private const int Customers = 10;
    private const int Batches = 6;
    private const int BatchEvents = 50;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private TestDatabase? _db;
    private SiloProcess? _silo;
    private GatewayProcess? _gateway;
    private HubConnection? _console;

    public PrometheusServer Prometheus { get; private set; } = null!;

    /// <summary>The gateway's management listener, which Prometheus scrapes.</summary>
    public Uri GatewayManagement { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    /// <summary>Sums over every answer of the feed.</summary>
    public int Accepted { get; private set; }

    public int Duplicates { get; private set; }

    public int Rejected { get; private set; }

    /// <summary>Pushes the console received during the feed.</summary>
    public int Pushes => _pushes;

    private int _pushes;

    /// <summary>Where the processes' logs are, for failure messages.</summary>
    public string Logs => $"silo log {_silo?.LogPath}, gateway log {_gateway?.LogPath}, prometheus log {Prometheus?.LogPath}";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var cluster = $"prom-{Guid.NewGuid():N}";
        var producer = new TestProducer("prometheus-feed", TestProducer.AllGrants, TestProducer.DemoStores);
        _silo = await SiloProcess.StartAsync(_db, cluster, "prometheus");
        _gateway = await GatewayProcess.StartAsync(_db, cluster, new Dictionary<string, string?>(producer.SettingsAt(0))
        {
            ["Management:Urls"] = GatewayManagement.GetLeftPart(UriPartial.Authority),
        });
        Prometheus = await PrometheusServer.StartAsync(
            new Dictionary<string, Uri[]> { [SiloJob] = [_silo.ManagementAddress], [GatewayJob] = [GatewayManagement] },
            Path.Combine(Promtool.MonitoringFolder, "alerts.yml"));

        using var ingest = _gateway.CreateHttpClient();
        ingest.DefaultRequestHeaders.Add("X-Api-Key", producer.Key);
        var ids = Enumerable.Range(1, Customers).Select(i => $"{CustomerPrefix}{i:D2}").ToArray();
        await PostAsync(ingest, [.. ids.Select((id, i) => Registered(id, $"{id}-reg", msisdn: $"{MsisdnPrefix}{i:D4}"))]);

        // A console following every customer of the feed: its pushes are what the push lag measures.
        _console = await ConnectConsoleAsync();
        foreach (var id in ids) await _console.InvokeAsync<JsonElement>("Subscribe", $"customer:{id}").WaitAsync(Timeout);

        var batches = Enumerable.Range(0, Batches).Select(b => Batch(ids, b)).ToArray();
        foreach (var batch in batches) await PostAsync(ingest, batch);
        // Producers resend after a lost answer: these are duplicates, counted apart from the accepted.
        await PostAsync(ingest, batches[0]);
        await PostAsync(ingest, batches[3]);

        await Eventually.GetAsync(() => Task.FromResult(Volatile.Read(ref _pushes)), n => n >= Customers, Timeout,
            $"the console's pushes for the {Customers} customers fed ({Logs})");
    }

    /// <summary>Batch <paramref name="b"/>: usage for every customer, and two events refused for a negative volume.</summary>
    private static JsonObject[] Batch(string[] ids, int b)
    {
        var events = Enumerable.Range(0, BatchEvents)
            .Select(i => Data(ids[i % ids.Length], $"prom-b{b}-e{i}", 1 + i % 7)).ToList();
        foreach (var i in new[] { 7, 31 })
        {
            var bad = Data(ids[i % ids.Length], $"prom-b{b}-bad{i}", 1);
            bad["payload"]!["mb"] = -1;
            events.Insert(i, bad);
        }
        return [.. events];
    }

    private async Task PostAsync(HttpClient ingest, JsonObject[] events)
    {
        var response = await ingest.PostAsJsonAsync("/api/v1/events", new JsonArray([.. events.Select(e => e.DeepClone())]));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST /api/v1/events: {(int)response.StatusCode} {body} ({Logs})");
        var answer = JsonDocument.Parse(body).RootElement;
        Accepted += answer.GetProperty("accepted").GetInt32();
        Duplicates += answer.GetProperty("duplicates").GetInt32();
        Rejected += answer.GetProperty("rejected").GetArrayLength();
    }

    private async Task<HubConnection> ConnectConsoleAsync()
    {
        using var http = _gateway!.CreateHttpClient();
        var signIn = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "demo123" });
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_gateway.BaseAddress, "/hubs/console"), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        hub.On<JsonElement>("profileChanged", _ => Interlocked.Increment(ref _pushes));
        await hub.StartAsync().WaitAsync(Timeout);
        return hub;
    }

    public async Task DisposeAsync()
    {
        if (_console is not null) await _console.DisposeAsync();
        if (Prometheus is not null) await Prometheus.DisposeAsync();
        if (_gateway is not null) await _gateway.DisposeAsync();
        if (_silo is not null) await _silo.DisposeAsync();
        if (_db is not null) await _db.DisposeAsync();
    }
}
