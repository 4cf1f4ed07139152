using System.Text.Json.Serialization;

namespace Customer360.Domain.WorkOrders;

/// <summary>
/// A work order (派单) as it stands after its latest step. Immutable: each step makes the next record, with
/// <see cref="Step"/> one higher, so a copy held elsewhere (an inbox, the customer's profile) keeps the newest
/// and ignores a late or repeated one.
/// </summary>
/// <param name="Id">e.g. <c>WO-</c> and 32 hex digits.</param>
/// <param name="CustomerId">The customer it is for.</param>
/// <param name="Kind">What is to be done.</param>
/// <param name="Addressee">Who is to do it.</param>
/// <param name="DispatchedBy">Who asked for it.</param>
/// <param name="DispatchedAt">When it was dispatched.</param>
/// <param name="DueAt">When it expires unless done.</param>
/// <param name="Notes">The dispatcher's notes.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Step">1 when dispatched, one more with every step after.</param>
/// <param name="ChangedAt">When the latest step happened.</param>
/// <param name="ChangedBy">Who took the latest step (the user name, or <c>system</c> for expiry).</param>
/// <param name="Outcome">What was done, once done.</param>
/// <param name="Reason">Why it was rejected, once rejected.</param>
public sealed record WorkOrder(
    string Id,
    string CustomerId,
    WorkOrderKind Kind,
    Addressee Addressee,
    Dispatcher DispatchedBy,
    DateTimeOffset DispatchedAt,
    DateTimeOffset DueAt,
    string? Notes,
    WorkOrderState State,
    int Step,
    DateTimeOffset ChangedAt,
    string ChangedBy,
    string? Outcome = null,
    string? Reason = null)
{
    /// <summary>Dispatched or accepted: someone still has to act on it.</summary>
    [JsonIgnore]
    public bool IsOpen => State is WorkOrderState.Dispatched or WorkOrderState.Accepted;
}
