namespace Customer360.Domain.Profile;

/// <summary>One contact with the customer (客户触点).</summary>
public sealed record Touchpoint(
    string EventId,
    DateTimeOffset At,
    TouchpointChannel Channel,
    TouchpointKind Kind,
    string? StoreId,
    string? StaffId,
    FourSStage? Stage,
    TouchpointCategory? Category,
    int? Score,
    string? Reference,
    string? Note);
