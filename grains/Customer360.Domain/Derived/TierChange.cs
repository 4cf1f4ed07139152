namespace Customer360.Domain.Derived;

/// <summary>A tier change: an event pushed to the supervisors of the customer's region.</summary>
public sealed record TierChange(Tier From, Tier To, int FromStars, int ToStars, Reason Reason, DateTimeOffset At);
