namespace Customer360.Grains.Storage.Roles;

/// <summary>
/// Passwords for <see cref="DatabaseRoleSetup.EnsureRolesAsync"/>: a role that does not exist yet needs one; for an
/// existing role, null keeps its password and a value replaces it. Never logged, never sent to the server in clear
/// (the server receives a SCRAM verifier).
/// </summary>
public sealed record DatabaseRolePasswords(string? Owner, string? Silo, string? Gateway)
{
    /// <summary>The configuration keys the <c>create-roles</c> command reads them from.</summary>
    public const string OwnerSetting = "Database:Passwords:Owner";
    public const string SiloSetting = "Database:Passwords:Silo";
    public const string GatewaySetting = "Database:Passwords:Gateway";

    public override string ToString() => "DatabaseRolePasswords { (hidden) }";
}
