namespace Customer360.Domain.Profile;

/// <summary>A payment or top-up.</summary>
public sealed record Payment(DateTimeOffset At, decimal Amount, string? Method);
