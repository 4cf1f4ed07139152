using Customer360.Domain.Derived;

namespace Customer360.Domain.Views;

public sealed record TierView(Tier Tier, int Stars, VipCard Card, ReasonView Reason, DateTimeOffset Since);
