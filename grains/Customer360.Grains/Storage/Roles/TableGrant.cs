namespace Customer360.Grains.Storage.Roles;

/// <summary>Privileges on one table (or view) for one application role, e.g. <c>SELECT, INSERT</c>.</summary>
public sealed record TableGrant(string Table, DatabaseRole Role, string Privileges);
