using System.Diagnostics;
using Customer360.Testing;

namespace Customer360.Cluster.Tests;

/// <summary>
/// What an administrator runs by hand — a script of <c>scripts/</c>, a command of the built silo — run to completion
/// with settings in its environment (never on its command line, where <c>ps</c> shows them). A non-zero exit fails
/// the test with the program's output, unless the test expects a refusal.
/// </summary>
internal static class AdminProgram
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary><c>bash scripts/{script} args…</c> from the repository root; its output.</summary>
    public static async Task<string> ScriptAsync(string script, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Succeeded(await RunScriptAsync(script, environment, args));

    /// <summary>The output of a script that must refuse: a test fails when it exits with 0.</summary>
    public static async Task<string> ScriptRefusesAsync(string script, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var (what, exitCode, output) = await RunScriptAsync(script, environment, args);
        Assert.True(exitCode != 0, $"{what} should have refused, but exited with 0:\n{output}");
        return output;
    }

    private static Task<(string What, int ExitCode, string Output)> RunScriptAsync(string script, IReadOnlyDictionary<string, string> environment, string[] args) =>
        RunAsync("bash", [Path.Combine(RepoRoot.Path, "scripts", script), .. args], RepoRoot.Path, environment);

    /// <summary><c>dotnet Customer360.Silo.dll {command}</c> in the silo's folder (where its appsettings.json is).</summary>
    public static async Task<string> SiloCommandAsync(string command, IReadOnlyDictionary<string, string> settings)
    {
        var assembly = ChildProcess.FindAssembly("Customer360.SiloAssembly", "silo", "Customer360.Silo.dll");
        return Succeeded(await RunAsync(ChildProcess.DotnetHost(), [assembly, command], Path.GetDirectoryName(assembly)!,
            settings.ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value)));
    }

    private static string Succeeded((string What, int ExitCode, string Output) run) =>
        run.ExitCode == 0 ? run.Output : throw new InvalidOperationException($"{run.What} exited with code {run.ExitCode}:\n{run.Output}");

    private static async Task<(string What, int ExitCode, string Output)> RunAsync(string program, string[] args, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var what = $"{Path.GetFileName(program)} {string.Join(' ', args.Select(Path.GetFileName))}";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{what} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish within {Timeout.TotalSeconds} s");
        }
        return (what, process.ExitCode, $"{await output}{await errors}");
    }
}
