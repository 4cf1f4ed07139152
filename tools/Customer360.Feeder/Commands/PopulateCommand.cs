using Customer360.Feeder.Generation;
using Customer360.Feeder.Ingest;

namespace Customer360.Feeder.Commands;

/// <summary>
/// <c>populate --customers N [--start K] [--batch B] [--concurrency C]</c>: registers customers K .. K+N-1 of the
/// synthetic population (<see cref="SyntheticPopulation"/>), seven events each, as NDJSON in large batches
/// posted concurrently. Re-running it registers nobody twice: every event id is fixed.
/// </summary>
public static class PopulateCommand
{
    private static readonly string[] Options = ["--gateway", "--customers", "--start", "--batch", "--concurrency"];

    public static async Task<int> RunAsync(string[] args, Signals signals)
    {
        var line = CommandLine.Parse("populate", args, Options, []);
        line.NoPositional();
        if (!line.Has("--customers")) throw new UsageException("populate needs --customers N");
        var customers = line.Long("--customers", 0, 1, 100_000_000);
        var start = line.Long("--start", 1, 1, 99_999_999);
        if (start + customers - 1 > 99_999_999) throw new UsageException("--start + --customers must stay below 100000000 (8-digit customer ids)");
        var batch = line.Int("--batch", 1400, SyntheticPopulation.EventsPerCustomer, 100_000);
        var concurrency = line.Int("--concurrency", 4, 1, 256);

        var stats = new RunStats();
        using var client = new IngestClient(line.Gateway(), IngestClient.ApiKeyFromEnvironment(), concurrency, stats);
        Console.Error.WriteLine($"feeder: registering customers {SyntheticPopulation.CustomerId(start)}..{SyntheticPopulation.CustomerId(start + customers - 1)} " +
            $"({customers:N0} x {SyntheticPopulation.EventsPerCustomer} events) at {line.Gateway()}");
        var summary = await PopulateAsync(client, stats, start, customers, batch, concurrency, signals);
        Console.WriteLine(summary);
        return summary.Rejected == 0 ? 0 : 1;
    }

    /// <summary>Registers customers <paramref name="start"/> .. start+count-1; each worker takes the next customers in turn.</summary>
    public static Task<RunSummary> PopulateAsync(IngestClient client, RunStats stats, long start, long count, int batchEvents,
        int concurrency, Signals signals)
    {
        var population = new SyntheticPopulation((int)Math.Min(int.MaxValue, start + count - 1));
        var next = start - 1;
        var end = start + count - 1;
        var perBatch = Math.Max(1, batchEvents / SyntheticPopulation.EventsPerCustomer);
        return Senders.RunAsync("populate", client, stats, concurrency, (_, builder) =>
        {
            var last = Interlocked.Add(ref next, perBatch);
            var first = last - perBatch + 1;
            if (first > end) return false;
            var now = DateTimeOffset.UtcNow;
            for (var n = first; n <= Math.Min(last, end); n++) population.Write(builder, n, now);
            return true;
        }, pacer: null, signals);
    }
}
