namespace Customer360.Gateway.Audit;

/// <summary>
/// Which entries of the audit log to list, newest first: all given conditions hold
/// (<see cref="Since"/> ≤ at &lt; <see cref="Until"/>), at most <see cref="Limit"/> of them.
/// </summary>
public sealed record AuditQuery(string? CustomerId, string? UserName, DateTimeOffset? Since, DateTimeOffset? Until, int Limit, string? Kind = null);
