namespace Customer360.Domain.Access;

/// <summary>
/// A signed-in person (or producer) and the scope their role applies to: the store of store staff, the manager
/// id of an account or phone manager, the region of a supervisor.
/// </summary>
public sealed record Viewer(string Name, string Role, string? StoreId = null, string? ManagerId = null, string? Region = null)
{
    public bool IsAdmin => Role == AccessRoles.Admin;

    /// <summary>True for people, who are audited; false for producers.</summary>
    public bool IsPerson => Role != AccessRoles.Ingest && AccessRoles.All.Contains(Role);
}
