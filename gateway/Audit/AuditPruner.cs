using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Gateway.Audit;

/// <summary>
/// Deletes audit entries older than <see cref="AuditOptions.RetentionDays"/>, at start and every
/// <see cref="AuditOptions.PruneInterval"/>. It deletes nothing itself: the gateway's database role may not delete
/// audit rows, so it calls <c>c360_prune_audit(retention_days)</c> (schema 011), a SECURITY DEFINER function that
/// deletes only rows older than the retention and refuses a retention under 30 days. Every gateway runs it; the
/// deletes are idempotent, so that costs a few cheap statements and needs no coordination.
/// </summary>
public sealed partial class AuditPruner(AuditStore store, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditPruner> logger)
    : BackgroundService
{
    /// <summary>Prunes once; returns the number of entries deleted.</summary>
    public Task<long> PruneAsync(CancellationToken ct) => store.PruneAsync(options.Value.RetentionDays, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await PruneAsync(stoppingToken);
                if (deleted > 0) LogPruned(logger, deleted, options.Value.RetentionDays);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                // PostgreSQL away, or the function missing: the next turn tries again; the log only grows meanwhile.
                LogPruneFailed(logger, ex);
            }
            try
            {
                await Task.Delay(options.Value.PruneInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit log pruned: {Deleted} entries older than {Days} days (Audit:RetentionDays) deleted")]
    private static partial void LogPruned(ILogger logger, long deleted, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log pruning failed; retrying at the next interval (Audit:PruneInterval)")]
    private static partial void LogPruneFailed(ILogger logger, Exception ex);
}
