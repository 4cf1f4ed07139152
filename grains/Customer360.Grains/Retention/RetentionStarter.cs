using Customer360.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Customer360.Grains.Retention;

/// <summary>
/// Arms the retention job's reminder once this silo has joined (<see cref="IRetentionGrain.Start"/>), retrying while
/// the cluster or PostgreSQL is not ready; the silo's start does not wait for it.
/// </summary>
public sealed partial class RetentionStarter(IGrainFactory grains, ILogger<RetentionStarter> logger) : BackgroundService
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
