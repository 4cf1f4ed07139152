namespace Customer360.Domain.Access;

/// <summary>The roles of ARCHITECTURE.md "Access", as they appear in tokens.</summary>
public static class AccessRoles
{
    public const string Store = "store";
    public const string AccountManager = "account-manager";
    public const string PhoneManager = "phone-manager";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";
    public const string Ingest = "ingest";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Store, AccountManager, PhoneManager, Supervisor, Admin, Ingest };
}
