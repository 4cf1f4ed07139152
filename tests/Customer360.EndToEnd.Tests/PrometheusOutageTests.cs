using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Customer360.Testing;
using Npgsql;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// The PostgreSQL-down and ingest-503 alerts of tools/monitoring/alerts.yml, evaluated by a real Prometheus over a
/// silo and a gateway whose PostgreSQL (a private server) is stopped: their expressions select the series and labels
/// the processes really export (<c>c360_postgres_up</c>, ASP.NET Core's route and status code labels).
/// </summary>
public sealed class PrometheusOutageTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task with_postgres_stopped_the_postgres_down_and_ingest_503_alerts_are_raised()
    {
        await using var postgres = await PrivatePostgres.CreateAsync("prometheus-outage");
        await using var db = await TestDatabase.CreateAsync(postgres.ServerConnectionString);
        var cluster = $"promout-{Guid.NewGuid():N}";
        // The processes probe the store every second, so that c360_postgres_up drops within a few scrapes.
        var probe = new Dictionary<string, string?> { ["Telemetry:StoreProbeInterval"] = "00:00:01", ["Telemetry:StoreProbeTimeout"] = "00:00:01" };
        await using var silo = await SiloProcess.StartAsync(db, cluster, "prometheus-outage", probe);
        var producer = new TestProducer("prometheus-outage", TestProducer.AllGrants, TestProducer.DemoStores);
        var gatewayManagement = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        await using var gateway = await GatewayProcess.StartAsync(db, cluster, new Dictionary<string, string?>(probe.Concat(producer.SettingsAt(0)))
        {
            ["Management:Urls"] = gatewayManagement.GetLeftPart(UriPartial.Authority),
        });
        await using var prometheus = await PrometheusServer.StartAsync(
            new Dictionary<string, Uri[]> { [PrometheusFixture.SiloJob] = [silo.ManagementAddress], [PrometheusFixture.GatewayJob] = [gatewayManagement] },
            Path.Combine(Promtool.MonitoringFolder, "alerts.yml"));
        using var ingest = gateway.CreateHttpClient();
        ingest.DefaultRequestHeaders.Add("X-Api-Key", producer.Key);
        var logs = $"silo log {silo.LogPath}, gateway log {gateway.LogPath}, prometheus log {prometheus.LogPath}";

        Assert.Equal(HttpStatusCode.OK, await PostAsync(ingest, Registered("OUT1", "out1-reg", msisdn: "13915550999")));
        await Eventually.GetAsync(async () => (await prometheus.QueryAsync("sum(c360_postgres_up)")).SingleOrDefault()?.Value,
            up => up == 2, Wait, $"both processes reporting PostgreSQL up ({logs})");

        await postgres.StopAsync();
        try
        {
            // A producer keeps posting (and is refused with 503) until Prometheus raises the alerts: pending already
            // says the expression matched; firing would only add the for: wait.
            var posted = 0;
            var statuses = new List<HttpStatusCode>();
            var active = await Eventually.GetAsync(async () =>
                {
                    statuses.Add(await PostAsync(ingest, Data("OUT1", $"out1-d{posted++}", 1)));
                    return await ActiveAlertsAsync(prometheus);
                },
                alerts => alerts.Contains("C360IngestUnavailable c360-gateway", StringComparison.Ordinal)
                    && alerts.Contains("C360PostgresDown c360-gateway", StringComparison.Ordinal)
                    && alerts.Contains("C360PostgresDown c360-silo", StringComparison.Ordinal),
                Wait, $"the alerts while PostgreSQL is down ({logs})");

            Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
            Assert.DoesNotContain("C360SiloDown", active, StringComparison.Ordinal);
            Assert.DoesNotContain("C360GatewayDown", active, StringComparison.Ordinal);
        }
        finally
        {
            // Back up for the silo's stop and the database's removal; the stop killed this process's pooled connections.
            await postgres.StartAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient ingest, JsonObject e)
    {
        using var answer = await ingest.PostAsJsonAsync("/api/v1/events", new JsonArray(e)).WaitAsync(TimeSpan.FromSeconds(40));
        return answer.StatusCode;
    }

    /// <summary>The pending and firing alerts, one "name job" each, sorted and comma-separated (for the failure message).</summary>
    private static async Task<string> ActiveAlertsAsync(PrometheusServer prometheus) =>
        string.Join(", ", (await prometheus.GetDataAsync("/api/v1/alerts")).GetProperty("alerts").EnumerateArray()
            .Select(a => a.GetProperty("labels"))
            .Select(l => $"{l.GetProperty("alertname").GetString()} {(l.TryGetProperty("job", out var job) ? job.GetString() : "")}")
            .Order(StringComparer.Ordinal));
}
