using Customer360.Domain.Views;
using Orleans.Concurrency;

namespace Customer360.Contracts;

/// <summary>
/// A live list of customers, keyed by its topic: <c>portfolio:{accountManagerId}</c> (every customer of the
/// account manager) or <c>alerts:{phoneManagerId}</c> (the phone manager's customers with unresolved alerts).
/// Customer grains tell it when their line changes; it rebuilds itself from the read model when it activates.
/// </summary>
[Alias("c360.customer-list")]
public interface ICustomerListGrain : IGrainWithStringKey, ITopicOwner
{
    /// <summary>The customer's line changed (or the customer joined the list).</summary>
    // A line is an immutable record nobody changes once sent: not copied on a call within the silo (a copy of a
    // domain type is a JSON round trip, a few percent of the silo's CPU under ingest). Likewise the tier board's facts.
    [Alias("update"), OneWay]
    Task Update([Immutable] CustomerSummary summary);

    /// <summary>The customer left the list (moved to another manager).</summary>
    [Alias("remove"), OneWay]
    Task Remove(string customerId);

    /// <summary>A customer of the list was identified at a store's counter.</summary>
    [Alias("walked-in"), OneWay]
    Task WalkedIn(WalkInView walkIn);

    [Alias("list")]
    Task<CustomerListView> GetList();
}
