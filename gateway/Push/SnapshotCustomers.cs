using Customer360.Domain.Views;
using Customer360.Domain.WorkOrders;

namespace Customer360.Gateway.Push;

/// <summary>The customers whose data a topic's snapshot holds, for the audit log.</summary>
public static class SnapshotCustomers
{
    public static IEnumerable<string> Of(string topicKey, TopicSnapshot snapshot)
    {
        if (snapshot.Profile is not null) yield return topicKey;
        var ids = snapshot.Data switch
        {
            CustomerListView list => list.Customers.Select(c => c.CustomerId),
            StoreWalkInsView walkIns => walkIns.WalkIns.Select(w => w.Customer.CustomerId),
            TierBoardView board => board.Changes.Select(c => c.CustomerId),
            _ => [],
        };
        foreach (var id in ids) yield return id;
        if (snapshot.WorkOrders is IEnumerable<WorkOrder> orders)
            foreach (var order in orders) yield return order.CustomerId;
    }
}
