using Customer360.Domain.WorkOrders;

namespace Customer360.Grains.WorkOrders;

/// <summary>The persisted work order and how far its steps are known to have been copied out.</summary>
public sealed class WorkOrderGrainState
{
    public WorkOrder? Order { get; set; }

    /// <summary>
    /// The last step known to be in both inboxes and on the customer's profile. Persisted lazily (with the next
    /// step, or on deactivation): behind after a crash, which only means copying a step again, and every copy
    /// ignores a step it already holds.
    /// </summary>
    public int CopiedStep { get; set; }
}
