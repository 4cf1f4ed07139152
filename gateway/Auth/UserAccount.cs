namespace Customer360.Gateway.Auth;

/// <summary>A user who may sign in: a role and the scope it applies to (store, manager id, region).</summary>
public sealed class UserAccount
{
    public string Name { get; set; } = "";
    public string Password { get; set; } = "";
    public string Role { get; set; } = "";
    public string? StoreId { get; set; }
    public string? ManagerId { get; set; }
    public string? Region { get; set; }
}
