namespace Customer360.Gateway.Users;

/// <summary>A row of <c>c360_users</c>, hash included: it never leaves the gateway (see <see cref="UserView"/>).</summary>
public sealed record StoredUser(
    string Name,
    string PasswordHash,
    UserScope Scope,
    bool Disabled,
    DateTimeOffset SessionsValidAfter,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    bool Demo,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    /// <summary>What an administrator may see of the user.</summary>
    public UserView ToView() => new(Name, Scope.Role, Scope.StoreId, Scope.ManagerId, Scope.Region, Scope.Grants, Scope.Stores,
        Disabled, LockedUntil, FailedSignIns, Demo, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy);
}
