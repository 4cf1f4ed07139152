using Customer360.Domain.Derived;

namespace Customer360.Domain.Rules;

/// <summary>
/// What one derivation changed: the derived sections (<see cref="DerivedSection"/> names), the tier change if
/// the tier moved, and the alerts raised and automatically resolved, so the grain can push each to whoever
/// follows it (supervisors, the phone manager's queue).
/// </summary>
public sealed record DerivationResult(
    IReadOnlyList<string> Changed,
    TierChange? TierChanged,
    IReadOnlyList<Alert> AlertsRaised,
    IReadOnlyList<Alert> AlertsResolved)
{
    public static DerivationResult None { get; } = new([], null, [], []);
}
