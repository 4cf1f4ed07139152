namespace Customer360.Gateway.Users;

/// <summary>A user as <c>GET /api/v1/users</c> shows it to administrators: never the password or its hash.</summary>
/// <param name="UserName">The name as typed at creation; sign-in ignores case.</param>
/// <param name="Role">store, account-manager, phone-manager, supervisor, admin or ingest.</param>
/// <param name="StoreId">Store staff: their store.</param>
/// <param name="ManagerId">Account and phone managers: the manager id their customers carry.</param>
/// <param name="Region">Store staff and supervisors: their region.</param>
/// <param name="Grants">Producers: the event groups they may send (usage, master-data, store-systems).</param>
/// <param name="Stores">Producers: the stores whose walk-ins they may send.</param>
/// <param name="Disabled">A disabled user cannot sign in, and their tokens and hub connections end within a refresh period.</param>
/// <param name="LockedUntil">Set while sign-in is locked after repeated failures.</param>
/// <param name="FailedSignIns">Consecutive failed sign-ins since the last success or lockout.</param>
/// <param name="Demo">A demo user (known password): signs in only while the gateway runs in demo mode.</param>
/// <param name="CreatedAt">When the user was made.</param>
/// <param name="CreatedBy">Who made it: an administrator's name, <c>create-admin (command)</c> or <c>demo-mode</c>.</param>
/// <param name="UpdatedAt">When an administrator last changed it (sign-ins do not count).</param>
/// <param name="UpdatedBy">Who changed it last.</param>
public sealed record UserView(
    string UserName,
    string Role,
    string? StoreId,
    string? ManagerId,
    string? Region,
    IReadOnlyList<string> Grants,
    IReadOnlyList<string> Stores,
    bool Disabled,
    DateTimeOffset? LockedUntil,
    int FailedSignIns,
    bool Demo,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
