namespace Customer360.Feeder.Bench;

/// <summary>How <c>bench</c> runs; every value is written into BENCHMARKS.md beside the figures.</summary>
public sealed record BenchSettings(
    Uri Gateway,
    long Customers,
    TimeSpan Duration,
    int Batch,
    int Concurrency,
    TimeSpan LatencyDuration,
    int[] NaiveSweep,
    TimeSpan SweepStep,
    int[] CopySweep,
    int CopyBatch,
    long MemoryCustomers,
    int Consoles,
    TimeSpan PushDuration,
    int? SiloPid,
    int? GatewayPid,
    int? PostgresPid,
    TimeSpan InteractiveDuration,
    int SearchRequests,
    string ClusterId,
    string ServiceId,
    string Out)
{
    private static readonly string[] Options =
    [
        "--gateway", "--customers", "--duration", "--batch", "--concurrency", "--latency-seconds", "--sweep", "--sweep-seconds",
        "--copy-sweep", "--copy-batch", "--memory-customers", "--consoles", "--push-seconds", "--silo-pid", "--gateway-pid", "--postgres-pid",
        "--interactive-seconds", "--search-requests", "--cluster-id", "--service-id", "--out",
    ];

    public static BenchSettings Parse(string[] args)
    {
        var line = CommandLine.Parse("bench", args, Options, []);
        line.NoPositional();
        var duration = line.Int("--duration", 60, 5, 24 * 3600);
        var clusterId = line.String("--cluster-id") ?? "customer360-bench";
        // A short run is short all over: the secondary steps never outlast the main one unless asked to.
        return new BenchSettings(
            Gateway: line.Gateway(),
            Customers: line.Long("--customers", 100_000, 1, 10_000_000),
            Duration: TimeSpan.FromSeconds(duration),
            Batch: line.Int("--batch", 2000, 1, 100_000),
            Concurrency: line.Int("--concurrency", 8, 1, 256),
            LatencyDuration: TimeSpan.FromSeconds(line.Int("--latency-seconds", Math.Min(30, duration), 1, 3600)),
            NaiveSweep: line.IntList("--sweep", [1, 4, 16, 32, 64], 250),
            SweepStep: TimeSpan.FromSeconds(line.Int("--sweep-seconds", Math.Min(10, duration), 1, 3600)),
            CopySweep: line.IntList("--copy-sweep", [1, 2, 4], 64),
            CopyBatch: line.Int("--copy-batch", 5000, 1, 1_000_000),
            MemoryCustomers: line.Long("--memory-customers", 1_000_000, 0, 50_000_000),
            Consoles: line.Int("--consoles", 1000, 0, 20_000),
            PushDuration: TimeSpan.FromSeconds(line.Int("--push-seconds", Math.Min(30, duration), 1, 3600)),
            SiloPid: line.Has("--silo-pid") ? line.Int("--silo-pid", 0, 1, int.MaxValue) : null,
            GatewayPid: line.Has("--gateway-pid") ? line.Int("--gateway-pid", 0, 1, int.MaxValue) : null,
            PostgresPid: line.Has("--postgres-pid") ? line.Int("--postgres-pid", 0, 1, int.MaxValue) : null,
            InteractiveDuration: TimeSpan.FromSeconds(line.Int("--interactive-seconds", Math.Min(30, duration), 0, 3600)),
            SearchRequests: line.Int("--search-requests", 200, 0, 100_000),
            ClusterId: clusterId,
            ServiceId: line.String("--service-id") ?? clusterId,
            Out: line.String("--out") ?? "BENCHMARKS.md");
    }

    /// <summary>
    /// The first of step (f)'s probe customers: after the load's population and (e)'s, so that neither the load
    /// nor (e) ever sends them an event — every change a probe console sees is its probe's.
    /// </summary>
    public long FirstProbeCustomer => Customers + MemoryCustomers + 1;

    /// <summary>Step (g)'s consoles: (f)'s, or <see cref="InteractiveBench.FallbackConsoles"/> when (f) is skipped.</summary>
    public int InteractiveConsoles => Consoles > 0 ? Consoles : InteractiveBench.FallbackConsoles;

    /// <summary>
    /// The first of step (g)'s staff-lane customers (profile reads, walk-ins, alert acknowledgements): after every
    /// console's customer, so that no console sees a change a staff probe made.
    /// </summary>
    public long FirstStaffCustomer => FirstProbeCustomer + Math.Max(Consoles, InteractiveBench.FallbackConsoles);
}
