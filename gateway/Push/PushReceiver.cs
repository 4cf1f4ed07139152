using System.Collections.Concurrent;
using System.Collections.Immutable;
using Customer360.Contracts;
using Customer360.Domain.Access;
using Customer360.Domain.Derived;
using Customer360.Domain.Views;
using Customer360.Gateway.Localization;
using Microsoft.AspNetCore.SignalR;

namespace Customer360.Gateway.Push;

/// <summary>
/// This gateway's one receiver of pushes from the cluster. It forwards each notice to the consoles in the
/// topic's SignalR groups — worded in full for one, with personal data masked for the other — and remembers the
/// newest version seen per topic so that a lease renewal can tell whether a notice was lost (for example while
/// the owning grain moved to another silo).
/// </summary>
public sealed partial class PushReceiver(IHubContext<ConsoleHub> hub, ILogger<PushReceiver> logger) : IPushReceiver
{
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);

    public string GatewayId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// Hands the batch to SignalR and returns without waiting for the consoles to take it: a group send completes
    /// only when its slowest connection has, and waiting here would hold up the silo's next batch for every
    /// console of this gateway. Each connection's writes stay in order; a console that falls behind gets its
    /// notices late, the others do not notice.
    /// </summary>
    public Task Deliver(ImmutableArray<PushMessage> batch)
    {
        foreach (var m in batch)
        {
            if (!Advance(m.Topic, m.Version)) continue;
            Watch(hub.Clients.Group(PushGroups.For(m.Topic, masked: false)).SendAsync(m.Kind, Payload(m, masked: false)));
            Watch(hub.Clients.Group(PushGroups.For(m.Topic, masked: true)).SendAsync(m.Kind, Payload(m, masked: true)));
        }
        return Task.CompletedTask;
    }

    private void Watch(Task send)
    {
        if (send.IsCompletedSuccessfully) return;
        send.ContinueWith(t => LogSendFailed(logger, t.Exception!.GetBaseException().GetType().Name),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>What a console receives: topic, customer, version and what changed, plus the line, walk-in or tier change a list topic carries.</summary>
    public static object Payload(PushMessage m, bool masked) => new
    {
        topic = m.Topic,
        customerId = m.CustomerId,
        version = m.Version,
        changed = m.Changed,
        summary = m.Summary is { } s && masked ? PersonalDataMasking.Mask(s) : m.Summary,
        walkIn = m.WalkIn is { } w && masked ? PersonalDataMasking.Mask(w) : m.WalkIn,
        tierChange = m.TierChange is { } t ? new
        {
            t.CustomerId,
            name = masked ? Customer360.Domain.Profile.Masking.Name(t.Name) : t.Name,
            t.Region, t.From, t.To, t.FromStars, t.ToStars, t.At,
            reason = Reason(t.Reason, masked),
        } : null,
    };

    // A reason's words carry its arguments, some of them free text: number-masked for the masked group.
    private static object Reason(Reason r, bool masked) => new
    {
        code = r.Code,
        text = Words(ReasonText.Render(r, ConsoleLanguage.English), masked),
        textZh = Words(ReasonText.Render(r, ConsoleLanguage.Chinese), masked),
    };

    private static string Words(string text, bool masked) => masked ? FreeText.MaskNumbers(text)! : text;

    /// <summary>Records <paramref name="version"/> for the topic; false when it is not newer than what was sent.</summary>
    public bool Advance(string topic, long version)
    {
        while (true)
        {
            if (!_versions.TryGetValue(topic, out var seen))
            {
                if (_versions.TryAdd(topic, version)) return true;
                continue;
            }
            if (version <= seen) return false;
            if (_versions.TryUpdate(topic, version, seen)) return true;
        }
    }

    public void Forget(string topic) => _versions.TryRemove(topic, out _);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A push to a console group failed: {Error}")]
    private static partial void LogSendFailed(ILogger logger, string error);
}
