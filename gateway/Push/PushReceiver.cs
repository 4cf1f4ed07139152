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
public sealed class PushReceiver(IHubContext<ConsoleHub> hub) : IPushReceiver
{
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);

    public string GatewayId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task Deliver(ImmutableArray<PushMessage> batch)
    {
        var sends = new List<Task>(batch.Length * 2);
        foreach (var m in batch)
        {
            // List topics carry one notice per customer, each with its own version; a customer topic's notices are
            // one sequence, where an older one is stale.
            if (!Advance(m.Topic, m.Version)) continue;
            sends.Add(hub.Clients.Group(PushGroups.For(m.Topic, masked: false)).SendAsync(m.Kind, Payload(m, masked: false)));
            sends.Add(hub.Clients.Group(PushGroups.For(m.Topic, masked: true)).SendAsync(m.Kind, Payload(m, masked: true)));
        }
        await Task.WhenAll(sends);
    }

    /// <summary>What a console receives: topic, customer, version and what changed, plus the line, walk-in or tier change a list topic carries.</summary>
    public static object Payload(PushMessage m, bool masked) => new
    {
        topic = m.Topic,
        customerId = m.CustomerId,
        version = m.Version,
        changed = m.Changed,
        summary = m.Summary is { } s && masked ? PersonalDataMasking.Mask(s) : m.Summary,
        walkIn = m.WalkIn is { } w && masked ? w with { Customer = PersonalDataMasking.Mask(w.Customer) } : m.WalkIn,
        tierChange = m.TierChange is { } t ? new
        {
            t.CustomerId,
            name = masked ? Customer360.Domain.Profile.Masking.Name(t.Name) : t.Name,
            t.Region, t.From, t.To, t.FromStars, t.ToStars, t.At,
            reason = Reason(t.Reason),
        } : null,
    };

    private static object Reason(Reason r) => new
    {
        code = r.Code,
        text = ReasonText.Render(r, ConsoleLanguage.English),
        textZh = ReasonText.Render(r, ConsoleLanguage.Chinese),
    };

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
}
