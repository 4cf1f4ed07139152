using Customer360.Testing;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// The down alerts of tools/monitoring/alerts.yml evaluated by a real Prometheus on the series it makes itself for a
/// target that does not answer (<c>up</c> = 0): the rule selects the job names and labels Prometheus really uses.
/// </summary>
public sealed class PrometheusAlertsTests
{
    [Fact]
    public async Task a_silo_and_a_gateway_that_do_not_answer_their_scrape_raise_their_down_alerts()
    {
        // Ports nothing listens on: a process that is down.
        var silo = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var gateway = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        await using var prometheus = await PrometheusServer.StartAsync(
            new Dictionary<string, Uri[]> { [PrometheusFixture.SiloJob] = [silo], [PrometheusFixture.GatewayJob] = [gateway] },
            Path.Combine(Promtool.MonitoringFolder, "alerts.yml"));

        // for: 1m keeps them pending for a minute; pending already says the expression matched. (C360NoSiloScraped
        // is pending too until the first scrape has made the up series: absent() holds before it.)
        var raised = await Eventually.GetAsync(async () => (await prometheus.GetDataAsync("/api/v1/alerts")).GetProperty("alerts").EnumerateArray()
                .Select(a => a.GetProperty("labels"))
                .Where(labels => labels.GetProperty("alertname").GetString() is "C360SiloDown" or "C360GatewayDown")
                .Select(labels => (Name: labels.GetProperty("alertname").GetString(), Instance: labels.GetProperty("instance").GetString()))
                .ToHashSet(),
            alerts => alerts.Count >= 2, TimeSpan.FromSeconds(60), $"the down alerts (log: {prometheus.LogPath})");

        var expected = new HashSet<(string?, string?)> { ("C360SiloDown", $"127.0.0.1:{silo.Port}"), ("C360GatewayDown", $"127.0.0.1:{gateway.Port}") };
        Assert.True(raised.SetEquals(expected), $"raised: {string.Join(", ", raised)}");
    }
}
