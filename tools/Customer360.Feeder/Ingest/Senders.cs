using Customer360.Feeder.Generation;

namespace Customer360.Feeder.Ingest;

/// <summary>
/// Runs <c>workers</c> senders, each building a batch and posting it, until the batch source is exhausted or
/// <see cref="Signals.Stop"/> fires; requests already in flight are answered before the summary is taken.
/// </summary>
public static class Senders
{
    /// <summary>Builds worker <c>w</c>'s next batch into the builder, or returns false when there is nothing left.</summary>
    public delegate bool BatchSource(int worker, NdjsonBuilder builder);

    public static async Task<RunSummary> RunAsync(string label, IngestClient client, RunStats stats, int workers,
        BatchSource source, Pacer? pacer, Signals signals)
    {
        using var progressStop = new CancellationTokenSource();
        var progress = Progress.ShowAsync(label, stats, progressStop.Token);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => SendLoop(w))));
        }
        finally
        {
            await progressStop.CancelAsync();
            await progress;
        }
        return stats.Finish();

        async Task SendLoop(int worker)
        {
            var builder = new NdjsonBuilder();
            while (!signals.Stop.IsCancellationRequested && source(worker, builder))
            {
                var batch = builder.Take();
                if (pacer is not null)
                {
                    try { await pacer.WaitTurnAsync(batch.Count, signals.Stop); }
                    catch (OperationCanceledException) { break; }
                }
                await client.PostAsync(batch, signals.Stop, signals.Abort);
            }
        }
    }
}
