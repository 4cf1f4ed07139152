namespace Customer360.Contracts;

/// <summary>
/// Accepted (durable and applied), Duplicate (this event id was applied before), Rejected, or Held (durable,
/// for a customer not registered yet; applied when the registration arrives).
/// </summary>
[GenerateSerializer]
public enum EventOutcomeKind
{
    Accepted,
    Duplicate,
    Rejected,
    Held,
}
