namespace Customer360.Grains.Customers;

/// <summary>
/// A bounded memory of the event ids a customer applied most recently, so that a producer's immediate resend is
/// answered without a trip to the journal. Only an optimisation: the journal's unique index on event ids is what
/// guarantees at-most-once for older repeats. A small ring scanned linearly: a million profiles are held in
/// memory at once, so a few hundred bytes each matter more than constant-time lookups over a dozen entries.
/// </summary>
public sealed class RecentEventIds(int capacity)
{
    private readonly string?[] _ring = new string?[capacity];
    private int _next;

    public bool Contains(string eventId)
    {
        foreach (var id in _ring)
            if (id is not null && string.Equals(id, eventId, StringComparison.Ordinal)) return true;
        return false;
    }

    public void Add(string eventId)
    {
        if (_ring.Length == 0 || Contains(eventId)) return;
        _ring[_next] = eventId;
        _next = (_next + 1) % _ring.Length;
    }

    /// <summary>The ids held, oldest first.</summary>
    public List<string> ToList()
    {
        var ids = new List<string>(_ring.Length);
        for (var k = 0; k < _ring.Length; k++)
            if (_ring[(_next + k) % _ring.Length] is { } id) ids.Add(id);
        return ids;
    }
}
