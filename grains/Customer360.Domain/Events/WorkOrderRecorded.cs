using System.Text.Json.Serialization;
using Customer360.Domain.WorkOrders;

namespace Customer360.Domain.Events;

/// <summary>
/// A step of a work order for this customer (<c>workorder</c>). Internal: the work-order grain sends it, never
/// a producer — <see cref="EventParser"/> does not know the type, so <c>POST /api/v1/events</c> rejects it.
/// It is in the journal like any event, so the profile replays it and the timeline shows it.
/// </summary>
/// <param name="Order">The order as it stands after the step.</param>
public sealed record WorkOrderRecorded(WorkOrder Order) : EventPayload
{
    public const string WireType = "workorder";

    [JsonIgnore]
    public override string Type => WireType;

    /// <summary>
    /// The event of the order's latest step. Its id is the order id and the state, so a step sent again
    /// (a retry after a failure) is a duplicate and is applied once.
    /// </summary>
    public static CustomerEvent Of(WorkOrder order) =>
        new($"{order.Id}:{WorkOrderSteps.Name(order.State)}", order.CustomerId, null, order.ChangedAt, new WorkOrderRecorded(order));
}
