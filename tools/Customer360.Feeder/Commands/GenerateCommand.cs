using Customer360.Feeder.Generation;

namespace Customer360.Feeder.Commands;

/// <summary>
/// <c>generate --customers N --events M --out PATH [--start K]</c>: writes an NDJSON file for <c>file</c> — the
/// registrations and holdings of customers K .. K+N-1, then M usage events over them — streamed to disk.
/// </summary>
public static class GenerateCommand
{
    private static readonly string[] Options = ["--customers", "--events", "--out", "--start"];

    public static async Task<int> RunAsync(string[] args, Signals signals)
    {
        var line = CommandLine.Parse("generate", args, Options, []);
        line.NoPositional();
        if (!line.Has("--customers") || !line.Has("--events") || !line.Has("--out"))
            throw new UsageException("generate needs --customers N, --events M and --out PATH");
        var customers = line.Long("--customers", 0, 1, 100_000_000);
        var events = line.Long("--events", 0, 0, 10_000_000_000);
        var start = line.Long("--start", 1, 1, 99_999_999);
        if (start + customers - 1 > 99_999_999) throw new UsageException("--start + --customers must stay below 100000000 (8-digit customer ids)");
        var path = line.String("--out")!;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder)) throw new UsageException($"--out: folder {folder} does not exist");

        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var builder = new NdjsonBuilder();
        var population = new SyntheticPopulation((int)Math.Min(int.MaxValue, start + customers - 1));
        var feed = new UsageFeed("g" + Guid.NewGuid().ToString("N")[..10], start, customers, Random.Shared.Next());
        var now = DateTimeOffset.UtcNow;
        long written = 0;
        for (var n = start; n < start + customers && !signals.Stop.IsCancellationRequested; n++)
        {
            population.Write(builder, n, now);
            written += await FlushIfFull(false);
        }
        for (long s = 1; s <= events && !signals.Stop.IsCancellationRequested; s++)
        {
            feed.Write(builder, s, now);
            written += await FlushIfFull(false);
        }
        written += await FlushIfFull(true);
        Console.WriteLine($"wrote {written:N0} events ({customers:N0} customers x {SyntheticPopulation.EventsPerCustomer} + {events:N0} usage) to {path}, {file.Length / 1048576.0:N1} MiB");
        return 0;

        async Task<int> FlushIfFull(bool force)
        {
            if (!force && builder.Bytes < 1 << 20) return 0;
            var chunk = builder.Take();
            await file.WriteAsync(chunk.Body, signals.Abort);
            return chunk.Count;
        }
    }
}
