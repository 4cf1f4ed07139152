using System.Security.Cryptography;

namespace Customer360.Testing;

/// <summary>
/// The built gateway (<c>gateway/</c>) run as an OS process of its own (<see cref="ChildProcess"/>), so that a test can
/// kill it as a crash would (SIGKILL: no graceful stop, no queue drained). It joins an existing cluster; its output
/// goes to a file under <c>artifacts/gateway-logs/</c>, named in every failure message. Demo mode is on, so the demo
/// users sign in as with <see cref="TestGateway"/>.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    /// <summary>Where the build records the gateway's assembly (see Customer360.Testing.csproj).</summary>
    private const string AssemblyMetadataKey = "Customer360.GatewayAssembly";

    private readonly ChildProcess _process;

    public Uri BaseAddress { get; }

    public string LogPath => _process.LogPath;

    private GatewayProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>
    /// Starts <c>dotnet Customer360.Gateway.dll</c> in <paramref name="clusterId"/> on <paramref name="db"/> and waits
    /// until it answers <c>/health/ready</c>. <paramref name="settings"/> use configuration keys (<c>Audit:BatchSize</c>).
    /// </summary>
    public static async Task<GatewayProcess> StartAsync(TestDatabase db, string clusterId, IDictionary<string, string?>? settings = null)
    {
        var assembly = ChildProcess.FindAssembly(AssemblyMetadataKey, "gateway", "Customer360.Gateway.dll");
        var port = FreePort.Next();
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings:Customer360"] = db.GatewayConnectionString,
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ServiceId"] = clusterId,
            ["Urls"] = $"http://127.0.0.1:{port}",
            // Two gateway processes may run side by side: each its own management port.
            ["Management:Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Auth:DemoMode"] = "true",
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            ["Logging:Console:FormatterOptions:ColorBehavior"] = "Disabled",
        };
        // Mutual TLS with the test CA, as in production; a test's own settings may replace it.
        foreach (var (key, value) in TestCertificates.Cluster.Settings) environment[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) environment[key] = value;

        // The gateway's content root: appsettings.json and the dashboard's wwwroot of this checkout.
        var process = ChildProcess.Start(assembly, Path.Combine(RepoRoot.Path, "gateway"), environment, "gateway-logs", "gateway",
            $"gateway process (cluster {clusterId}, port {port})");
        var gateway = new GatewayProcess(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await Eventually.GetAsync(gateway.IsReadyAsync, ready => ready, TimeSpan.FromSeconds(90),
                $"gateway process ready on port {port} (log: {process.LogPath})");
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
    public Task KillAsync() => _process.KillAsync();

    /// <summary>A stop as an operator asks for it (SIGTERM); see <see cref="ChildProcess.TerminateAsync"/>.</summary>
    public Task<TimeSpan> TerminateAsync(TimeSpan wait) => _process.TerminateAsync(wait);

    /// <summary>The last lines of the gateway's output, for failure messages.</summary>
    public string Tail(int lines = 30) => _process.Tail(lines);

    private async Task<bool> IsReadyAsync()
    {
        _process.ThrowIfExited("it was ready");
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

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
