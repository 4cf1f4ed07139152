using System.Globalization;

namespace Customer360.Feeder.Ingest;

/// <summary>
/// The live progress line on stderr, once a second: rewritten in place on a terminal, one line every five
/// seconds when stderr is a log file.
/// </summary>
public static class Progress
{
    public static async Task ShowAsync(string label, RunStats stats, CancellationToken ct)
    {
        var inPlace = !Console.IsErrorRedirected;
        var every = TimeSpan.FromSeconds(inPlace ? 1 : 5);
        long lastAccepted = 0;
        var lastTime = TimeSpan.Zero;
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var accepted = stats.Accepted;
                var now = stats.Elapsed;
                var rate = (accepted - lastAccepted) / Math.Max(0.001, (now - lastTime).TotalSeconds);
                (lastAccepted, lastTime) = (accepted, now);
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{label}: {now.TotalSeconds,6:F0} s  sent {stats.Sent,12:N0}  accepted {accepted,12:N0}  dup {stats.Duplicates:N0}  rejected {stats.Rejected:N0}  {rate,9:N0} ev/s");
                Console.Error.Write(inPlace ? $"\r{line}   " : line + Environment.NewLine);
            }
        }
        catch (OperationCanceledException) { }
        if (inPlace) Console.Error.WriteLine();
    }
}
