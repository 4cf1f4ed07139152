namespace Customer360.Gateway.Hosting;

/// <summary>
/// A gateway may start before any silo: keep trying to reach the cluster instead of failing the process.
/// Readiness stays false until a call goes through.
/// </summary>
public sealed partial class RetryForeverFilter(ILogger<RetryForeverFilter> logger) : IClientConnectionRetryFilter
{
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogWaiting(logger, exception.GetType().Name);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster not reachable yet ({Error}); retrying")]
    private static partial void LogWaiting(ILogger logger, string error);
}
