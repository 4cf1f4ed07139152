namespace Customer360.Domain.WorkOrders;

/// <summary>What a work order asks for. On the wire in kebab-case (<c>device-swap</c>).</summary>
public enum WorkOrderKind
{
    DeviceSwap,
    Sim,
    Payment,
    Visit,
    Other,
}
