using System.Collections.Concurrent;
using System.Collections.Immutable;
using Customer360.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace Customer360.Gateway.Push;

/// <summary>
/// This gateway's one receiver of pushes from the cluster. It forwards each notice to the consoles in the
/// topic's SignalR group, and remembers the newest version seen per topic so that a lease renewal can tell
/// whether a notice was lost (for example while the owning grain moved to another silo).
/// </summary>
public sealed class PushReceiver(IHubContext<ConsoleHub> hub) : IPushReceiver
{
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);

    public string GatewayId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task Deliver(ImmutableArray<PushMessage> batch)
    {
        var sends = new List<Task>(batch.Length);
        foreach (var m in batch)
        {
            if (!Advance(m.Topic, m.Version)) continue;
            sends.Add(hub.Clients.Group(m.Topic).SendAsync(m.Kind,
                new { topic = m.Topic, customerId = m.CustomerId, version = m.Version, changed = m.Changed }));
        }
        await Task.WhenAll(sends);
    }

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
