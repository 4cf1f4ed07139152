using Customer360.Contracts;
using Customer360.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360.Grains.Retention;

/// <summary>
/// The journal's share of a retention run: partitions for the months ahead, then the partitions older than
/// <see cref="RetentionOptions.JournalMonths"/> dropped, each once every entry in it lies within its customer's stored
/// snapshot. Customers whose snapshot does not reach that far are asked to write one first (at most
/// <see cref="RetentionOptions.SnapshotsPerRun"/> a run, a few at a time); a partition still not covered is kept and
/// looked at again next run. Dropping is <c>c360_drop_journal_partition</c>, which checks the coverage again itself.
/// </summary>
public sealed partial class JournalRetention(
    RetentionStore store, JournalPartitions partitions, SnapshotMarks marks, IGrainFactory grains,
    IOptions<RetentionOptions> options, TimeProvider time, ILogger<JournalRetention> logger)
{
    private const int ConcurrentSnapshots = 8;
    private const int AskBatch = 500;

    public sealed record Outcome(int Created, int Dropped, int Kept, int Snapshots);

    public async Task<Outcome> RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        var thisMonth = JournalPartitions.MonthOf(time.GetUtcNow());
        var created = await partitions.CreateAsync([.. Enumerable.Range(0, o.PartitionsAhead + 1).Select(thisMonth.AddMonths)], ct);

        // Whole months behind the current one that are kept; the function applies the same rule.
        var horizon = o.JournalHorizon(time.GetUtcNow()).UtcDateTime;
        var snapshotsLeft = o.SnapshotsPerRun;
        int dropped = 0, kept = 0, snapshots = 0;
        foreach (var month in await store.PartitionMonthsAsync(ct))
        {
            if (month.AddMonths(1) > horizon) break;
            var asked = await CoverAsync(month, snapshotsLeft, ct);
            snapshotsLeft -= asked;
            snapshots += asked;
            var result = await store.DropPartitionAsync(month, o.JournalMonths, ct);
            if (result == "dropped")
            {
                dropped++;
                LogDropped(logger, month);
            }
            else if (result == "not-covered")
            {
                kept++;
                LogKept(logger, month);
            }
        }
        // This silo's appends must not take a dropped month for existing.
        if (dropped > 0) partitions.Forget();
        return new Outcome(created, dropped, kept, snapshots);
    }

    // Asks the customers of the month whose marks fall short to write their snapshots, and records the marks they
    // answer; returns how many were asked.
    private async Task<int> CoverAsync(DateTime month, int budget, CancellationToken ct)
    {
        var asked = 0;
        while (asked < budget)
        {
            var uncovered = await store.UncoveredAsync(month, Math.Min(AskBatch, budget - asked), ct);
            if (uncovered.Count == 0) break;
            var answered = new System.Collections.Concurrent.ConcurrentBag<(string, long)>();
            var progress = false;
            await Parallel.ForEachAsync(uncovered, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentSnapshots, CancellationToken = ct },
                async (c, _) =>
                {
                    try
                    {
                        var seq = await grains.GetGrain<ICustomerGrain>(c.CustomerId).SnapshotNow();
                        answered.Add((c.CustomerId, seq));
                        if (seq >= c.Seq) progress = true;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogSnapshotFailed(logger, ex.GetType().Name);
                    }
                });
            asked += uncovered.Count;
            await marks.RecordNowAsync([.. answered], ct);
            // Nobody's snapshot reached further: asking the same customers again would not change that.
            if (!progress) break;
        }
        return asked;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: journal partition of {Month:yyyy-MM} dropped, with its duplicate-detection ids")]
    private static partial void LogDropped(ILogger logger, DateTime month);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: journal partition of {Month:yyyy-MM} kept: some entries are not in a stored snapshot yet")]
    private static partial void LogKept(ILogger logger, DateTime month);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: a customer could not write its snapshot ({Error}); its journal partition waits")]
    private static partial void LogSnapshotFailed(ILogger logger, string error);
}
