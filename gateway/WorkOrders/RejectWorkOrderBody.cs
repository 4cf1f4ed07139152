namespace Customer360.Gateway.WorkOrders;

/// <summary>The body of <c>POST /api/v1/work-orders/{id}/reject</c> (for the OpenAPI document).</summary>
/// <param name="Reason">Why the order cannot be done, at most 500 characters.</param>
public sealed record RejectWorkOrderBody(string Reason);
