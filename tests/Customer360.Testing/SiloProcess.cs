using System.Net;
using System.Net.Sockets;

namespace Customer360.Testing;

/// <summary>
/// The built silo (<c>silo/</c>) run as an OS process of its own (<see cref="ChildProcess"/>), so that a test can kill
/// it as a crash would: SIGKILL, no deactivation, no snapshot written, no goodbye to the membership table. Its
/// console output goes to a file under <c>artifacts/silo-logs/</c>, named in every failure message.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>Where the build records the silo's assembly (see Customer360.Testing.csproj).</summary>
    private const string AssemblyMetadataKey = "Customer360.SiloAssembly";

    private readonly ChildProcess _process;

    public string Name { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>The management listener (<c>/health/live</c>, <c>/health/ready</c>) on 127.0.0.1.</summary>
    public Uri ManagementAddress { get; }

    public string LogPath => _process.LogPath;

    public bool HasExited => _process.HasExited;

    private SiloProcess(string name, ChildProcess process, int siloPort, int gatewayPort, int managementPort)
    {
        ManagementAddress = new Uri($"http://127.0.0.1:{managementPort}");
        Name = name;
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>
    /// Starts <c>dotnet Customer360.Silo.dll</c> on <paramref name="db"/> and waits until its client gateway port
    /// listens. Free ports unless given: a silo restarted in place (as a supervisor restarts a crashed process)
    /// takes its predecessor's. <paramref name="settings"/> use configuration keys (<c>Customers:SnapshotDelay</c>).
    /// </summary>
    public static async Task<SiloProcess> StartAsync(TestDatabase db, string clusterId, string name,
        IDictionary<string, string?>? settings = null, int? siloPort = null, int? gatewayPort = null)
    {
        var assembly = ChildProcess.FindAssembly(AssemblyMetadataKey, "silo", "Customer360.Silo.dll");
        siloPort ??= FreePort.Next();
        gatewayPort ??= FreePort.Next();
        var managementPort = FreePort.Next();
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings:Customer360"] = db.SiloConnectionString,
            ["Storage:ApplySchemaOnStart"] = "false",
            // Load shedding watches the whole machine's CPU, which the test run's parallel builds and silos share: it
            // would refuse test traffic at random. Tests of shedding set Overload:* themselves.
            ["Overload:LoadShedding"] = "false",
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ServiceId"] = clusterId,
            ["Cluster:SiloPort"] = siloPort.ToString(),
            ["Cluster:GatewayPort"] = gatewayPort.ToString(),
            ["Management:Urls"] = $"http://127.0.0.1:{managementPort}",
            ["Cluster:AdvertisedIPAddress"] = "127.0.0.1",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging:Console:FormatterOptions:ColorBehavior"] = "Disabled",
        };
        // Mutual TLS with the test CA, as in production; a test's own settings may replace it.
        foreach (var (key, value) in TestCertificates.Cluster.Settings) environment[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) environment[key] = value;

        // The silo reads appsettings.json from its working folder (the host's content root).
        var process = ChildProcess.Start(assembly, Path.GetDirectoryName(assembly)!, environment, "silo-logs", name,
            $"silo process {name} (cluster {clusterId}, silo port {siloPort}, gateway port {gatewayPort})");
        var silo = new SiloProcess(name, process, siloPort.Value, gatewayPort.Value, managementPort);
        try
        {
            await Eventually.GetAsync(silo.GatewayListensAsync, listening => listening, TimeSpan.FromSeconds(90),
                $"silo process {name} listening on its gateway port {gatewayPort} (log: {process.LogPath})");
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
        return silo;
    }

    /// <summary>A crash: SIGKILL to the silo and anything it started, then wait until it is gone.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>A stop as an operator asks for it (SIGTERM); see <see cref="ChildProcess.TerminateAsync"/>.</summary>
    public Task<TimeSpan> TerminateAsync(TimeSpan wait) => _process.TerminateAsync(wait);

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines of the silo's output, for failure messages.</summary>
    public string Tail(int lines = 30) => _process.Tail(lines);

    private async Task<bool> GatewayListensAsync()
    {
        _process.ThrowIfExited("it listened");
        using var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, GatewayPort, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
