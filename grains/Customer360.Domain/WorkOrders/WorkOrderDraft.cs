namespace Customer360.Domain.WorkOrders;

/// <summary>What a dispatcher asks for: the body of <c>POST /api/v1/work-orders</c>, read and typed.</summary>
/// <param name="CustomerId">The customer the order is for.</param>
/// <param name="Addressee">The store or account manager who is to do it.</param>
/// <param name="Kind">What is to be done.</param>
/// <param name="DueAt">By when; the order expires if it is not done by then.</param>
/// <param name="Notes">Free text for the addressee, at most <see cref="WorkOrderSteps.MaxTextLength"/> characters.</param>
public sealed record WorkOrderDraft(string CustomerId, Addressee Addressee, WorkOrderKind Kind, DateTimeOffset DueAt, string? Notes);
