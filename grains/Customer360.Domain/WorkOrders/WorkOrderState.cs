namespace Customer360.Domain.WorkOrders;

/// <summary>
/// Where a work order stands: dispatched → accepted → done, or rejected, or expired (its due time passed
/// before it was done). Done, rejected and expired are final.
/// </summary>
public enum WorkOrderState
{
    Dispatched,
    Accepted,
    Done,
    Rejected,
    Expired,
}
