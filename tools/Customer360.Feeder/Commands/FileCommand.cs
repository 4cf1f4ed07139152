using System.Text;
using Customer360.Feeder.Ingest;

namespace Customer360.Feeder.Commands;

/// <summary>
/// <c>file PATH [--batch B] [--concurrency C]</c>: streams an NDJSON file (or <c>-</c> for stdin) to the gateway,
/// B lines per request, reading only as far as the batches being sent. With one sender (the default) the events
/// arrive in file order; with more, neighbouring batches may overtake each other.
/// </summary>
public static class FileCommand
{
    private static readonly string[] Options = ["--gateway", "--batch", "--concurrency"];

    public static async Task<int> RunAsync(string[] args, Signals signals)
    {
        var line = CommandLine.Parse("file", args, Options, []);
        var path = line.SinglePath("an NDJSON file (or - for stdin)");
        var batch = line.Int("--batch", 5000, 1, 100_000);
        var concurrency = line.Int("--concurrency", 1, 1, 64);
        if (path != "-" && !File.Exists(path)) throw new UsageException($"no such file: {path}");

        await using var stream = path == "-" ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 20);
        var stats = new RunStats();
        using var client = new IngestClient(line.Gateway(), IngestClient.ApiKeyFromEnvironment(), concurrency, stats);
        var bytes = new byte[64 * 1024];
        var summary = await Senders.RunAsync("file", client, stats, concurrency, (_, builder) =>
        {
            // One reader at a time, so each batch is a run of consecutive lines.
            lock (reader)
            {
                while (builder.Count < batch && reader.ReadLine() is { } text)
                {
                    if (string.IsNullOrWhiteSpace(text)) continue;
                    var size = Encoding.UTF8.GetByteCount(text);
                    if (size > bytes.Length) bytes = new byte[size];
                    builder.AddLine(bytes.AsSpan(0, Encoding.UTF8.GetBytes(text, bytes)));
                }
            }
            return builder.Count > 0;
        }, pacer: null, signals);
        Console.WriteLine(summary);
        return summary.Rejected == 0 ? 0 : 1;
    }
}
