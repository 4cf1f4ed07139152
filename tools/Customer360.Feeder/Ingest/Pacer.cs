using System.Diagnostics;

namespace Customer360.Feeder.Ingest;

/// <summary>
/// Holds senders to a target rate, shared by all of them: event k is due at start + k / rate, so a slow request
/// does not lower the rate afterwards (the others catch up) and bursts stay one batch long.
/// </summary>
public sealed class Pacer(double eventsPerSecond)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _scheduled;

    public async Task WaitTurnAsync(int events, CancellationToken ct)
    {
        var before = Interlocked.Add(ref _scheduled, events) - events;
        var due = TimeSpan.FromSeconds(before / eventsPerSecond) - _clock.Elapsed;
        if (due > TimeSpan.Zero) await Task.Delay(due, ct);
    }
}
