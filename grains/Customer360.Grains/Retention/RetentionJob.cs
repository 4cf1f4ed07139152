using System.Diagnostics;
using Customer360.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360.Grains.Retention;

/// <summary>
/// One run of retention, its steps in order: journal partitions (ahead, then behind the snapshots), the audit log,
/// tier changes, closed accounts' read-model rows, then closed accounts past the legal period erased. Every step is
/// bounded, idempotent and safe to cut short: what a crash interrupts is found again by the next run. A failing
/// step is logged and the next ones still run; the run then counts as a failure.
/// </summary>
public sealed partial class RetentionJob(
    JournalRetention journal, ClosedAccountErasure closedAccounts, RetentionStore store, RetentionMetrics metrics,
    IOptions<RetentionOptions> options, ILogger<RetentionJob> logger)
{
    // Rounds of BatchSize deletions per table per run: a big backlog (the first run on an old install) drains over a
    // few runs instead of holding one run for hours.
    private const int MaxRounds = 100;

    public async Task<RetentionReport> RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        var started = Stopwatch.GetTimestamp();
        var ok = true;

        var j = await StepAsync("journal", () => journal.RunAsync(ct), new JournalRetention.Outcome(0, 0, 0, 0));
        metrics.Removed(RetentionMetrics.Kinds.JournalPartitions, j.Dropped);
        var audit = await StepAsync("audit", () => store.PruneAuditAsync(o.AuditRetentionDays, ct), 0L);
        metrics.Removed(RetentionMetrics.Kinds.Audit, audit);
        var tiers = await StepAsync("tier-changes", () => DrainAsync(limit => store.PruneTierChangesAsync(o.TierChangesDays, limit, ct)), 0L);
        metrics.Removed(RetentionMetrics.Kinds.TierChanges, tiers);
        var rows = await StepAsync("closed-rows", () => DrainAsync(limit => store.PruneClosedRowsAsync(o.ClosedAccountRowsDays, limit, ct)), 0L);
        metrics.Removed(RetentionMetrics.Kinds.ClosedRows, rows);
        var (erased, failedErasures) = await StepAsync("erasure", () => closedAccounts.RunAsync(ct), (0, 0));
        metrics.Removed(RetentionMetrics.Kinds.Erased, erased);
        ok &= failedErasures == 0;

        var took = Stopwatch.GetElapsedTime(started);
        metrics.Ran(ok, took, DateTimeOffset.UtcNow);
        LogRan(logger, ok ? "succeeded" : "failed", took.TotalSeconds, j.Created, j.Dropped, j.Kept, j.Snapshots, audit, tiers, rows, erased);
        return new RetentionReport(j.Created, j.Dropped, j.Kept, j.Snapshots, audit, tiers, rows, erased, ok);

        async Task<T> StepAsync<T>(string step, Func<Task<T>> run, T none)
        {
            try
            {
                return await run();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                ok = false;
                LogStepFailed(logger, step, ex);
                return none;
            }
        }
    }

    private async Task<long> DrainAsync(Func<int, Task<long>> prune)
    {
        var limit = options.Value.BatchSize;
        long total = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var removed = await prune(limit);
            total += removed;
            if (removed < limit) break;
        }
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run {Outcome} in {Seconds:0.0} s: journal partitions {Created} created, " +
        "{Dropped} dropped, {Kept} kept ({Snapshots} snapshots asked for); {Audit} audit entries, {TierChanges} tier changes, " +
        "{ClosedRows} closed accounts' rows removed; {Erased} closed accounts erased")]
    private static partial void LogRan(ILogger logger, string outcome, double seconds, int created, int dropped, int kept, int snapshots,
        long audit, long tierChanges, long closedRows, int erased);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention step {Step} failed; the other steps still ran, and the next run tries again")]
    private static partial void LogStepFailed(ILogger logger, string step, Exception ex);
}
