using Customer360.Contracts;
using Customer360.Domain.Rules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Customer360.Grains.Rules;

/// <summary>
/// This silo's copy of the rule settings. Polls the rules grain (one small call per silo per interval, rather
/// than one per event) and, when the version moves, asks every customer active on this silo to re-evaluate,
/// a bounded number at a time so that a rules change does not starve ingestion.
/// </summary>
public sealed partial class RulesCache(
    IGrainFactory grains, ActiveCustomers active, IHostApplicationLifetime lifetime, IOptions<RulesOptions> options,
    ILogger<RulesCache> logger) : BackgroundService
{
    private volatile RuleSettings _current = RuleSettings.Defaults;
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RuleSettings Current => _current;

    /// <summary>Completes once the settings were read from the cluster at least once.</summary>
    public Task Loaded => _loaded.Task;

    protected override async Task ExecuteAsync(CancellationToken serviceStopping)
    {
        // Grain calls need the silo running: this service starts before it, and stops polling as soon as the
        // host starts to stop, since the silo may already be leaving the cluster.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(serviceStopping, lifetime.ApplicationStopping);
        var stoppingToken = stopping.Token;
        await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).ContinueWith(_ => { }, TaskScheduler.Default);
        if (stoppingToken.IsCancellationRequested) return;
        try
        {
            await PollAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                var latest = await grains.GetGrain<IRulesGrain>(0).Get().WaitAsync(stoppingToken);
                _loaded.TrySetResult();
                if (latest.Version != _current.Version)
                {
                    _current = latest;
                    LogChanged(logger, latest.Version, active.Count);
                    await ReevaluateActiveAsync(latest.Version, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ReevaluateActiveAsync(long version, CancellationToken ct)
    {
        await Parallel.ForEachAsync(active.Snapshot(),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.ReevaluationParallelism, CancellationToken = ct },
            async (id, _) =>
            {
                try { await grains.GetGrain<ICustomerGrain>(id).ApplyRules(version); }
                catch (Exception ex) when (ex is not OperationCanceledException) { LogReevaluationFailed(logger, ex.GetType().Name); }
            });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rule settings version {Version} in force; re-evaluating {Active} active profiles")]
    private static partial void LogChanged(ILogger logger, long version, int active);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the rule settings failed ({Error}); keeping the current ones")]
    private static partial void LogPollFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Re-evaluating a profile failed ({Error}); it re-evaluates at its next change")]
    private static partial void LogReevaluationFailed(ILogger logger, string error);
}
