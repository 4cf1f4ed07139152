namespace Customer360.Domain.WorkOrders;

/// <summary>What erasing a customer leaves of one of their work orders.</summary>
public static class WorkOrderErasure
{
    /// <summary>
    /// The order without its free text (notes, outcome, reason: they may name or describe the person), as the next
    /// step so every copy (inboxes keep the highest step) takes it; ids, kind, addressee, state and times stay.
    /// Null when there is nothing left to blank.
    /// </summary>
    public static WorkOrder? Erase(WorkOrder order) =>
        order is { Notes: null, Outcome: null, Reason: null }
            ? null
            : order with { Notes = null, Outcome = null, Reason = null, Step = order.Step + 1 };
}
