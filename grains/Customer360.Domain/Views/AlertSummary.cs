using Customer360.Domain.Derived;

namespace Customer360.Domain.Views;

/// <summary>An unresolved alert as lists show it.</summary>
public sealed record AlertSummary(
    string Id, AlertKind Kind, AlertSeverity Severity, AlertState State, string? Owner, DateTimeOffset RaisedAt, DateTimeOffset? SnoozedUntil);
