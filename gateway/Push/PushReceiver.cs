using System.Collections.Concurrent;
using System.Collections.Immutable;
using Customer360.Contracts;
using Customer360.Domain.Access;
using Customer360.Domain.Derived;
using Customer360.Domain.Views;
using Customer360.Gateway.Localization;

namespace Customer360.Gateway.Push;

/// <summary>
/// This gateway's one receiver of pushes from the cluster. It hands each notice to the outbox of every console that
/// follows the topic (<see cref="ConsoleOutbox"/>: bounded, one sender per console), worded in full or with personal
/// data masked as each console's user may see it, and remembers the newest version seen per topic so that a lease
/// renewal can tell whether a notice was lost (for example while the owning grain moved to another silo).
/// </summary>
public sealed class PushReceiver(TopicConsoles consoles, ConsoleOutboxes outboxes, PushMetrics metrics) : IPushReceiver
{
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);

    public string GatewayId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// Queues the batch in the consoles' outboxes and returns without waiting for any console to take it: waiting here
    /// would hold up the silo's next batch for every console of this gateway. Each console's notices stay in order; a
    /// console that falls behind gets a "look again" instead of a growing backlog, the others do not notice.
    /// </summary>
    public Task Deliver(ImmutableArray<PushMessage> batch)
    {
        foreach (var m in batch)
        {
            if (!Advance(m.Topic, m.Version)) continue;
            metrics.Notice(m.Kind);
            Fanout(m);
        }
        return Task.CompletedTask;
    }

    /// <summary>Queues a notice for every console of its topic, whatever versions were seen.</summary>
    public void Fanout(PushMessage m)
    {
        var notice = new ConsoleNotice(m);
        var reached = 0;
        foreach (var connectionId in consoles.ConsolesOf(m.Topic))
        {
            if (outboxes.Find(connectionId) is not { } outbox) continue;
            outbox.Enqueue(notice);
            reached++;
        }
        metrics.Fanout(m.Topic, reached);
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
}
