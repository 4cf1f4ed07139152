using Customer360.Domain.Access;

namespace Customer360.Gateway.Auth;

/// <summary>The roles of ARCHITECTURE.md "Access", as they appear in tokens.</summary>
public static class Roles
{
    public const string Store = AccessRoles.Store;
    public const string AccountManager = AccessRoles.AccountManager;
    public const string PhoneManager = AccessRoles.PhoneManager;
    public const string Supervisor = AccessRoles.Supervisor;
    public const string Admin = AccessRoles.Admin;
    public const string Ingest = AccessRoles.Ingest;

    public static IReadOnlySet<string> All => AccessRoles.All;

    /// <summary>Authorization policy: administrators only (rules, users).</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Authorization policy: a signed-in person of any role but ingest (consoles, staff actions).</summary>
    public const string StaffPolicy = "staff";

    /// <summary>Authorization policy: producers posting events, by API key or by a token of role ingest.</summary>
    public const string IngestPolicy = "ingest";
}
