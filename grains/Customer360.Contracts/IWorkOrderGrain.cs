using Customer360.Domain.WorkOrders;

namespace Customer360.Contracts;

/// <summary>
/// One work order (派单), keyed by its id (<c>WO-</c> and a new Guid). Every step is persisted before it is
/// answered, then copied to the addressee's and the dispatcher's inboxes and recorded on the customer's profile
/// (event <c>{id}:{state}</c>). A reminder at the due time expires the order if it is still open. Who may take
/// a step is the caller's decision (the gateway's <c>WorkOrderAccess</c>); the grain checks only the state.
/// </summary>
[Alias("c360.work-order")]
public interface IWorkOrderGrain : IGrainWithStringKey
{
    /// <summary>Creates the order; refused when this id already holds one.</summary>
    [Alias("dispatch")]
    Task<WorkOrderResult> Dispatch(WorkOrderDraft draft, Dispatcher dispatcher);

    [Alias("accept")]
    Task<WorkOrderResult> Accept(string by);

    [Alias("complete")]
    Task<WorkOrderResult> Complete(string? outcome, string by);

    [Alias("reject")]
    Task<WorkOrderResult> Reject(string? reason, string by);

    /// <summary>The order as it stands, or null when there is none under this id.</summary>
    [Alias("get")]
    Task<WorkOrder?> Get();

    /// <summary>
    /// Blanks the order's free text (notes, outcome, reason) as a new step, copied to both inboxes but not to the
    /// customer's profile (the customer grain calls this while it erases itself). Nothing when there is no order.
    /// </summary>
    [Alias("erase")]
    Task Erase();
}
