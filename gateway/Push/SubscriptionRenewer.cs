using Customer360.Contracts;
using Microsoft.Extensions.Options;

namespace Customer360.Gateway.Push;

/// <summary>
/// Renews this gateway's topic leases at their owner grains, periodically and at once when the set of silos
/// changes. Subscriptions live only in grain memory, so after a silo dies the renewal is what restores them;
/// the version each renewal returns tells whether consoles missed a change meanwhile, and if so they are told
/// to look again — no console stays silently stale.
/// </summary>
public sealed partial class SubscriptionRenewer(
    SubscriptionRegistry registry, TopicRouter router, PushReceiver receiver,
    ClusterChangeSignal clusterChanged, IOptions<ConsolePushOptions> options, ILogger<SubscriptionRenewer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await clusterChanged.WaitAsync(options.Value.RenewInterval, stoppingToken);
            await RenewAllAsync(stoppingToken);
        }
    }

    public async Task RenewAllAsync(CancellationToken ct)
    {
        foreach (var topic in registry.ActiveTopics())
        {
            if (ct.IsCancellationRequested) return;
            if (router.OwnerOf(topic) is not { } owner) continue;
            try
            {
                var version = await registry.RenewAsync(owner).WaitAsync(options.Value.RenewTimeout, ct);
                if (receiver.Advance(topic, version) && Topics.TryParse(topic, out _, out var key))
                    receiver.Fanout(new PushMessage(topic, TopicRouter.NoticeKindOf(topic), key, version, []));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRenewFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing a topic subscription failed ({Error}); retrying next round")]
    private static partial void LogRenewFailed(ILogger logger, string error);
}
