using Customer360.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360.Grains.Retention;

/// <summary>
/// The cluster's one retention job: a single grain (key 0) whose reminder, stored in PostgreSQL with the others,
/// fires every <see cref="RetentionOptions.Interval"/> on whichever silo holds it, so the job runs once per cluster,
/// not once per silo, and survives any one silo. Non-reentrant: two runs never overlap.
/// </summary>
public sealed partial class RetentionGrain(RetentionJob job, IOptions<RetentionOptions> options, ILogger<RetentionGrain> logger)
    : Grain, IRetentionGrain, IRemindable
{
    private const string ReminderName = "retention";

    // Every silo arms it at start: the first run comes FirstRunDelay after the last silo started, then every Interval.
    // Re-arming also applies a changed interval.
    public async Task Start() =>
        await this.RegisterOrUpdateReminder(ReminderName, options.Value.FirstRunDelay, options.Value.Interval);

    public Task<RetentionReport> RunNow() => job.RunAsync(CancellationToken.None);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName) return;
        LogRunStarting(logger);
        await job.RunAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention run starting (reminder)")]
    private static partial void LogRunStarting(ILogger logger);
}
