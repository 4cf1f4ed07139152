using System.Diagnostics;
using System.Reflection;

namespace Customer360.Testing;

/// <summary>
/// A built program of this repository (the silo, the gateway) run as an OS process of its own, configured through
/// environment variables the way operators configure it, so that a test can kill it as a crash would. Its console
/// output goes to a file under <c>artifacts/{logFolder}/</c>, which failure messages name.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();

    /// <summary>What the process is, in log lines and messages ("the silo process crash-first").</summary>
    public string Description { get; }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    private ChildProcess(Process process, StreamWriter log, string logPath, string description)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        Description = description;
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
    }

    /// <summary>
    /// Starts <c>dotnet {assembly}</c> in <paramref name="workingDirectory"/> with <paramref name="settings"/> (configuration
    /// keys such as <c>Audit:BatchSize</c>, passed as <c>Audit__BatchSize</c>) in its environment.
    /// </summary>
    public static ChildProcess Start(string assembly, string workingDirectory, IReadOnlyDictionary<string, string?> settings,
        string logFolder, string logName, string description)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(assembly);
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return Launch(start, logFolder, logName, description, assembly);
    }

    /// <summary>
    /// Starts a program that is not ours (Prometheus) with <paramref name="arguments"/>, its output logged as for
    /// <see cref="Start"/>.
    /// </summary>
    public static ChildProcess StartProgram(string program, IEnumerable<string> arguments, string workingDirectory,
        string logFolder, string logName, string description)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return Launch(start, logFolder, logName, description, string.Join(' ', start.ArgumentList));
    }

    private static ChildProcess Launch(ProcessStartInfo start, string logFolder, string logName, string description, string arguments)
    {
        var folder = Path.Combine(RepoRoot.Path, "artifacts", logFolder);
        Directory.CreateDirectory(folder);
        var logPath = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{logName}-{Guid.NewGuid().ToString("N")[..6]}.log");
        var child = new ChildProcess(new Process { StartInfo = start, EnableRaisingEvents = true },
            new StreamWriter(logPath) { AutoFlush = true }, logPath, description);
        child.Write($"=== test: starting {start.FileName} {arguments} ({description})");
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Throws, with the log's last lines, when the process has exited before it was ready.</summary>
    public void ThrowIfExited(string beforeWhat)
    {
        if (_process.HasExited)
            throw new InvalidOperationException(
                $"{Description} exited with code {_process.ExitCode} before {beforeWhat} (log: {LogPath}):\n{Tail()}");
    }

    /// <summary>A crash: SIGKILL to the process and anything it started, then wait until it is gone.</summary>
    public async Task KillAsync()
    {
        Write($"=== test: killing {Description} (SIGKILL)");
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Asks the process to stop as an operator or a supervisor does (SIGTERM, to the process only) and waits up to
    /// <paramref name="wait"/> for it to exit. Returns how long it took; throws, with the log's tail, when it did not
    /// exit in time (the process is then left running for <see cref="DisposeAsync"/> to kill).
    /// </summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan wait)
    {
        Write($"=== test: stopping {Description} (SIGTERM)");
        var started = Stopwatch.StartNew();
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString()]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start"))
            await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync().WaitAsync(wait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Description} did not exit within {wait.TotalSeconds:0} s of SIGTERM (log: {LogPath}):\n{Tail()}");
        }
        return started.Elapsed;
    }

    /// <summary>The last lines of the process's output, for failure messages.</summary>
    public string Tail(int lines = 30)
    {
        lock (_logLock)
        {
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
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
    /// The assembly the build recorded under <paramref name="metadataKey"/> (see Customer360.Testing.csproj); failing
    /// that, the newest <paramref name="fileName"/> under <c>{projectFolder}/bin/&lt;configuration&gt;/</c> of this checkout.
    /// </summary>
    public static string FindAssembly(string metadataKey, string projectFolder, string fileName)
    {
        var recorded = typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == metadataKey)?.Value;
        if (!string.IsNullOrEmpty(recorded) && File.Exists(recorded)) return recorded;

        var configuration = typeof(ChildProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var bin = new DirectoryInfo(Path.Combine(RepoRoot.Path, projectFolder, "bin", configuration));
        var found = bin.Exists
            ? bin.GetFiles(fileName, SearchOption.AllDirectories).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()
            : null;
        return found?.FullName ?? throw new FileNotFoundException(
            $"{fileName} not found (recorded path '{recorded}', nor under {bin.FullName}); build the solution with -c {configuration}");
    }

    /// <summary>The <c>dotnet</c> host running these tests, so the child runs on the same runtime.</summary>
    public static string DotnetHost()
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
                Write($"=== test: disposing; killing {Description}");
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
