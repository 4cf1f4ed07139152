namespace Customer360.Grains.Customers;

/// <summary>
/// A bounded memory of the event ids a customer applied most recently. It only saves a trip to the journal:
/// the journal's unique index on event ids is what guarantees at-most-once for older repeats.
/// </summary>
public sealed class RecentEventIds(int capacity)
{
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public bool Contains(string eventId) => _ids.Contains(eventId);

    public void Add(string eventId)
    {
        if (!_ids.Add(eventId)) return;
        _order.Enqueue(eventId);
        while (_order.Count > capacity) _ids.Remove(_order.Dequeue());
    }

    public List<string> ToList() => [.. _order];
}
