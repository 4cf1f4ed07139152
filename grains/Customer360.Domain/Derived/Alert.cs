namespace Customer360.Domain.Derived;

/// <summary>
/// An alert on a customer. <see cref="Key"/> identifies the condition (kind plus, where one kind can fire for
/// different things, what it fired for, e.g. a holiday's date): raising the same key again while the alert is
/// not resolved does not duplicate it. Mutable state, changed only by the rules and the alert actions.
/// </summary>
public sealed class Alert
{
    public required string Id { get; init; }
    public required string Key { get; init; }
    public required AlertKind Kind { get; init; }
    public required AlertCategory Category { get; init; }
    public AlertSeverity Severity { get; set; }
    public required Reason Reason { get; set; }
    public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>Who works it: by default the customer's phone manager; a walk-in goes to the store.</summary>
    public string? Owner { get; set; }

    public AlertState State { get; set; }
    public DateTimeOffset? SnoozedUntil { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>How it was resolved: the outcome a person gave, or the reason its condition cleared.</summary>
    public Reason? Resolution { get; set; }
    public string? ResolvedBy { get; set; }
}
