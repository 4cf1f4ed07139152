using System.Globalization;
using Customer360.Feeder.Generation;
using Customer360.Feeder.Ingest;

namespace Customer360.Feeder.Commands;

/// <summary>
/// <c>load --customers N [--start K] (--rate R | --max) [--duration S] [--batch B] [--concurrency C]</c>: a usage
/// feed over customers K .. K+N-1 (registered beforehand with <c>populate</c>) at R events/s, or as fast as the
/// system answers; until <c>--duration</c> ends or Ctrl-C.
/// </summary>
public static class LoadCommand
{
    private static readonly string[] Options = ["--gateway", "--customers", "--start", "--rate", "--duration", "--batch", "--concurrency"];

    /// <summary>How a load run is shaped.</summary>
    public sealed record Settings(long Start, long Customers, double? Rate, TimeSpan? Duration, int Batch, int Concurrency);

    public static async Task<int> RunAsync(string[] args, Signals signals)
    {
        var line = CommandLine.Parse("load", args, Options, ["--max"]);
        line.NoPositional();
        if (!line.Has("--customers")) throw new UsageException("load needs --customers N (the population registered with populate)");
        if (line.Has("--rate") == line.Flag("--max")) throw new UsageException("load needs exactly one of --rate R (events/s) or --max");
        var settings = new Settings(
            Start: line.Long("--start", 1, 1, 99_999_999),
            Customers: line.Long("--customers", 0, 1, 100_000_000),
            Rate: line.Flag("--max") ? null : line.Double("--rate", 0, 0, 10_000_000),
            Duration: line.Has("--duration") ? TimeSpan.FromSeconds(line.Int("--duration", 0, 1, 7 * 24 * 3600)) : null,
            Batch: line.Int("--batch", 1000, 1, 100_000),
            Concurrency: line.Int("--concurrency", 8, 1, 256));

        var stats = new RunStats();
        using var client = new IngestClient(line.Gateway(), IngestClient.ApiKeyFromEnvironment(), settings.Concurrency, stats);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"feeder: usage load over {settings.Customers:N0} customers at {(settings.Rate is { } r ? $"{r:N0} events/s" : "maximum speed")}, " +
            $"batches of {settings.Batch}, {settings.Concurrency} concurrent, {(settings.Duration is { } d ? $"for {d.TotalSeconds:N0} s" : "until Ctrl-C")}"));
        var summary = await LoadAsync(client, stats, settings, signals);
        Console.WriteLine(summary);
        return 0;
    }

    public static async Task<RunSummary> LoadAsync(IngestClient client, RunStats stats, Settings settings, Signals signals, string label = "load")
    {
        var runId = "u" + Guid.NewGuid().ToString("N")[..10];
        long seq = 0;
        var feeds = Enumerable.Range(0, settings.Concurrency)
            .Select(w => new UsageFeed(runId, settings.Start, settings.Customers, Random.Shared.Next() + w)).ToArray();
        var (run, owner) = signals.WithDeadline(settings.Duration);
        using (owner)
        {
            return await Senders.RunAsync(label, client, stats, settings.Concurrency, (worker, builder) =>
            {
                var last = Interlocked.Add(ref seq, settings.Batch);
                var now = DateTimeOffset.UtcNow;
                for (var s = last - settings.Batch + 1; s <= last; s++) feeds[worker].Write(builder, s, now);
                return true;
            }, settings.Rate is { } rate ? new Pacer(rate) : null, run);
        }
    }
}
