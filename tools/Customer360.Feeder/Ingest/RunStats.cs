using System.Diagnostics;

namespace Customer360.Feeder.Ingest;

/// <summary>
/// What a run has done so far, updated by every sender at once: events sent and what the gateway said of them,
/// and the latency of every answered request. Read by the progress line and the final summary.
/// </summary>
public sealed class RunStats
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<double> _latenciesMs = [];
    private long _sent, _accepted, _duplicates, _rejected, _retries, _abandoned;

    public long Sent => Interlocked.Read(ref _sent);
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long Retries => Interlocked.Read(ref _retries);
    public long AbandonedEvents => Interlocked.Read(ref _abandoned);
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Answered(int sent, int accepted, int duplicates, int rejected, TimeSpan latency)
    {
        Interlocked.Add(ref _sent, sent);
        Interlocked.Add(ref _accepted, accepted);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Add(ref _rejected, rejected);
        lock (_latenciesMs) _latenciesMs.Add(latency.TotalMilliseconds);
    }

    public void Retried() => Interlocked.Increment(ref _retries);

    /// <summary>Events of a batch given up when the run was stopped while it waited for a retry: not acknowledged.</summary>
    public void Abandoned(int events) => Interlocked.Add(ref _abandoned, events);

    /// <summary>Stops the clock and sums the run up.</summary>
    public RunSummary Finish()
    {
        _clock.Stop();
        double[] sorted;
        lock (_latenciesMs) sorted = [.. _latenciesMs.Order()];
        return new RunSummary(Sent, Accepted, Duplicates, Rejected, Retries, AbandonedEvents, sorted.Length, _clock.Elapsed,
            Quantiles.At(sorted, 0.50), Quantiles.At(sorted, 0.95), Quantiles.At(sorted, 0.99), Quantiles.At(sorted, 1));
    }
}
