namespace Customer360.Gateway.Auth;

/// <summary>The roles of ARCHITECTURE.md "Access", as they appear in tokens.</summary>
public static class Roles
{
    public const string Store = "store";
    public const string AccountManager = "account-manager";
    public const string PhoneManager = "phone-manager";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";
    public const string Ingest = "ingest";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Store, AccountManager, PhoneManager, Supervisor, Admin, Ingest };

    /// <summary>Authorization policy: administrators only (rules, users).</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Authorization policy: producers posting events, by API key or by a token of role ingest.</summary>
    public const string IngestPolicy = "ingest";
}
