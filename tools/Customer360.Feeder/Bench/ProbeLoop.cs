using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Customer360.Feeder.Ingest;

namespace Customer360.Feeder.Bench;

/// <summary>
/// Sends timed probes at a steady rate over a set of targets (consoles, echo clients), taking the targets in
/// turn and never two probes at once on one target, and sums up their latencies. A probe not answered within
/// <see cref="LossTimeout"/> is lost, and its target is not probed again: its late answer could otherwise be
/// taken for the next probe's.
/// </summary>
public static class ProbeLoop
{
    public static readonly TimeSpan LossTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Probes one target and returns the latency it measured; cancelled when the probe is lost.</summary>
    public delegate Task<TimeSpan> Probe(int target, long sequence, CancellationToken lost);

    /// <summary>
    /// Probes for <paramref name="duration"/> (or until <see cref="Signals.Stop"/>), then waits for the probes in
    /// flight. A probe that fails rather than times out (a refused event, a hub error) ends the run and is thrown.
    /// </summary>
    public static async Task<ProbeSummary> RunAsync(int targets, double perSecond, TimeSpan duration, Probe probe, Signals signals)
    {
        var busy = new int[targets];
        var latenciesMs = new List<double>();
        var running = new List<Task>();
        Exception? failure = null;
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(signals.Stop);
        sending.CancelAfter(duration);
        var pacer = new Pacer(perSecond);
        var clock = Stopwatch.StartNew();
        var next = 0;
        while (!sending.IsCancellationRequested)
        {
            try { await pacer.WaitTurnAsync(1, sending.Token); }
            catch (OperationCanceledException) { break; }
            // Every target busy or retired: this turn is skipped rather than queued, so the rate never bursts.
            if (TakeNextFree(busy, ref next) is { } target) running.Add(ProbeOnceAsync(target, running.Count));
        }
        var elapsed = clock.Elapsed;
        await Task.WhenAll(running);
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);

        double[] sorted;
        lock (latenciesMs) sorted = [.. latenciesMs.Order(), .. Enumerable.Repeat(double.PositiveInfinity, running.Count - latenciesMs.Count)];
        return new ProbeSummary(targets, running.Count, latenciesMs.Count, 0, elapsed,
            Quantiles.At(sorted, 0.50), Quantiles.At(sorted, 0.95), Quantiles.At(sorted, 0.99), Quantiles.At(sorted, 1));

        async Task ProbeOnceAsync(int target, long sequence)
        {
            using var lost = CancellationTokenSource.CreateLinkedTokenSource(signals.Abort);
            lost.CancelAfter(LossTimeout);
            try
            {
                var latency = await probe(target, sequence, lost.Token);
                lock (latenciesMs) latenciesMs.Add(latency.TotalMilliseconds);
                Volatile.Write(ref busy[target], 0);
            }
            catch (OperationCanceledException) when (!signals.Abort.IsCancellationRequested)
            {
                // Lost: the target stays busy for good.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.CompareExchange(ref failure, ex, null);
                await sending.CancelAsync();
            }
        }
    }

    private static int? TakeNextFree(int[] busy, ref int next)
    {
        for (var tried = 0; tried < busy.Length; tried++)
        {
            var target = next;
            next = (next + 1) % busy.Length;
            if (Interlocked.CompareExchange(ref busy[target], 1, 0) == 0) return target;
        }
        return null;
    }
}
