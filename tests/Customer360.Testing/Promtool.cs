using System.Diagnostics;

namespace Customer360.Testing;

/// <summary>
/// Debian's <c>promtool</c> (package prometheus, installed by test.sh): checks Prometheus configuration and rule files
/// and runs rule unit tests. Path from <c>C360_PROMTOOL</c>, else <c>/usr/bin/promtool</c>.
/// </summary>
public static class Promtool
{
    /// <summary>The repository's monitoring files: prometheus.yml, alerts.yml, alerts.test.yml, the Grafana dashboard.</summary>
    public static string MonitoringFolder => Path.Combine(RepoRoot.Path, "tools", "monitoring");

    public static string ProgramPath => Installed("C360_PROMTOOL", "/usr/bin/promtool");

    /// <summary>Runs promtool with <paramref name="arguments"/> in <paramref name="workingDirectory"/>; its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(ProgramPath)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{ProgramPath} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"promtool {string.Join(' ', arguments)} did not finish within 60 s");
        }
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>
    /// A program of Debian's prometheus package: the path in <paramref name="variable"/>, else <paramref name="fallback"/>.
    /// Missing is a failure, never a skip: the monitoring files would otherwise go unchecked.
    /// </summary>
    internal static string Installed(string variable, string fallback)
    {
        var path = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } set ? set : fallback;
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} not found: run the tests through ./test.sh, which installs Debian's prometheus package (or set {variable}).");
    }
}
