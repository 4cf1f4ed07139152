using System.Text.Json;
using System.Text.RegularExpressions;
using Customer360.Testing;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// The monitoring files of tools/monitoring/ as an operator's Prometheus and Grafana read them. Debian's promtool
/// checks that the alert rules load, that the example scrape configuration loads with them, and that every alert
/// fires on its failing series and stays quiet on healthy ones (alerts.test.yml). Whether their queries match what
/// the processes export is <see cref="PrometheusScrapeTests"/>' part.
/// </summary>
public sealed partial class PrometheusFilesTests
{
    private static string Folder => Promtool.MonitoringFolder;

    [Fact]
    public async Task the_alert_rules_pass_promtool_check_rules()
    {
        var (exitCode, output) = await Promtool.RunAsync(Folder, "check", "rules", "alerts.yml");

        Assert.True(exitCode == 0, $"promtool check rules alerts.yml exited {exitCode}:\n{output}");
        Assert.Contains($"SUCCESS: {AlertNames().Count} rules found", output);
    }

    [Fact]
    public async Task the_example_scrape_config_and_its_rule_file_pass_promtool_check_config()
    {
        var (exitCode, output) = await Promtool.RunAsync(Folder, "check", "config", "prometheus.yml");

        Assert.True(exitCode == 0, $"promtool check config prometheus.yml exited {exitCode}:\n{output}");
        Assert.Contains("SUCCESS: 1 rule files found", output);
    }

    [Fact]
    public async Task every_alert_fires_on_its_failing_series_and_stays_quiet_on_healthy_ones()
    {
        var (exitCode, output) = await Promtool.RunAsync(Folder, "test", "rules", "alerts.test.yml");

        Assert.True(exitCode == 0, $"promtool test rules alerts.test.yml exited {exitCode}:\n{output}");
        // promtool passes a rule nobody tests: each alert must have a case where it fires and one where it must not.
        var tests = File.ReadAllText(Path.Combine(Folder, "alerts.test.yml"));
        foreach (var alert in AlertNames())
        {
            Assert.True(Regex.IsMatch(tests, $@"alertname: {alert}\s+exp_alerts:\s+- exp_labels:"), $"alerts.test.yml has no case where {alert} fires");
            Assert.True(Regex.IsMatch(tests, $@"alertname: {alert}\s+exp_alerts: \[\]"), $"alerts.test.yml has no case where {alert} stays quiet");
        }
    }

    [Fact]
    public async Task a_rule_with_broken_promql_is_refused_by_promtool()
    {
        var folder = Directory.CreateTempSubdirectory("c360-rules-").FullName;
        try
        {
            var rules = File.ReadAllText(Path.Combine(Folder, "alerts.yml"))
                .Replace("expr: up{job=\"c360-silo\"} == 0", "expr: up{job=\"c360-silo\" == 0", StringComparison.Ordinal);
            Assert.Contains("up{job=\"c360-silo\" == 0", rules);
            await File.WriteAllTextAsync(Path.Combine(folder, "alerts.yml"), rules);

            var (exitCode, output) = await Promtool.RunAsync(folder, "check", "rules", "alerts.yml");

            Assert.NotEqual(0, exitCode);
            Assert.Contains("FAILED", output);
            Assert.Contains("C360SiloDown", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task an_alert_that_no_longer_fires_on_its_failing_series_fails_the_rule_tests()
    {
        var folder = Directory.CreateTempSubdirectory("c360-rules-").FullName;
        try
        {
            // Still valid PromQL, but PostgreSQL down (0) no longer matches: the unit tests must catch it.
            var rules = File.ReadAllText(Path.Combine(Folder, "alerts.yml"))
                .Replace("(c360_postgres_up) == 0", "(c360_postgres_up) < 0", StringComparison.Ordinal);
            Assert.Contains("(c360_postgres_up) < 0", rules);
            await File.WriteAllTextAsync(Path.Combine(folder, "alerts.yml"), rules);
            File.Copy(Path.Combine(Folder, "alerts.test.yml"), Path.Combine(folder, "alerts.test.yml"));

            var (checkExit, checkOutput) = await Promtool.RunAsync(folder, "check", "rules", "alerts.yml");
            var (testExit, testOutput) = await Promtool.RunAsync(folder, "test", "rules", "alerts.test.yml");

            Assert.True(checkExit == 0, checkOutput);
            Assert.NotEqual(0, testExit);
            Assert.Contains("alertname: C360PostgresDown", testOutput);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void the_grafana_dashboard_asks_for_a_prometheus_datasource_and_queries_it_in_every_panel()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "grafana", "customer360.json")));
        var root = dashboard.RootElement;
        var variables = root.GetProperty("templating").GetProperty("list").EnumerateArray().ToList();
        Assert.Contains(variables, v => v.GetProperty("name").GetString() == "datasource"
            && v.GetProperty("type").GetString() == "datasource" && v.GetProperty("query").GetString() == "prometheus");

        var panels = root.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() != "row").ToList();
        Assert.NotEmpty(panels);
        foreach (var panel in panels)
        {
            var title = panel.GetProperty("title").GetString();
            Assert.Equal("${datasource}", panel.GetProperty("datasource").GetProperty("uid").GetString());
            var targets = panel.GetProperty("targets").EnumerateArray().ToList();
            Assert.True(targets.Count > 0, $"panel '{title}' has no query");
            Assert.All(targets, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString()), $"panel '{title}' has an empty query"));
        }
        // Distinct titles: an on-call engineer names the panel she means.
        var titles = panels.Select(p => p.GetProperty("title").GetString()).ToList();
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    /// <summary>The alerts defined in alerts.yml, in file order.</summary>
    internal static IReadOnlyList<string> AlertNames() =>
        [.. AlertLine().Matches(File.ReadAllText(Path.Combine(Folder, "alerts.yml"))).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^\s*- alert: (\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AlertLine();
}
