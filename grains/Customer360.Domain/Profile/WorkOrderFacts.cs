using Customer360.Domain.WorkOrders;

namespace Customer360.Domain.Profile;

/// <summary>The work-order part of <see cref="ProfileApplier"/>: the latest step of each recent order.</summary>
internal static class WorkOrderFacts
{
    /// <summary>Enough for a console; the journal holds every step of every order.</summary>
    public const int MaxWorkOrders = 20;

    public static ApplyOutcome Record(CustomerProfile p, WorkOrder order)
    {
        // A step older than the one held (a replay out of order) changes nothing, but is still an applied event.
        if (WorkOrderList.Put(p.WorkOrders, order)) WorkOrderList.Bound(p.WorkOrders, MaxWorkOrders);
        return ApplyOutcome.Changes(ProfileSection.WorkOrders);
    }
}
