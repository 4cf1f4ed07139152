using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Customer360.Testing;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// What an operator's Prometheus sees of a running cluster (<see cref="PrometheusFixture"/>), read back through its
/// HTTP API: the ingest counter, the scrape targets, the push lag, and every query of the Grafana dashboard and the
/// alert rules of tools/monitoring/.
/// </summary>
public sealed partial class PrometheusScrapeTests(PrometheusFixture cluster) : IClassFixture<PrometheusFixture>
{
    /// <summary>Scrapes are every two seconds, evaluations every second: a minute is ample even on a loaded machine.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private PrometheusServer Prometheus => cluster.Prometheus;

    [Fact]
    public async Task the_ingest_counter_in_prometheus_equals_the_events_the_answers_accepted()
    {
        Assert.True(cluster.Accepted > 0 && cluster.Duplicates > 0 && cluster.Rejected > 0, $"a feed of every outcome: {cluster.Accepted}/{cluster.Duplicates}/{cluster.Rejected}");

        await UntilAsync($"sum(c360_ingest_events_total{{job=\"{PrometheusFixture.GatewayJob}\", outcome=\"accepted\"}})", cluster.Accepted);
        await UntilAsync($"sum(c360_ingest_events_total{{job=\"{PrometheusFixture.GatewayJob}\", outcome=\"duplicate\"}})", cluster.Duplicates);
        await UntilAsync($"sum(c360_ingest_events_total{{job=\"{PrometheusFixture.GatewayJob}\", outcome=\"rejected\"}})", cluster.Rejected);
    }

    [Fact]
    public async Task the_push_lag_histogram_has_a_sample_for_the_console_pushes_of_the_feed()
    {
        Assert.True(cluster.Pushes > 0, "the console received pushes");

        var samples = await Eventually.GetAsync(
            async () => (await Prometheus.QueryAsync($"sum(c360_push_lag_seconds_count{{job=\"{PrometheusFixture.GatewayJob}\"}})")).SingleOrDefault()?.Value ?? 0,
            count => count > 0, Wait, $"push lag samples in Prometheus ({cluster.Logs})");
        // One sample per push sent with an event's arrival; a push covers one event or more: never more samples than events.
        Assert.InRange(samples, 1, cluster.Accepted);
        var p99 = (await Prometheus.QueryAsync($"histogram_quantile(0.99, sum by (le) (c360_push_lag_seconds_bucket{{job=\"{PrometheusFixture.GatewayJob}\"}}))")).Single().Value;
        Assert.InRange(p99, 0, 30);
    }

    [Fact]
    public async Task prometheus_scrapes_the_silo_and_the_gateway_and_both_reach_postgres()
    {
        foreach (var job in new[] { PrometheusFixture.SiloJob, PrometheusFixture.GatewayJob })
        {
            await UntilAsync($"sum(up{{job=\"{job}\"}})", 1);
            await UntilAsync($"sum(c360_postgres_up{{job=\"{job}\"}})", 1);
        }
    }

    [Fact]
    public async Task the_ingest_route_is_labelled_as_the_503_alert_selects_it()
    {
        // C360IngestUnavailable divides 503s by all answers of this route: the series must exist under these labels.
        var answers = await Eventually.GetAsync(
            () => Prometheus.QueryAsync($"sum by (http_response_status_code) (http_server_request_duration_seconds_count{{job=\"{PrometheusFixture.GatewayJob}\", http_route=\"/api/v1/events\"}})"),
            samples => samples.Any(s => s.Labels.GetValueOrDefault("http_response_status_code") == "200" && s.Value > 0),
            Wait, $"event posts answered 200 in Prometheus ({cluster.Logs})");
        Assert.DoesNotContain(answers, s => s.Labels.GetValueOrDefault("http_response_status_code") == "503");
    }

    [Fact]
    public async Task every_query_of_the_dashboard_and_the_alerts_is_valid_over_metrics_the_processes_export()
    {
        var queries = DashboardQueries().Concat(AlertQueries()).ToList();
        Assert.True(queries.Count > 20, $"{queries.Count} queries found");
        var names = queries.SelectMany(MetricNames).ToHashSet();

        // A scrape may time out on a loaded machine, and a histogram appears with its first sample: wait for every name.
        await Eventually.GetAsync(async () =>
            {
                var exported = (await Prometheus.GetDataAsync("/api/v1/label/__name__/values")).EnumerateArray().Select(n => n.GetString()!);
                return string.Join(", ", names.Except(exported).Order());
            },
            missing => missing.Length == 0, Wait, $"every metric the dashboard and the alerts query, in Prometheus; the missing ones last seen ({cluster.Logs})");

        foreach (var query in queries)
        {
            var instant = Substitute(query);
            try { await Prometheus.QueryAsync(instant); }
            catch (InvalidOperationException ex) { Assert.Fail($"{instant}\n{ex.Message}"); }
        }
    }

    [Fact]
    public async Task no_exported_series_names_a_customer_or_a_phone_number_of_the_feed()
    {
        // The feed's last events are counted once this holds: every series it caused has been scraped.
        await UntilAsync($"sum(c360_ingest_events_total{{job=\"{PrometheusFixture.GatewayJob}\", outcome=\"accepted\"}})", cluster.Accepted);

        var series = (await Prometheus.GetDataAsync($"/api/v1/series?match[]={Uri.EscapeDataString("{job=~\"c360-silo|c360-gateway\"}")}"))
            .EnumerateArray().ToList();
        Assert.True(series.Count > 100, $"{series.Count} series");
        var personal = series.SelectMany(s => s.EnumerateObject().Select(l => $"{l.Name}=\"{l.Value.GetString()}\""))
            .Where(label => label.Contains(PrometheusFixture.CustomerPrefix, StringComparison.Ordinal)
                || label.Contains(PrometheusFixture.MsisdnPrefix, StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.True(personal.Count == 0, $"labels naming the feed's customers: {string.Join(", ", personal)}");
    }

    [Fact]
    public async Task the_alert_rules_load_and_a_healthy_cluster_raises_none()
    {
        var rules = await Eventually.GetAsync(async () => (await Prometheus.GetDataAsync("/api/v1/rules")).GetProperty("groups").Clone(),
            groups => groups.EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()).All(r => r.GetProperty("health").GetString() == "ok")
                && groups.GetArrayLength() > 0,
            Wait, "every alert rule evaluated without error");
        var loaded = rules.EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()).Select(r => r.GetProperty("name").GetString()!).ToList();
        Assert.Equal(PrometheusFilesTests.AlertNames(), loaded);

        // Before a target's first scrape, C360NoSiloScraped holds (absent() of a series not yet made): once both are
        // scraped, nothing may stay raised. A real condition (PostgreSQL down, a target down) would stay, and fail.
        await UntilAsync($"sum(up{{job=~\"{PrometheusFixture.SiloJob}|{PrometheusFixture.GatewayJob}\"}})", 2);
        await Eventually.GetAsync(async () => string.Join(", ", (await Prometheus.GetDataAsync("/api/v1/alerts")).GetProperty("alerts").EnumerateArray()
                .Select(a => $"{a.GetProperty("labels").GetProperty("alertname").GetString()} ({a.GetProperty("state").GetString()})")
                // Commit latency is the machine's: a shared test machine may well be slow for a moment. Its unit tests prove it.
                .Where(a => !a.StartsWith("C360JournalCommitSlow", StringComparison.Ordinal))),
            active => active.Length == 0, Wait, $"no alert raised on a healthy cluster ({cluster.Logs}); raised");
    }

    /// <summary>Polls an instant query until its single value is <paramref name="expected"/>.</summary>
    private Task UntilAsync(string promql, double expected) =>
        Eventually.GetAsync(async () => (await Prometheus.QueryAsync(promql)).SingleOrDefault()?.Value,
            value => value == expected, Wait, $"{promql} == {expected.ToString(CultureInfo.InvariantCulture)} ({cluster.Logs})");

    /// <summary>Every <c>expr</c> of tools/monitoring/grafana/customer360.json, its panels' targets and its variables.</summary>
    internal static IEnumerable<string> DashboardQueries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Promtool.MonitoringFolder, "grafana", "customer360.json")));
        var queries = new List<string>();
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
            if (panel.TryGetProperty("targets", out var targets))
                queries.AddRange(targets.EnumerateArray().Select(t => t.GetProperty("expr").GetString()!));
        return queries;
    }

    private static IEnumerable<string> AlertQueries() =>
        ExprBlock().Matches(File.ReadAllText(Path.Combine(Promtool.MonitoringFolder, "alerts.yml")))
            .Select(m => m.Groups["inline"].Success ? m.Groups["inline"].Value : m.Groups["block"].Value);

    /// <summary>Grafana's variables as an operator's "All" selection and a one-minute rate window give them.</summary>
    private static string Substitute(string query) => query
        .Replace("$__rate_interval", "1m", StringComparison.Ordinal)
        .Replace("$silo", ".*", StringComparison.Ordinal)
        .Replace("$gateway", ".*", StringComparison.Ordinal);

    /// <summary>The metric names a query selects (a name followed by its label matchers).</summary>
    private static IEnumerable<string> MetricNames(string query) => Selector().Matches(query).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\{")]
    private static partial Regex Selector();

    [GeneratedRegex(@"^\s+expr: (?:\|\n(?<block>(?: {10}.*\n)+)|(?<inline>.+)$)", RegexOptions.Multiline)]
    private static partial Regex ExprBlock();
}
