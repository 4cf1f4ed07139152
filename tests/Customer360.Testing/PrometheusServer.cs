using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Customer360.Testing;

/// <summary>
/// Debian's Prometheus (package prometheus, installed by test.sh; path from <c>C360_PROMETHEUS</c>, else
/// <c>/usr/bin/prometheus</c>) run as a process of its own on a free loopback port, scraping the given targets every
/// two seconds into a throwaway database, and evaluating the given rule file every second. Its log goes to
/// <c>artifacts/prometheus-logs/</c>. Dispose stops it (SIGTERM, then SIGKILL if it hangs) and deletes its files.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly ChildProcess _process;
    private readonly string _folder;
    private readonly HttpClient _http;

    public Uri BaseAddress { get; }

    public string LogPath => _process.LogPath;

    private PrometheusServer(ChildProcess process, string folder, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = RequestTimeout };
    }

    /// <summary>
    /// Starts Prometheus scraping <c>/metrics</c> of <paramref name="jobs"/> (job name → base addresses of the
    /// management listeners) and evaluating <paramref name="ruleFile"/> when given; waits until <c>/-/ready</c>.
    /// </summary>
    public static async Task<PrometheusServer> StartAsync(IReadOnlyDictionary<string, Uri[]> jobs, string? ruleFile = null)
    {
        var program = Promtool.Installed("C360_PROMETHEUS", "/usr/bin/prometheus");
        var folder = Directory.CreateTempSubdirectory("c360-prometheus-").FullName;
        var configPath = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(configPath, Config(jobs, ruleFile));
        var port = FreePort.Next();
        var process = ChildProcess.StartProgram(program,
            [
                $"--config.file={configPath}",
                $"--storage.tsdb.path={Path.Combine(folder, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
            ],
            folder, "prometheus-logs", "prometheus", $"prometheus on 127.0.0.1:{port}");
        var server = new PrometheusServer(process, folder, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await Eventually.GetAsync(server.IsReadyAsync, ready => ready, TimeSpan.FromSeconds(60),
                $"prometheus ready on port {port} (log: {process.LogPath})");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>
    /// The configuration: a test sees a change within seconds. Scrapes every 2 s with as long a timeout (a scrape took
    /// up to 0.16 s here; a loaded test machine must not turn a slow one into a target down), rules every second.
    /// </summary>
    public static string Config(IReadOnlyDictionary<string, Uri[]> jobs, string? ruleFile)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("global:");
        yaml.AppendLine("  scrape_interval: 2s");
        yaml.AppendLine("  scrape_timeout: 2s");
        yaml.AppendLine("  evaluation_interval: 1s");
        if (ruleFile is not null)
        {
            yaml.AppendLine("rule_files:");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - '{Path.GetFullPath(ruleFile)}'");
        }
        yaml.AppendLine("scrape_configs:");
        foreach (var (job, targets) in jobs)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - job_name: '{job}'");
            yaml.AppendLine("    metrics_path: /metrics");
            yaml.AppendLine("    static_configs:");
            yaml.AppendLine(CultureInfo.InvariantCulture,
                $"      - targets: [{string.Join(", ", targets.Select(t => $"'{t.Host}:{t.Port}'"))}]");
        }
        return yaml.ToString();
    }

    /// <summary>
    /// An instant query (<c>/api/v1/query</c>): one (labels, value) a series of the resulting vector, nothing when
    /// it is empty. Throws with Prometheus' error when the query is refused (bad PromQL).
    /// </summary>
    public async Task<IReadOnlyList<PrometheusSample>> QueryAsync(string promql)
    {
        var data = await GetDataAsync($"/api/v1/query?query={Uri.EscapeDataString(promql)}");
        var type = data.GetProperty("resultType").GetString();
        if (type == "scalar")
            return [new PrometheusSample(new Dictionary<string, string>(), ParseValue(data.GetProperty("result")))];
        if (type != "vector") throw new InvalidOperationException($"'{promql}' gave a {type}, not a vector");
        return [.. data.GetProperty("result").EnumerateArray().Select(series => new PrometheusSample(
            series.GetProperty("metric").EnumerateObject().ToDictionary(l => l.Name, l => l.Value.GetString() ?? ""),
            ParseValue(series.GetProperty("value"))))];
    }

    /// <summary>The <c>data</c> of a successful answer of the HTTP API at <paramref name="pathAndQuery"/>.</summary>
    public async Task<JsonElement> GetDataAsync(string pathAndQuery)
    {
        using var response = await _http.GetAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (!response.IsSuccessStatusCode || root.GetProperty("status").GetString() != "success")
            throw new InvalidOperationException($"Prometheus refused {pathAndQuery} ({(int)response.StatusCode}): {body}");
        return root.GetProperty("data").Clone();
    }

    /// <summary>The last lines of Prometheus' log, for failure messages.</summary>
    public string Tail(int lines = 30) => _process.Tail(lines);

    private static double ParseValue(JsonElement pair) =>
        double.Parse(pair[1].GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private async Task<bool> IsReadyAsync()
    {
        _process.ThrowIfExited("it was ready");
        try
        {
            using var response = await _http.GetAsync("/-/ready");
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        // SIGTERM lets it close its database; a Prometheus that hangs is killed by the dispose below.
        if (!_process.HasExited)
        {
            try { await _process.TerminateAsync(TimeSpan.FromSeconds(15)); }
            catch (TimeoutException) { /* killed below */ }
        }
        await _process.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a file still held: the temp folder is cleaned with the machine */ }
    }
}
