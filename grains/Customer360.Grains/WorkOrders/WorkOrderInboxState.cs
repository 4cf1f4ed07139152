using Customer360.Domain.WorkOrders;

namespace Customer360.Grains.WorkOrders;

/// <summary>The persisted inbox. The version is stored with the orders so it never goes back after a reactivation.</summary>
public sealed class WorkOrderInboxState
{
    public long Version { get; set; }

    /// <summary>The latest step of each order the inbox holds.</summary>
    public List<WorkOrder> Orders { get; set; } = [];
}
