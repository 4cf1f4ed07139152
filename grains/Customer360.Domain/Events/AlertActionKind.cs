namespace Customer360.Domain.Events;

/// <summary>What a person did with an alert.</summary>
public enum AlertActionKind { Acknowledge, Snooze, Resolve }
