using Customer360.Domain.Derived;

namespace Customer360.Domain.Rules;

/// <summary>
/// One decline signal holding now. <see cref="HoldsUntil"/> is when it stops holding if no event changes it
/// (a 30-day window ageing out, a month ending); null when only an event can end it (a payment, a resolution).
/// </summary>
public sealed record DeclineSignal(string Code, Reason Reason, DateTimeOffset? HoldsUntil);
