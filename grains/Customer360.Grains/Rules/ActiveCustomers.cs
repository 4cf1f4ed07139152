using System.Collections.Concurrent;

namespace Customer360.Grains.Rules;

/// <summary>
/// The customer grains active on this silo. Lets a rules change reach every active profile here without
/// asking the cluster for a list of activations.
/// </summary>
public sealed class ActiveCustomers
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    public void Add(string customerId) => _ids.TryAdd(customerId, 0);

    public void Remove(string customerId) => _ids.TryRemove(customerId, out _);

    public bool Contains(string customerId) => _ids.ContainsKey(customerId);

    public int Count => _ids.Count;

    public IEnumerable<string> Snapshot() => _ids.Keys;
}
