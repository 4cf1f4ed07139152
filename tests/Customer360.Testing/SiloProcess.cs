using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Customer360.Testing;

/// <summary>
/// The built silo (<c>silo/</c>) run as an OS process of its own, configured through environment variables
/// the way operators configure it, so that a test can kill it as a crash would: SIGKILL, no deactivation, no
/// snapshot written, no goodbye to the membership table. Its console output goes to a file under
/// <c>artifacts/silo-logs/</c>, named in every failure message.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>Where the build records the silo's assembly (see Customer360.Testing.csproj).</summary>
    private const string AssemblyMetadataKey = "Customer360.SiloAssembly";

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();

    public string Name { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    private SiloProcess(string name, Process process, StreamWriter log, string logPath, int siloPort, int gatewayPort)
    {
        Name = name;
        _process = process;
        _log = log;
        LogPath = logPath;
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
        var assembly = FindSiloAssembly();
        siloPort ??= FreePort.Next();
        gatewayPort ??= FreePort.Next();
        var start = new ProcessStartInfo(DotnetHost())
        {
            // The silo reads appsettings.json from its working folder (the host's content root).
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(assembly);
        var environment = new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings:Customer360"] = db.SiloConnectionString,
            ["Storage:ApplySchemaOnStart"] = "false",
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ServiceId"] = clusterId,
            ["Cluster:SiloPort"] = siloPort.ToString(),
            ["Cluster:GatewayPort"] = gatewayPort.ToString(),
            ["Cluster:AdvertisedIPAddress"] = "127.0.0.1",
            ["Logging:Console:FormatterName"] = "simple",
            ["Logging:Console:FormatterOptions:SingleLine"] = "true",
            ["Logging:Console:FormatterOptions:TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging:Console:FormatterOptions:ColorBehavior"] = "Disabled",
        };
        // Mutual TLS with the test CA, as in production; a test's own settings may replace it.
        foreach (var (key, value) in TestCertificates.Cluster.Settings) environment[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) environment[key] = value;
        foreach (var (key, value) in environment) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var folder = Path.Combine(RepoRoot.Path, "artifacts", "silo-logs");
        Directory.CreateDirectory(folder);
        var logPath = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{name}-{Guid.NewGuid().ToString("N")[..6]}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var silo = new SiloProcess(name, process, log, logPath, siloPort.Value, gatewayPort.Value);
        process.OutputDataReceived += (_, e) => silo.Write(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Write(e.Data);
        silo.Write($"=== test: starting {start.FileName} {assembly} (cluster {clusterId}, silo port {siloPort}, gateway port {gatewayPort})");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Eventually.GetAsync(silo.GatewayListensAsync, listening => listening, TimeSpan.FromSeconds(90),
                $"silo process {name} listening on its gateway port {gatewayPort} (log: {logPath})");
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
        return silo;
    }

    /// <summary>A crash: SIGKILL to the silo and anything it started, then wait until it is gone.</summary>
    public async Task KillAsync()
    {
        Write("=== test: killing the silo process (SIGKILL)");
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The last lines of the silo's output, for failure messages.</summary>
    public string Tail(int lines = 30)
    {
        lock (_logLock)
        {
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
    }

    private async Task<bool> GatewayListensAsync()
    {
        if (_process.HasExited)
            throw new InvalidOperationException(
                $"silo process {Name} exited with code {_process.ExitCode} before it listened (log: {LogPath}):\n{Tail()}");
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

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_logLock)
        {
            try { _log.WriteLine(line); }
            catch (ObjectDisposedException) { /* output arriving after dispose */ }
        }
    }

    /// <summary>
    /// The silo assembly the build recorded (it builds the silo project, see the csproj); failing that, the
    /// usual <c>silo/bin/&lt;configuration&gt;/net*/</c> of this checkout.
    /// </summary>
    private static string FindSiloAssembly()
    {
        var recorded = typeof(SiloProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == AssemblyMetadataKey)?.Value;
        if (!string.IsNullOrEmpty(recorded) && File.Exists(recorded)) return recorded;

        var configuration = typeof(SiloProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var bin = new DirectoryInfo(Path.Combine(RepoRoot.Path, "silo", "bin", configuration));
        var found = bin.Exists
            ? bin.GetFiles("Customer360.Silo.dll", SearchOption.AllDirectories).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()
            : null;
        return found?.FullName ?? throw new FileNotFoundException(
            $"Customer360.Silo.dll not found (recorded path '{recorded}', nor under {bin.FullName}); build the solution with -c {configuration}");
    }

    /// <summary>The <c>dotnet</c> host running these tests, so the silo runs on the same runtime.</summary>
    internal static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        return "dotnet";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                Write("=== test: disposing; killing the silo process");
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
