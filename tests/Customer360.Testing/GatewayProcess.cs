using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;

namespace Customer360.Testing;

/// <summary>
/// The built gateway (<c>gateway/</c>) run as an OS process of its own, configured through environment variables
/// the way operators configure it, so that a test can kill it as a crash would (SIGKILL: no graceful stop, no
/// queue drained). It joins an existing cluster; its output goes to a file under <c>artifacts/gateway-logs/</c>,
/// named in every failure message. Demo mode is on, so the demo users sign in as with <see cref="TestGateway"/>.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    /// <summary>Where the build records the gateway's assembly (see Customer360.Testing.csproj).</summary>
    private const string AssemblyMetadataKey = "Customer360.GatewayAssembly";

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    private GatewayProcess(Process process, StreamWriter log, string logPath, Uri baseAddress)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        BaseAddress = baseAddress;
    }

    /// <summary>
    /// Starts <c>dotnet Customer360.Gateway.dll</c> in <paramref name="clusterId"/> on <paramref name="db"/> and waits
    /// until it answers <c>/health/ready</c>. <paramref name="settings"/> use configuration keys (<c>Audit:BatchSize</c>).
    /// </summary>
    public static async Task<GatewayProcess> StartAsync(TestDatabase db, string clusterId, IDictionary<string, string?>? settings = null)
    {
        var assembly = FindGatewayAssembly();
        var port = FreePort.Next();
        var start = new ProcessStartInfo(SiloProcess.DotnetHost())
        {
            // The gateway's content root: appsettings.json and the dashboard's wwwroot of this checkout.
            WorkingDirectory = Path.Combine(RepoRoot.Path, "gateway"),
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(assembly);
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings:Customer360"] = db.GatewayConnectionString,
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ServiceId"] = clusterId,
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Auth:DemoMode"] = "true",
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            ["Logging:Console:FormatterOptions:ColorBehavior"] = "Disabled",
        };
        // Mutual TLS with the test CA, as in production; a test's own settings may replace it.
        foreach (var (key, value) in TestCertificates.Cluster.Settings) environment[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) environment[key] = value;
        foreach (var (key, value) in environment) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var folder = Path.Combine(RepoRoot.Path, "artifacts", "gateway-logs");
        Directory.CreateDirectory(folder);
        var logPath = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-gateway-{Guid.NewGuid().ToString("N")[..6]}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var gateway = new GatewayProcess(process, log, logPath, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => gateway.Write(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.Write(e.Data);
        gateway.Write($"=== test: starting {start.FileName} {assembly} (cluster {clusterId}, port {port})");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Eventually.GetAsync(gateway.IsReadyAsync, ready => ready, TimeSpan.FromSeconds(90),
                $"gateway process ready on port {port} (log: {logPath})");
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
        return gateway;
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A crash: SIGKILL, then wait until the process is gone.</summary>
    public async Task KillAsync()
    {
        Write("=== test: killing the gateway process (SIGKILL)");
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The last lines of the gateway's output, for failure messages.</summary>
    public string Tail(int lines = 30)
    {
        lock (_logLock)
        {
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
    }

    private async Task<bool> IsReadyAsync()
    {
        if (_process.HasExited)
            throw new InvalidOperationException($"gateway process exited with code {_process.ExitCode} before it was ready (log: {LogPath}):\n{Tail()}");
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            return (await http.GetAsync("/health/ready")).IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_logLock)
        {
            try { _log.WriteLine(line); }
            catch (ObjectDisposedException) { /* output arriving after dispose */ }
        }
    }

    /// <summary>The gateway assembly the build recorded; failing that, <c>gateway/bin/&lt;configuration&gt;/net*/</c> of this checkout.</summary>
    private static string FindGatewayAssembly()
    {
        var recorded = typeof(GatewayProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == AssemblyMetadataKey)?.Value;
        if (!string.IsNullOrEmpty(recorded) && File.Exists(recorded)) return recorded;

        var configuration = typeof(GatewayProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var bin = new DirectoryInfo(Path.Combine(RepoRoot.Path, "gateway", "bin", configuration));
        var found = bin.Exists
            ? bin.GetFiles("Customer360.Gateway.dll", SearchOption.AllDirectories).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()
            : null;
        return found?.FullName ?? throw new FileNotFoundException(
            $"Customer360.Gateway.dll not found (recorded path '{recorded}', nor under {bin.FullName}); build the solution with -c {configuration}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                Write("=== test: disposing; killing the gateway process");
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Never started, or already gone.
        }
        _process.Dispose();
        lock (_logLock) _log.Dispose();
    }
}
