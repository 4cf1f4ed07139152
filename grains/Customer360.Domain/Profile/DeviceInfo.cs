namespace Customer360.Domain.Profile;

/// <summary>The handset (终端) in use.</summary>
public sealed record DeviceInfo(
    [property: Shared] string Brand,
    [property: Shared] string Model,
    PriceBand PriceBand, bool DualSim, DateOnly InUseSince);
