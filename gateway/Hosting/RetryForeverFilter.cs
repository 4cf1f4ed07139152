namespace Customer360.Gateway.Hosting;

/// <summary>
/// A gateway may start before any silo: keep trying to reach the cluster instead of failing the process.
/// Readiness stays false until a call goes through. A refused TLS handshake looks like an unreachable silo from
/// here, so a long wait is raised to a warning that names the likely causes rather than retrying silently.
/// </summary>
public sealed partial class RetryForeverFilter(ILogger<RetryForeverFilter> logger) : IClientConnectionRetryFilter
{
    /// <summary>Consecutive failed attempts (about a second apart) before each warning.</summary>
    private const int WarnEvery = 30;

    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (attempt % WarnEvery == 0) LogStillWaiting(logger, attempt, exception.GetType().Name, exception.Message);
        else LogWaiting(logger, exception.GetType().Name);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster not reachable yet ({Error}); retrying")]
    private static partial void LogWaiting(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Cluster still not reachable after {Attempts} attempts ({Error}: {Detail}). Is a silo running, and do this gateway's and the silos' "
        + "Cluster:Tls certificates come from the same CA? The silos' logs name each refused certificate.")]
    private static partial void LogStillWaiting(ILogger logger, int attempts, string error, string detail);
}
