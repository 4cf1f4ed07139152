namespace Customer360.Gateway.Users;

/// <summary>
/// A user's role and what it applies to: the store (and its region) for store staff, the manager id for account
/// and phone managers, the region for supervisors; for producers (role ingest) the event groups granted and the
/// stores whose walk-ins they may send. <see cref="UserRules.CheckScope"/> says which fields a role needs.
/// </summary>
public sealed record UserScope(string Role, string? StoreId, string? ManagerId, string? Region,
    IReadOnlyList<string> Grants, IReadOnlyList<string> Stores);
