namespace Customer360.Domain.WorkOrders;

/// <summary>What became of a command to a work order.</summary>
public enum WorkOrderOutcome
{
    /// <summary>The step was taken.</summary>
    Applied,

    /// <summary>A field of the command is missing or bad; the error names it.</summary>
    Invalid,

    /// <summary>The order's state does not allow the step; the error says why.</summary>
    Refused,

    /// <summary>There is no such work order.</summary>
    Unknown,
}
