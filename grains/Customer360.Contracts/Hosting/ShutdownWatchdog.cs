using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360.Contracts.Hosting;

/// <summary>
/// The last resort of a bounded stop: once the host has been asked to stop, it ends the process when
/// <see cref="ShutdownOptions.Timeout"/> plus <see cref="ShutdownOptions.ForceAfter"/> have passed and the process is
/// still there. The host's own timeout ends the graceful part; this covers whatever does not honour it (a connect to
/// a PostgreSQL server that does not answer, a provider call without cancellation), so that the next start never finds
/// a stopping process still holding its ports.
/// </summary>
public sealed partial class ShutdownWatchdog(
    IHostApplicationLifetime lifetime, IOptions<ShutdownOptions> options, ILogger<ShutdownWatchdog> logger) : IHostedService, IDisposable
{
    private CancellationTokenRegistration _stopping;
    private Timer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _stopping = lifetime.ApplicationStopping.Register(Arm);
        return Task.CompletedTask;
    }

    private void Arm()
    {
        var bound = options.Value.Timeout + options.Value.ForceAfter;
        LogStopping(logger, options.Value.Timeout, bound);
        _timer = new Timer(_ => Force(bound), null, bound, System.Threading.Timeout.InfiniteTimeSpan);
    }

    private void Force(TimeSpan bound)
    {
        if (!options.Value.EndProcess)
        {
            LogOverran(logger, bound);
            return;
        }
        LogForced(logger, bound);
        // Not Environment.Exit: it runs the process-exit handlers, and the host's handler waits for the very stop
        // that is stuck. Killing itself ends the process at once; the kernel closes its sockets.
        Process.GetCurrentProcess().Kill();
    }

    // Nothing to do here: the timer armed by ApplicationStopping must outlive the other services' stops.
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        // The timer stays armed through disposal of the other services, which can block too; it dies with the process.
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: graceful part bounded at {Timeout}, the process ends at the latest after {Bound}")]
    private static partial void LogStopping(ILogger logger, TimeSpan timeout, TimeSpan bound);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stop still not finished after {Bound} (Shutdown:Timeout + Shutdown:ForceAfter); ending the process now. Acknowledged events are in the journal; unwritten snapshots are rebuilt from it")]
    private static partial void LogForced(ILogger logger, TimeSpan bound);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stop still not finished after {Bound} (Shutdown:Timeout + Shutdown:ForceAfter); Shutdown:EndProcess is off, so the process is left running")]
    private static partial void LogOverran(ILogger logger, TimeSpan bound);
}
