namespace Customer360.Contracts;

/// <summary>Accepted (durable and applied), Duplicate (this event id was applied before) or Rejected.</summary>
[GenerateSerializer]
public enum EventOutcomeKind
{
    Accepted,
    Duplicate,
    Rejected,
}
