using Customer360.Domain.Derived;

namespace Customer360.Domain.Views;

/// <summary>A customer's tier change as the supervisors of the region see it.</summary>
public sealed record TierChangeNotice(
    string CustomerId, string Name, string Region, Tier From, Tier To, int FromStars, int ToStars, Reason Reason, DateTimeOffset At);
