namespace Customer360.Gateway.Users;

/// <summary>Body of <c>POST /api/v1/users</c>. Which scope fields a role needs: see <see cref="UserRules.CheckScope"/>.</summary>
public sealed record CreateUserRequest(string? UserName, string? Password, string? Role, string? StoreId, string? ManagerId,
    string? Region, IReadOnlyList<string>? Grants, IReadOnlyList<string>? Stores);
