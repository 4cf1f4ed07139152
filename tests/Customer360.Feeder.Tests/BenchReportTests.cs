using Customer360.Feeder.Bench;
using Customer360.Feeder.Ingest;

namespace Customer360.Feeder.Tests;

/// <summary>BENCHMARKS.md as <see cref="BenchReport"/> writes it: the sections and target rows of issue 15.</summary>
public sealed class BenchReportTests
{
    private static readonly MachineInfo Machine = new("test CPU", 2, "1.0 GiB", "test OS", "6.0", ".NET", "15");

    private static BenchSettings Settings(params string[] args) => BenchSettings.Parse(["--silo-pid", "1", .. args]);

    private static RunSummary Run(long accepted, double seconds, double p99) =>
        new(accepted, accepted, 0, 0, 0, 0, accepted / 10, TimeSpan.FromSeconds(seconds), p99 / 4, p99 / 2, p99, p99 * 2);

    private static ProbeSummary Probes(double p50, double p99) => new(100, 300, 300, 0, TimeSpan.FromSeconds(30), p50, p99 / 2, p99, p99 * 1.5);

    private static InteractiveResult Lanes(double consoleP99, double readP99, double walkInP99, double ackP99, RunSummary? load) => new(
    [
        new(InteractiveBench.EventToConsole, "consoles", Probes(3, consoleP99), null),
        new(InteractiveBench.ProfileRead, "reads", Probes(2, readP99), null),
        new(InteractiveBench.WalkIn, "walk-ins", Probes(4, walkInP99), null),
        new(InteractiveBench.Acknowledge, "acks", null, "the gateway answered 403"),
        new(InteractiveBench.Echo, "echo", Probes(0.3, 6), null),
    ], Run(300, 30, 40), load);

    [Fact]
    public void Renders_the_interactive_lane_search_cpu_and_every_target_of_issue_15()
    {
        var report = new BenchReport(Settings(), Machine, DateTimeOffset.UnixEpoch)
        {
            Population = Run(700_000, 20, 900),
            Sustained = Run(1_000_000, 38, 800),
            SustainedCpu = new Dictionary<string, double?> { [CpuMeter.Silo] = 10, [CpuMeter.Gateway] = 2, [CpuMeter.PostgreSql] = 6, [CpuMeter.Feeder] = 1 },
            InteractiveIdle = Lanes(4, 3, 5, 5, null),
            Interactive = Lanes(120, 80, 90, 0, Run(600_000, 30, 700)),
            SearchIdle = [new("q = exact id", "as admin: `/api/v1/customers?q=C00000001`", Probes(5, 30), null), new("tier", "as am01: `/api/v1/customers?tier=mass`", null, "timed out")],
            SearchLoaded = [new("q = exact id", "as admin: `/api/v1/customers?q=C00000001`", Probes(9, 70), null), new("tier", "as am01: `/api/v1/customers?tier=mass`", Probes(20, 60), null)],
        };

        var md = report.ToMarkdown();

        Assert.Contains("## (g) Interactive lane under 80% load", md);
        Assert.Contains("## (h) Search and lists", md);
        // 19 CPU seconds over 1,000,000 accepted events.
        Assert.Contains("| **total** | 19.0 | 0.50 | **19.0** |", md);
        Assert.Contains("| CPU per accepted event over (a), all processes | **19.0 µs** | ≤ 20 µs (aim) | met |", md);
        Assert.Contains("| (g) event-to-console p99 under 80% load | **120 ms** | ≤ 150 ms | met |", md);
        Assert.Contains("| (g) profile GET p99 under 80% load | **80 ms** | ≤ 50 ms | not met |", md);
        Assert.Contains("| (g) staff action p99 under 80% load: alert acknowledgement | not measured (the gateway answered 403) | ≤ 100 ms | |", md);
        Assert.Contains("| (g) idle event-to-console p50 | **3.0 ms** | ≤ 5 ms | met |", md);
        Assert.Contains("| (g) interactive POST p99 under 80% load | **40 ms** | ≤ 100 ms | met |", md);
        Assert.Contains("= **20.0×** | ≤ 5× (stretch) | not met |", md);
        Assert.Contains("| onboarding: registering the population ÷ 10,222 events/s (2026-12-01) | 35,000 ÷ 10,222 = **3.4×** | ≥ 3× | met |", md);
        Assert.Contains("| (h) search and lists p99, worst kind, idle", md);
        Assert.Contains("**30 ms** (q = exact id as admin) | ≤ 50 ms | met |", md);
        Assert.Contains("**70 ms** (q = exact id as admin) | ≤ 50 ms | not met |", md);
        Assert.Contains("| tier | as am01: `/api/v1/customers?tier=mass` | failed: timed out | | | | | 300 |", md);
        Assert.Contains("| ours ÷ naive baseline | not measured | information, not a target", md);
        Assert.Contains("| silo memory with 1,000,000 active profiles | not measured | ≤ 4 GiB | |", md);
        Assert.Contains("| event-to-console p99 | not measured | < 1 s | |", md);
    }

    [Fact]
    public void Says_why_the_new_steps_have_no_figures_when_skipped()
    {
        var settings = Settings("--interactive-seconds", "0", "--search-requests", "0");
        var report = new BenchReport(settings, Machine, DateTimeOffset.UnixEpoch);
        report.Failures["interactive"] = "skipped (--interactive-seconds 0)";
        report.Failures["search"] = "skipped (--search-requests 0)";

        var md = report.ToMarkdown();

        Assert.Contains("| (g) interactive lane | skipped (--interactive-seconds 0) |", md);
        Assert.Contains("| (h) search and lists | skipped (--search-requests 0) |", md);
        Assert.Contains("**Not measured**: skipped (--interactive-seconds 0)", md);
        Assert.Contains("**Not measured**: skipped (--search-requests 0)", md);
        Assert.Contains("| CPU per accepted event over (a), all processes | not measured | ≤ 20 µs (aim) | |", md);
    }

    [Fact]
    public void Reads_cpu_time_of_processes_from_proc()
    {
        var self = Environment.ProcessId;
        var settings = Settings("--gateway-pid", $"{self}", "--postgres-pid", $"{self}");
        var before = CpuMeter.Read(settings);
        var spin = System.Diagnostics.Stopwatch.StartNew();
        while (spin.ElapsedMilliseconds < 300) Thread.SpinWait(1000);
        var used = CpuMeter.Used(before, CpuMeter.Read(settings));

        Assert.True(used[CpuMeter.Feeder] > 0, "the process's own CPU time grew while it spun");
        Assert.True(used[CpuMeter.Gateway] > 0);
        // Read a moment apart while this process spins on: equal up to a few clock ticks (10 ms each), never less by more.
        Assert.True(used[CpuMeter.PostgreSql] >= used[CpuMeter.Gateway] - 0.05, "a process and its children use at least what the process alone does");
        // pid 1 is no silo, but /proc/1/stat can be read: the value is a figure, not null.
        Assert.NotNull(used[CpuMeter.Silo]);
    }
}
