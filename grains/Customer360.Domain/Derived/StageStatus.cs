namespace Customer360.Domain.Derived;

/// <summary>The lifecycle stage now, and the last time a decline signal was seen (for the 60-day recovery).</summary>
public sealed record StageStatus(LifecycleStage Stage, Reason Reason, DateTimeOffset Since, DateTimeOffset? LastDeclineSignalAt);
