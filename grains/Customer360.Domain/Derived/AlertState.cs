namespace Customer360.Domain.Derived;

/// <summary>open → acknowledged → resolved, or snoozed (until a time, then open again).</summary>
public enum AlertState { Open, Acknowledged, Snoozed, Resolved }
