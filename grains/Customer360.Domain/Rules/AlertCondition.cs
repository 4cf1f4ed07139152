using Customer360.Domain.Derived;

namespace Customer360.Domain.Rules;

/// <summary>An alert condition that holds now; <see cref="Key"/> identifies it across derivations.</summary>
internal sealed record AlertCondition(string Key, AlertKind Kind, AlertCategory Category, AlertSeverity Severity, Reason Reason);
