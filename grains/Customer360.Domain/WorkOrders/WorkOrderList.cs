namespace Customer360.Domain.WorkOrders;

/// <summary>
/// The copies of work orders that inboxes and profiles keep: the latest step of each order, found by id. A
/// copy is replaced only by a higher step, so a late or repeated notice changes nothing, and applying the same
/// steps in any order gives the same list.
/// </summary>
public static class WorkOrderList
{
    /// <summary>Puts the order's step in the list; false when the list already had it or a later one.</summary>
    public static bool Put(List<WorkOrder> list, WorkOrder order)
    {
        var index = list.FindIndex(o => o.Id == order.Id);
        if (index < 0)
        {
            list.Add(order);
            return true;
        }
        if (list[index].Step >= order.Step) return false;
        list[index] = order;
        return true;
    }

    /// <summary>
    /// Keeps every open order, and of the closed ones only those closed within <paramref name="keepClosed"/>
    /// of <paramref name="now"/>, at most <paramref name="maxClosed"/> of them (the most recently closed).
    /// Open orders need no bound of their own: each closes by its due time at the latest.
    /// </summary>
    public static void Trim(List<WorkOrder> list, DateTimeOffset now, TimeSpan keepClosed, int maxClosed)
    {
        list.RemoveAll(o => !o.IsOpen && o.ChangedAt < now - keepClosed);
        var closed = list.Where(o => !o.IsOpen).OrderByDescending(o => o.ChangedAt).ThenBy(o => o.Id, StringComparer.Ordinal).Skip(maxClosed).ToHashSet();
        if (closed.Count > 0) list.RemoveAll(closed.Contains);
    }

    /// <summary>
    /// Keeps at most <paramref name="max"/> orders, dropping first the closed ones that closed longest ago,
    /// then the open ones dispatched longest ago.
    /// </summary>
    public static void Bound(List<WorkOrder> list, int max)
    {
        while (list.Count > max)
            list.Remove(list.OrderBy(o => o.IsOpen).ThenBy(o => o.IsOpen ? o.DispatchedAt : o.ChangedAt).ThenBy(o => o.Id, StringComparer.Ordinal).First());
    }

    /// <summary>What needs attention first: open orders by due time, then closed ones, the latest first.</summary>
    public static IReadOnlyList<WorkOrder> Ordered(IEnumerable<WorkOrder> orders) =>
        [.. orders.OrderBy(o => o.IsOpen ? 0 : 1)
            .ThenBy(o => o.IsOpen ? o.DueAt.UtcTicks : -o.ChangedAt.UtcTicks)
            .ThenBy(o => o.Id, StringComparer.Ordinal)];
}
