using Customer360.Domain.WorkOrders;

namespace Customer360.Contracts;

/// <summary>
/// The work orders one party follows: those addressed to a store or account manager, or those a phone
/// manager (or account manager, or administrator) dispatched. Keyed by the party, e.g. <c>store:S01</c>,
/// <c>account-manager:AM01</c>, <c>phone-manager:PM01</c>; holds the open orders and those closed in the
/// last 24 hours. Owns the topic <c>workorders:{key}</c>; its version is persisted and never goes back.
/// </summary>
[Alias("c360.work-order-inbox")]
public interface IWorkOrderInboxGrain : IGrainWithStringKey, ITopicOwner
{
    /// <summary>
    /// Takes an order's latest step; a step the inbox already holds, or an older one, changes nothing. Returns
    /// once the inbox is persisted.
    /// </summary>
    [Alias("record")]
    Task Record(WorkOrder order);

    [Alias("get")]
    Task<WorkOrderInboxView> Get();
}
