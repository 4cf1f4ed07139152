namespace Customer360.Domain.WorkOrders;

/// <summary>Who dispatched a work order.</summary>
/// <param name="UserName">The signed-in user, e.g. <c>pm01</c>.</param>
/// <param name="Role">Their role, e.g. <c>phone-manager</c>.</param>
/// <param name="Inbox">The inbox that follows the orders they dispatched, e.g. <c>phone-manager:PM01</c>.</param>
public sealed record Dispatcher(string UserName, string Role, string Inbox);
