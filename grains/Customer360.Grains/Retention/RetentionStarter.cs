using Customer360.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Customer360.Grains.Retention;

/// <summary>
/// Arms the retention job's reminder once this silo has joined (<see cref="IRetentionGrain.Start"/>), retrying while
/// the cluster or PostgreSQL is not ready; the silo's start does not wait for it. It also makes the job's instruments
/// exist from the start (<paramref name="metrics"/>), so <c>c360_retention_last_success_seconds</c> is scraped as 0 on a
/// silo that has not run the job rather than missing, and alert rules can tell the two apart from a silo that is gone.
/// </summary>
#pragma warning disable CS9113 // Taken for its construction: the instruments exist once it is built.
public sealed partial class RetentionStarter(IGrainFactory grains, RetentionMetrics metrics, ILogger<RetentionStarter> logger) : BackgroundService
#pragma warning restore CS9113
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 0; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await grains.GetGrain<IRetentionGrain>(0).Start().WaitAsync(TimeSpan.FromSeconds(30), stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (attempt % 10 == 0) LogNotArmed(logger, ex.GetType().Name);
                try { await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention job's reminder could not be armed yet ({Error}); retrying")]
    private static partial void LogNotArmed(ILogger logger, string error);
}
