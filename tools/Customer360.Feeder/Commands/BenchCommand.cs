using System.Globalization;
using Customer360.Feeder.Bench;
using Customer360.Feeder.Generation;
using Customer360.Feeder.Ingest;
using Npgsql;

namespace Customer360.Feeder.Commands;

/// <summary>
/// <c>bench</c>: measures, in one run, (a) sustained ingest through the gateway at maximum speed, (b) the naive
/// one-transaction-per-event baseline, (c) the binary COPY ceiling, (d) request latency at 80% of (a),
/// (e) silo memory per active profile, (f) event-to-console latency beside a bare SignalR echo, during a load
/// at 80% of (a), (g) the interactive lane (single-event POST, event to console, profile GET, walk-in, alert
/// acknowledgement) idle and under that load, (h) search and list latencies with (e)'s population, and the CPU
/// per accepted event of each process over (a); writes BENCHMARKS.md. The PostgreSQL connection string comes from
/// <c>C360_BENCH_PG</c> (it holds a password, so never from the command line).
/// </summary>
public static class BenchCommand
{
    /// <summary>Time for the silo to settle (collections, snapshot writes) before its memory is read again.</summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(15);

    // Registration activates a new grain per customer (snapshot read, journal read, a reminder row); requests
    // of thousands of new customers at once outlast Orleans' 30 s call timeout, so registration goes in
    // requests of 200 customers, 4 at a time.
    internal const int PopulateBatch = 200 * 7;
    internal const int PopulateConcurrency = 4;

    public static async Task<int> RunAsync(string[] args, Signals signals)
    {
        var settings = BenchSettings.Parse(args);
        var connectionString = Environment.GetEnvironmentVariable("C360_BENCH_PG") is { Length: > 0 } cs
            ? cs : throw new UsageException("set C360_BENCH_PG to the benchmark database's connection string");
        var apiKey = IngestClient.ApiKeyFromEnvironment();
        await using var db = NpgsqlDataSource.Create(connectionString);
        var report = new BenchReport(settings, await MachineInfo.ReadAsync(db, signals.Abort), DateTimeOffset.UtcNow);
        var ct = signals.Abort;

        await Step(report, signals, "population", async () =>
            report.Population = await Gateway(settings, apiKey, (client, stats) =>
                PopulateCommand.PopulateAsync(client, stats, 1, settings.Customers, PopulateBatch, PopulateConcurrency, signals)));

        await Step(report, signals, "sustained", async () =>
        {
            var cpuBefore = CpuMeter.Read(settings);
            report.Sustained = await Gateway(settings, apiKey, (client, stats) => LoadCommand.LoadAsync(client, stats,
                new LoadCommand.Settings(1, settings.Customers, null, settings.Duration, settings.Batch, settings.Concurrency), signals, "(a) sustained"));
            report.SustainedCpu = CpuMeter.Used(cpuBefore, CpuMeter.Read(settings));
        });

        await Step(report, signals, "latency", async () =>
        {
            var rate = report.PartLoadRate ?? throw new InvalidOperationException("needs the sustained rate of (a), which was not measured");
            report.Latency = await Gateway(settings, apiKey, (client, stats) => LoadCommand.LoadAsync(client, stats,
                new LoadCommand.Settings(1, settings.Customers, rate, settings.LatencyDuration, settings.Batch, settings.Concurrency), signals, "(d) latency"));
        });

        // (f) right after (d), on the system (d) measured: before (e) adds a million profiles to the silo.
        await Step(report, signals, "push", () => PushBench.MeasureConsolesAsync(report, settings, apiKey, signals));
        await Step(report, signals, "echo", () => PushBench.MeasureEchoAsync(report, settings, apiKey, signals));
        // (g) on the same system as (f); (h) after (e), with its million customers in the read model.
        await Step(report, signals, "interactive", () => InteractiveBench.MeasureAsync(report, settings, apiKey, signals));

        await Step(report, signals, "naive", async () =>
        {
            await NaiveBaseline.PrepareAsync(db, 1, settings.Customers, ct);
            foreach (var connections in settings.NaiveSweep)
            {
                var point = await NaiveBaseline.RunAsync(db, connections, settings.SweepStep, 1, settings.Customers, ct);
                report.Naive.Add(point);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(b) naive: {connections} connections: {point.PerSecond:N0} events/s"));
            }
        });

        await Step(report, signals, "copy", async () =>
        {
            foreach (var connections in settings.CopySweep)
            {
                var point = await CopyCeiling.RunAsync(db, connections, settings.CopyBatch, settings.SweepStep, 1, settings.Customers, ct);
                report.Copy.Add(point);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(c) copy: {connections} connections: {point.PerSecond:N0} events/s"));
            }
        });

        await Step(report, signals, "memory", () => MeasureMemoryAsync(report, settings, apiKey, connectionString, signals));
        await Step(report, signals, "search", () => SearchBench.MeasureAsync(report, settings, apiKey, signals));

        var path = Path.GetFullPath(settings.Out);
        await File.WriteAllTextAsync(path, report.ToMarkdown(), CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            (a) sustained: {Rate(report.Sustained?.AcceptedPerSecond)} accepted events/s
            (b) naive best: {Rate(report.BestNaive?.PerSecond)} events/s; (c) COPY best: {Rate(report.BestCopy?.PerSecond)} events/s
            (d) latency at 80%: {(report.Latency is { } l ? $"p50 {l.P50Ms:F0} ms, p99 {l.P99Ms:F0} ms" : "not measured")}
            (e) memory: {(report.Memory?.BytesPerProfile is { } per ? $"{per / 1024:N1} KiB per active profile" : "not measured")}
            (f) event to console: {Probes(report.Push)}; bare echo: {Probes(report.Echo)}
            (g) under load: event to console {Probes(report.Interactive?.Lane(InteractiveBench.EventToConsole)?.Probes)}; profile GET {Probes(report.Interactive?.Lane(InteractiveBench.ProfileRead)?.Probes)}; walk-in {Probes(report.Interactive?.Lane(InteractiveBench.WalkIn)?.Probes)}; ack {Probes(report.Interactive?.Lane(InteractiveBench.Acknowledge)?.Probes)}
            (h) worst search p99: idle {Probes(SearchBench.Worst(report.SearchIdle)?.Probes)}; under load {Probes(SearchBench.Worst(report.SearchLoaded)?.Probes)}
            CPU per accepted event of (a): {(report.CpuPerEvent() is { } cpu ? string.Join(", ", cpu.Select(c => $"{c.Key} {(c.Value is { } us ? $"{us:F1} µs" : "not read")}")) : "not measured")}
            failed steps: {(report.Failures.Count == 0 ? "none" : string.Join("; ", report.Failures.Select(f => $"{f.Key}: {f.Value}")))}
            report: {path}
            """));
        return report.Failures.Count == 0 ? 0 : 1;
    }

    private static async Task MeasureMemoryAsync(BenchReport report, BenchSettings settings, string apiKey, string connectionString, Signals signals)
    {
        if (settings.MemoryCustomers == 0) throw new InvalidOperationException("skipped (--memory-customers 0)");
        if (settings.SiloPid is not { } pid) throw new InvalidOperationException("no --silo-pid given, so the silo's memory cannot be read");
        await using var probe = await ClusterProbe.ConnectAsync(connectionString, settings.ClusterId, settings.ServiceId, signals.Abort);
        var (activeBefore, _) = await probe.CustomerActivationsAsync();
        var rssBefore = ClusterProbe.ResidentBytes(pid) ?? throw new InvalidOperationException($"cannot read /proc/{pid}/status (is --silo-pid the silo?)");
        report.MemoryPopulation = await Gateway(settings, apiKey, (client, stats) => PopulateCommand.PopulateAsync(client, stats,
            settings.Customers + 1, settings.MemoryCustomers, PopulateBatch, PopulateConcurrency, signals));
        Console.Error.WriteLine($"(e) memory: waiting {SettleTime.TotalSeconds:N0} s for the silo to settle");
        await Task.Delay(SettleTime, signals.Abort);
        var (activeAfter, types) = await probe.CustomerActivationsAsync();
        var rssAfter = ClusterProbe.ResidentBytes(pid) ?? throw new InvalidOperationException($"the silo (pid {pid}) is gone");
        var registered = report.MemoryPopulation.Accepted / SyntheticPopulation.EventsPerCustomer;
        report.Memory = new MemoryResult(registered, rssBefore, rssAfter, activeBefore, activeAfter, types);
        if (activeAfter - activeBefore < settings.MemoryCustomers * 0.99)
            report.Failures["memory"] = $"{activeAfter - activeBefore:N0} of the {settings.MemoryCustomers:N0} customers asked for were active at the end " +
                $"({(signals.Stop.IsCancellationRequested ? "interrupted while registering" : "deactivated or not registered")}); the figure per profile uses the active count";
    }

    /// <summary>Runs one posting step with its own client and counters.</summary>
    internal static async Task<RunSummary> Gateway(BenchSettings settings, string apiKey, Func<IngestClient, RunStats, Task<RunSummary>> run)
    {
        var stats = new RunStats();
        using var client = new IngestClient(settings.Gateway, apiKey, settings.Concurrency, stats);
        var summary = await run(client, stats);
        Console.Error.WriteLine(summary);
        return summary;
    }

    // A failed step is written into the report as failed and the run goes on; Ctrl-C ends the run, and what
    // it cut short is reported as such rather than as a figure.
    private static async Task Step(BenchReport report, Signals signals, string name, Func<Task> step)
    {
        if (signals.Stop.IsCancellationRequested)
        {
            report.Failures[name] = "interrupted (Ctrl-C) before this step";
            return;
        }
        Console.Error.WriteLine($"bench: step {name}");
        try
        {
            await step();
            if (signals.Stop.IsCancellationRequested && !report.Failures.ContainsKey(name))
                report.Failures[name] = "interrupted (Ctrl-C): the figure covers only part of the step";
        }
        catch (Exception ex)
        {
            report.Failures[name] = signals.Abort.IsCancellationRequested ? "aborted"
                : ex is InvalidOperationException ? ex.Message : $"{ex.GetType().Name}: {ex.GetBaseException().Message}";
            Console.Error.WriteLine($"bench: step {name} failed: {report.Failures[name]}");
        }
    }

    private static string Probes(ProbeSummary? p) => p is null ? "not measured" : $"p50 {ProbeSummary.Ms(p.P50Ms)}, p99 {ProbeSummary.Ms(p.P99Ms)}";

    private static string Rate(double? perSecond) => perSecond is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : "not measured";
}
