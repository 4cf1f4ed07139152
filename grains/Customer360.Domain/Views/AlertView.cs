using Customer360.Domain.Derived;

namespace Customer360.Domain.Views;

public sealed record AlertView(
    string Id, AlertKind Kind, AlertCategory Category, AlertSeverity Severity, AlertState State, ReasonView Reason,
    DateTimeOffset RaisedAt, string? Owner, DateTimeOffset? SnoozedUntil);
