namespace Customer360.Gateway.Users;

/// <summary>Body of <c>PUT /api/v1/users/{userName}</c>: the role and the whole scope, replacing the old ones.</summary>
public sealed record UpdateUserRequest(string? Role, string? StoreId, string? ManagerId, string? Region,
    IReadOnlyList<string>? Grants, IReadOnlyList<string>? Stores);
