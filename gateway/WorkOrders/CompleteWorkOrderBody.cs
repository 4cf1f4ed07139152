namespace Customer360.Gateway.WorkOrders;

/// <summary>The body of <c>POST /api/v1/work-orders/{id}/complete</c> (for the OpenAPI document).</summary>
/// <param name="Outcome">What was done, at most 500 characters.</param>
public sealed record CompleteWorkOrderBody(string Outcome);
