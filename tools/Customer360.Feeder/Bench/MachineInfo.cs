using System.Runtime.InteropServices;
using Npgsql;

namespace Customer360.Feeder.Bench;

/// <summary>Where the figures were measured: they mean little without it.</summary>
public sealed record MachineInfo(string Cpu, int Cores, string Memory, string Os, string Kernel, string DotNet, string PostgreSql)
{
    public static async Task<MachineInfo> ReadAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        string postgres;
        try
        {
            await using var cmd = db.CreateCommand("show server_version");
            postgres = (await cmd.ExecuteScalarAsync(ct))?.ToString() ?? "unknown";
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException) { postgres = $"unknown ({ex.Message})"; }
        return new MachineInfo(
            Cpu: FirstValue("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString(),
            Cores: Environment.ProcessorCount,
            Memory: FirstValue("/proc/meminfo", "MemTotal", ':') is { } kb && long.TryParse(kb.Split(' ')[0], out var k)
                ? $"{k / 1048576.0:F1} GiB" : "unknown",
            Os: FirstValue("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription,
            Kernel: Read("/proc/sys/kernel/osrelease") ?? "unknown",
            DotNet: RuntimeInformation.FrameworkDescription,
            PostgreSql: postgres);
    }

    private static string? FirstValue(string path, string key, char separator)
    {
        if (!File.Exists(path)) return null;
        return File.ReadLines(path).Select(l => l.Split(separator, 2))
            .FirstOrDefault(p => p.Length == 2 && p[0].Trim() == key)?[1].Trim();
    }

    private static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;
}
