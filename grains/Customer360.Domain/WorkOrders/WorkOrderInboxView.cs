namespace Customer360.Domain.WorkOrders;

/// <summary>
/// An inbox as a console sees it: the open orders and those closed lately, what needs attention first.
/// <see cref="Version"/> counts the inbox's changes and never goes back; <c>workOrderChanged</c> notices
/// carry it.
/// </summary>
/// <param name="Inbox">e.g. <c>store:S01</c>.</param>
/// <param name="Version">The inbox's version.</param>
/// <param name="WorkOrders">Open orders by due time, then closed ones, the latest first.</param>
public sealed record WorkOrderInboxView(string Inbox, long Version, IReadOnlyList<WorkOrder> WorkOrders);
