namespace Customer360.Domain.WorkOrders;

/// <summary>The answer to a command: the order after the step, or why the step was not taken.</summary>
public sealed record WorkOrderResult(WorkOrderOutcome Outcome, WorkOrder? Order, string? Error)
{
    public static WorkOrderResult Applied(WorkOrder order) => new(WorkOrderOutcome.Applied, order, null);

    public static WorkOrderResult Invalid(string error) => new(WorkOrderOutcome.Invalid, null, error);

    public static WorkOrderResult Refused(WorkOrder order, string error) => new(WorkOrderOutcome.Refused, order, error);

    public static WorkOrderResult Unknown(string id) => new(WorkOrderOutcome.Unknown, null, $"work order {id} does not exist");
}
