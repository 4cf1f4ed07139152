namespace Customer360.Domain.WorkOrders;

/// <summary>Who a work order can be addressed to. On the wire: <c>store</c>, <c>account-manager</c>.</summary>
public enum AddresseeKind
{
    Store,
    AccountManager,
}
