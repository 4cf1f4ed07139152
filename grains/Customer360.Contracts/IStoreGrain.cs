using Customer360.Domain.Views;

namespace Customer360.Contracts;

/// <summary>
/// One store: the customers identified at its counter today. Owns the topic <c>store:{storeId}</c>; store staff
/// may read exactly the customers it lists.
/// </summary>
[Alias("c360.store")]
public interface IStoreGrain : IGrainWithStringKey, ITopicOwner
{
    /// <summary>Records a walk-in (durably, before it returns) and pushes it to the store's consoles and the customer's account manager.</summary>
    [Alias("record-walk-in")]
    Task<WalkInView> RecordWalkIn([Immutable] CustomerSummary customer, string? by, DateTimeOffset at);

    /// <summary>Whether the customer was identified here during the operator day of <paramref name="now"/>.</summary>
    [Alias("walked-in-today")]
    Task<bool> WalkedInToday(string customerId, DateTimeOffset now);

    [Alias("walk-ins")]
    Task<StoreWalkInsView> GetWalkIns(DateTimeOffset now);

    /// <summary>Takes an erased customer off the store's list of the day.</summary>
    [Alias("forget")]
    Task Forget(string customerId);
}
