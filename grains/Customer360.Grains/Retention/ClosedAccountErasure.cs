using System.Globalization;
using Customer360.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360.Grains.Retention;

/// <summary>
/// Erases accounts closed more than <see cref="RetentionOptions.ErasureAfterClosureDays"/> ago, at most
/// <see cref="RetentionOptions.BatchSize"/> a run, through the same path as <c>POST /api/v1/customers/{id}/erase</c>
/// (<see cref="ICustomerGrain.Erase"/>: tombstone, scrubbed payloads, free number), each audited first with actor
/// "retention". An erasure that fails is logged and tried again next run: the tombstone is what takes it off the list.
/// </summary>
public sealed partial class ClosedAccountErasure(
    RetentionStore store, IGrainFactory grains, IOptions<RetentionOptions> options, ILogger<ClosedAccountErasure> logger)
{
    public async Task<(int Erased, int Failed)> RunAsync(CancellationToken ct)
    {
        var o = options.Value;
        int erased = 0, failed = 0;
        foreach (var (customerId, closedAt) in await store.ClosedBeforeAsync(o.ErasureAfterClosureDays, o.BatchSize, ct))
        {
            try
            {
                // Recorded before the erasure, like the route's: no erasure the log does not hold.
                await store.AuditErasureAsync(customerId,
                    $"account closed on {closedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, past Retention:ErasureAfterClosureDays ({o.ErasureAfterClosureDays})", ct);
                if (await grains.GetGrain<ICustomerGrain>(customerId).Erase() != ErasureOutcome.Unknown) erased++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                LogEraseFailed(logger, ex.GetType().Name);
            }
        }
        return (erased, failed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: erasing a closed account failed ({Error}); it is tried again next run")]
    private static partial void LogEraseFailed(ILogger logger, string error);
}
