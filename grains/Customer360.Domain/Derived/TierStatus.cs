namespace Customer360.Domain.Derived;

/// <summary>The tier now: stars (1–4) for mass customers, the VIP card for strategic ones.</summary>
public sealed record TierStatus(Tier Tier, int Stars, VipCard Card, Reason Reason, DateTimeOffset Since);
