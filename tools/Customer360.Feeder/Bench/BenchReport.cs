using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Customer360.Feeder.Generation;
using Customer360.Feeder.Ingest;

namespace Customer360.Feeder.Bench;

/// <summary>
/// The figures of one <c>bench</c> run and their rendering as BENCHMARKS.md. Only what was measured is written:
/// a step that failed is reported as failed, with its reason, and every ratio that needs it is left out.
/// </summary>
public sealed class BenchReport(BenchSettings settings, MachineInfo machine, DateTimeOffset started)
{
    public RunSummary? Population { get; set; }
    public RunSummary? Sustained { get; set; }
    public RunSummary? Latency { get; set; }
    public ProbeSummary? Push { get; set; }
    public RunSummary? PushLoad { get; set; }
    /// <summary>The probes' own requests of (f), POST to answer.</summary>
    public RunSummary? ProbePosts { get; set; }
    public ProbeSummary? Echo { get; set; }
    public RunSummary? EchoLoad { get; set; }
    public List<SweepPoint> Naive { get; } = [];
    public List<SweepPoint> Copy { get; } = [];
    public RunSummary? MemoryPopulation { get; set; }
    public MemoryResult? Memory { get; set; }
    public Dictionary<string, string> Failures { get; } = [];

    public SweepPoint? BestNaive => Naive.MaxBy(p => p.PerSecond);
    public SweepPoint? BestCopy => Copy.MaxBy(p => p.PerSecond);

    /// <summary>The rate of (d) and of (f)'s background load: 80% of (a), once (a) is measured.</summary>
    public double? PartLoadRate => Sustained is { AcceptedPerSecond: > 0 } s ? 0.8 * s.AcceptedPerSecond : null;

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void L(FormattableString s) => md.AppendLine(s.ToString(CultureInfo.InvariantCulture));

        L($"# Benchmarks");
        L($"");
        L($"Measured by `./bench.sh` (`Customer360.Feeder bench`) on {started:yyyy-MM-dd HH:mm} UTC. Every figure is from this run; a step that failed says so.");
        L($"PostgreSQL, the silo, the gateway and the load generator all ran on this one machine and shared its cores.");
        L($"");
        L($"## Machine");
        L($"");
        L($"| | |");
        L($"|---|---|");
        L($"| CPU | {machine.Cpu} |");
        L($"| cores | {machine.Cores} |");
        L($"| memory | {machine.Memory} |");
        L($"| OS | {machine.Os} (kernel {machine.Kernel}) |");
        L($"| .NET | {machine.DotNet} |");
        L($"| PostgreSQL | {machine.PostgreSql} (fsync, synchronous_commit and full_page_writes on: scripts/lib.sh) |");
        L($"");
        L($"## Settings");
        L($"");
        L($"| | |");
        L($"|---|---|");
        L($"| population | {settings.Customers:N0} synthetic customers (7 events each: registration, plan, handset, 3 bills, payment) |");
        L($"| usage mix | data 55%, voice 30%, SMS 13%, balance 1%, contacts 1%; customers drawn uniformly |");
        L($"| (a) sustained | {settings.Duration.TotalSeconds:N0} s at maximum speed; NDJSON batches of {settings.Batch:N0} events, {settings.Concurrency} requests in flight |");
        L($"| (b) naive sweep | {string.Join(", ", settings.NaiveSweep)} connections, {settings.SweepStep.TotalSeconds:N0} s each |");
        L($"| (c) COPY sweep | {string.Join(", ", settings.CopySweep)} connections, {settings.CopyBatch:N0} rows a COPY (one commit each), {settings.SweepStep.TotalSeconds:N0} s each, table emptied before each step |");
        L($"| (d) latency | {settings.LatencyDuration.TotalSeconds:N0} s at 80% of (a) |");
        L($"| (e) memory | {settings.MemoryCustomers:N0} more customers registered |");
        L($"| (f) event to console | {(settings.Consoles == 0 ? "skipped (--consoles 0)" : $"{settings.Consoles:N0} consoles and as many echo clients, {PushBench.ProbesPerSecond:N0} probes/s for {settings.PushDuration.TotalSeconds:N0} s each, during a usage load at 80% of (a)")} |");
        L($"");

        L($"## (a) Sustained ingest through the gateway");
        L($"");
        Summary(md, "sustained", Sustained);
        L($"Registering the population beforehand (setup, also through the gateway):");
        L($"");
        Summary(md, "population", Population);

        L($"## (b) Naive baseline: one UPDATE transaction per event");
        L($"");
        L($"Table `bench_naive`, one row per customer with usage counters; each event is `UPDATE … WHERE customer_id = $4` committed alone.");
        L($"");
        Sweep(md, "naive", Naive, BestNaive);

        L($"## (c) COPY ceiling: binary COPY into a journal-shaped table");
        L($"");
        L($"Table `bench_copy_journal`: the columns, primary key (customer_id, seq) and unique event_id index of `c360_journal`.");
        L($"");
        Sweep(md, "copy", Copy, BestCopy);

        L($"## (d) Ingest latency at 80% of the sustained rate");
        L($"");
        if (PartLoadRate is { } target) L($"Target rate {target:N0} events/s.");
        L($"");
        Summary(md, "latency", Latency);

        L($"## (e) Silo memory per active profile");
        L($"");
        MemorySection(md);

        L($"## (f) Event to console, beside a bare SignalR echo");
        L($"");
        L($"{settings.Consoles:N0} consoles on the gateway's `/hubs/console` (WebSockets, signed in as the demo admin), console i following probe customer i ({SyntheticPopulation.CustomerId(settings.FirstProbeCustomer)} to {SyntheticPopulation.CustomerId(settings.FirstProbeCustomer + settings.Consoles - 1)}, registered for this step), whom the background load never touches.");
        L($"A probe is one `usage.data` event for one probe customer in a request of its own, {PushBench.ProbesPerSecond:N0} a second taken in turn over the customers, at most one in flight per customer.");
        L($"Its latency runs from just before the POST to the arrival of the console's `profileChanged` with the version the event made (one Stopwatch, in one process).");
        L($"A probe not seen within {ProbeLoop.LossTimeout.TotalSeconds:N0} s is lost, and counts in the quantiles as slower than any other.");
        L($"");
        Probes(md, "push", Push, PushLoad);
        if (Push is not null && ProbePosts is { Requests: > 0 } posts)
        {
            L($"The probes' own requests, POST to answer (the gateway answers once the event is journaled and applied): p50 {posts.P50Ms:F0} ms, p95 {posts.P95Ms:F0} ms, p99 {posts.P99Ms:F0} ms, max {posts.MaxMs:F0} ms.");
            L($"");
        }
        L($"The bare echo: as many clients of a hub with one method, `Echo(long)`, on Kestrel inside the feeder process (127.0.0.1), probed at the same rate during the same kind of background load; latency is one invocation's round trip.");
        L($"");
        Probes(md, "echo", Echo, EchoLoad);

        L($"## Against the targets");
        L($"");
        L($"| | measured | target | |");
        L($"|---|---|---|---|");
        var ours = Sustained?.AcceptedPerSecond;
        if (ours is { } a && BestNaive is { PerSecond: > 0 } n)
            L($"| ours ÷ naive baseline | {a:N0} ÷ {n.PerSecond:N0} = **{a / n.PerSecond:F1}×** | ≥ 10× | {(a / n.PerSecond >= 10 ? "met" : "not met")} |");
        else L($"| ours ÷ naive baseline | not measured | ≥ 10× | |");
        if (ours is { } b && BestCopy is { PerSecond: > 0 } c)
            L($"| ours ÷ COPY ceiling | {b:N0} ÷ {c.PerSecond:N0} = **{b / c.PerSecond:P0}** | ≥ 50% (stretch) | {(b / c.PerSecond >= 0.5 ? "met" : "not met")} |");
        else L($"| ours ÷ COPY ceiling | not measured | ≥ 50% (stretch) | |");
        if (Memory?.AtOneMillion is { } m)
            L($"| silo memory with 1,000,000 active profiles | **{Gib(m.Bytes)}**{(m.Projected ? $" (projected from {Memory.ActiveAfter:N0} active)" : "")} | ≤ 8 GiB | {(m.Bytes <= 8.0 * (1L << 30) ? "met" : "not met")} |");
        else L($"| silo memory with 1,000,000 active profiles | not measured | ≤ 8 GiB | |");
        if (Push is { } push)
            L($"| event-to-console p99 | **{ProbeSummary.Ms(push.P99Ms)}** | < 1 s | {(push.P99Ms < 1000 ? "met" : "not met")} |");
        else L($"| event-to-console p99 | not measured | < 1 s | |");
        if (Push is { } p && Echo is { P99Ms: > 0 } e && !double.IsPositiveInfinity(e.P99Ms))
        {
            var ratio = p.P99Ms / e.P99Ms;
            L($"| event-to-console p99 ÷ bare echo p99 | {ProbeSummary.Ms(p.P99Ms)} ÷ {ProbeSummary.Ms(e.P99Ms)} = **{(double.IsPositiveInfinity(ratio) ? "unbounded" : $"{ratio:F1}×")}** | ≤ 5× (stretch) | {(ratio <= 5 ? "met" : "not met")} |");
        }
        else L($"| event-to-console p99 ÷ bare echo p99 | not measured | ≤ 5× (stretch) | |");
        return md.ToString();
    }

    private void Summary(StringBuilder md, string step, RunSummary? s)
    {
        if (NotMeasured(md, step, s)) return;
        md.AppendLine("| sent | accepted | duplicates | rejected | retries | abandoned | elapsed | accepted events/s | request p50 | p95 | p99 | max |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Sent:N0} | {s.Accepted:N0} | {s.Duplicates:N0} | {s.Rejected:N0} | {s.Retries:N0} | {s.Abandoned:N0} | {s.Elapsed.TotalSeconds:F1} s | **{s.AcceptedPerSecond:N0}** | {s.P50Ms:F0} ms | {s.P95Ms:F0} ms | {s.P99Ms:F0} ms | {s.MaxMs:F0} ms |");
        md.AppendLine();
    }

    private void Probes(StringBuilder md, string step, ProbeSummary? p, RunSummary? load)
    {
        if (NotMeasured(md, step, p)) return;
        md.AppendLine("| connections | probes sent | received | lost | connections dropped | probes/s | p50 | p95 | p99 | max |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {p.Clients:N0} | {p.Sent:N0} | {p.Received:N0} | {p.Lost:N0} | {p.Dropped:N0} | {p.PerSecond:F1} | {ProbeSummary.Ms(p.P50Ms)} | {ProbeSummary.Ms(p.P95Ms)} | **{ProbeSummary.Ms(p.P99Ms)}** | {ProbeSummary.Ms(p.MaxMs)} |");
        md.AppendLine();
        if (load is not null)
            md.AppendLine(CultureInfo.InvariantCulture, $"Background load meanwhile: {load.AcceptedPerSecond:N0} accepted events/s (target {PartLoadRate:N0}), request p99 {load.P99Ms:F0} ms.").AppendLine();
        if (Failures.TryGetValue(step, out var failure)) md.AppendLine(CultureInfo.InvariantCulture, $"**Note**: {failure}").AppendLine();
    }

    /// <summary>Writes why the step has no figure, when it has none.</summary>
    private bool NotMeasured(StringBuilder md, string step, [NotNullWhen(false)] object? figure)
    {
        if (figure is not null) return false;
        md.AppendLine(CultureInfo.InvariantCulture, $"**Not measured**: {Failures.GetValueOrDefault(step, "step did not run")}").AppendLine();
        return true;
    }

    private void Sweep(StringBuilder md, string step, List<SweepPoint> points, SweepPoint? best)
    {
        if (points.Count > 0)
        {
            md.AppendLine("| connections | events | seconds | events/s |");
            md.AppendLine("|---:|---:|---:|---:|");
            foreach (var p in points)
                md.AppendLine(CultureInfo.InvariantCulture, $"| {p.Connections} | {p.Events:N0} | {p.Elapsed.TotalSeconds:F1} | {(p == best ? $"**{p.PerSecond:N0}**" : $"{p.PerSecond:N0}")} |");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Best: **{best!.PerSecond:N0} events/s** with {best.Connections} connections.");
        }
        if (Failures.TryGetValue(step, out var failure)) md.AppendLine(CultureInfo.InvariantCulture, $"**{(points.Count > 0 ? "Sweep incomplete" : "Not measured")}**: {failure}");
        md.AppendLine();
    }

    private void MemorySection(StringBuilder md)
    {
        if (NotMeasured(md, "memory", Memory)) return;
        var m = Memory;
        md.AppendLine(CultureInfo.InvariantCulture, $"Silo VmRSS (`/proc/PID/status`) and active customer grains (`IManagementGrain.GetSimpleGrainStatistics`, type {m.GrainTypes}) before and after registering about {m.Registered:N0} more customers (accepted events ÷ 7):");
        md.AppendLine();
        md.AppendLine("| | before | after | difference |");
        md.AppendLine("|---|---:|---:|---:|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| silo VmRSS | {Gib(m.RssBefore)} | {Gib(m.RssAfter)} | {Gib(m.RssAfter - m.RssBefore)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| active customer grains | {m.ActiveBefore:N0} | {m.ActiveAfter:N0} | {m.ActiveAdded:N0} |");
        md.AppendLine();
        md.AppendLine(m.BytesPerProfile is { } per
            ? string.Create(CultureInfo.InvariantCulture, $"Memory per active profile: **{per / 1024:N1} KiB** (RSS difference ÷ activations added).")
            : "No activations were added, so no memory per profile can be given.");
        if (MemoryPopulation is { } p)
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Registering them: {p.Accepted:N0} events accepted, {p.Rejected:N0} rejected, in {p.Elapsed.TotalSeconds:F0} s ({p.AcceptedPerSecond:N0} events/s).");
        if (Failures.TryGetValue("memory", out var failure)) md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**Note**: {failure}");
        md.AppendLine();
    }

    private static string Gib(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 30):F2} GiB");
}
