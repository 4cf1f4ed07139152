using System.Globalization;

namespace Customer360.Feeder.Bench;

/// <summary>
/// CPU time of the benchmark's processes from <c>/proc/PID/stat</c> (utime + stime). PostgreSQL is the postmaster
/// and every process it started: its own time, its live children's, and its <c>cutime + cstime</c>, which holds
/// the time of the children it has reaped, so a backend that ends between two readings is counted too. The
/// kernel reports these in clock ticks of USER_HZ, 100 a second on Linux whatever the kernel's own HZ.
/// </summary>
public static class CpuMeter
{
    private const double TicksPerSecond = 100;

    public const string Silo = "silo";
    public const string Gateway = "gateway";
    public const string PostgreSql = "PostgreSQL";
    public const string Feeder = "feeder";

    /// <summary>CPU seconds used so far by each process named by <paramref name="settings"/>; null where it cannot be read.</summary>
    public static IReadOnlyDictionary<string, double?> Read(BenchSettings settings) => new Dictionary<string, double?>
    {
        [Silo] = settings.SiloPid is { } silo ? Own(silo) : null,
        [Gateway] = settings.GatewayPid is { } gateway ? Own(gateway) : null,
        [PostgreSql] = settings.PostgresPid is { } postmaster ? WithChildren(postmaster) : null,
        [Feeder] = Own(Environment.ProcessId),
    };

    /// <summary>The difference of two readings, per process (null where either is missing).</summary>
    public static IReadOnlyDictionary<string, double?> Used(IReadOnlyDictionary<string, double?> before, IReadOnlyDictionary<string, double?> after) =>
        before.ToDictionary(b => b.Key, b => b.Value is { } x && after.GetValueOrDefault(b.Key) is { } y ? y - x : (double?)null);

    private static double? Own(int pid) => Stat(pid) is { } s ? (s.UTime + s.STime) / TicksPerSecond : null;

    private static double? WithChildren(int parent)
    {
        if (Stat(parent) is not { } p) return null;
        var ticks = p.UTime + p.STime + p.CUTime + p.CSTime;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == parent) continue;
            if (Stat(pid) is { } c && c.ParentPid == parent) ticks += c.UTime + c.STime;
        }
        return ticks / TicksPerSecond;
    }

    private sealed record ProcStat(int ParentPid, long UTime, long STime, long CUTime, long CSTime);

    /// <summary>
    /// Fields 4 (ppid) and 14–17 (utime, stime, cutime, cstime) of <c>/proc/PID/stat</c>. The command name, field 2,
    /// is in parentheses and may hold spaces, so fields are counted from the last ')'.
    /// </summary>
    private static ProcStat? Stat(int pid)
    {
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
        var close = text.LastIndexOf(')');
        if (close < 0) return null;
        // After ')': field 3 (state) is at index 0, so field k is at index k - 3.
        var f = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 15) return null;
        long L(int field) => long.Parse(f[field - 3], CultureInfo.InvariantCulture);
        return new ProcStat((int)L(4), L(14), L(15), L(16), L(17));
    }
}
