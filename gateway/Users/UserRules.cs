using System.Text.RegularExpressions;
using Customer360.Domain.Access;
using Customer360.Gateway.Auth;

namespace Customer360.Gateway.Users;

/// <summary>
/// What makes a user name, a password and a scope acceptable. Each check adds problems keyed by the request
/// field it is about, so a 400 names the field.
/// </summary>
public static partial class UserRules
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 256;
    public const int MaxNameLength = 64;
    private const int MaxScopeValueLength = 64;

    /// <summary>Letters, digits and <c>. _ @ -</c>, starting with a letter or digit, 1 to 64 characters.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex NamePattern();

    public static void CheckName(string? name, IDictionary<string, string[]> problems)
    {
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name))
            problems["userName"] = [$"userName must be 1 to {MaxNameLength} letters, digits, '.', '_', '@' or '-', starting with a letter or digit"];
    }

    /// <summary>The password policy: 12 to 256 characters (demo users are exempt; they never reach this check).</summary>
    public static void CheckPassword(string? password, IDictionary<string, string[]> problems)
    {
        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
            problems["password"] = [$"password must be {MinPasswordLength} to {MaxPasswordLength} characters"];
        else if (string.IsNullOrWhiteSpace(password))
            problems["password"] = ["password must not be only spaces"];
    }

    /// <summary>
    /// The role is known and the scope fields it needs are there: store → storeId and region (the region bounds
    /// walk-ins); account-manager and phone-manager → managerId; supervisor → region; ingest → grants known.
    /// Fields a role does not use must be empty, so a scope never says more than it grants.
    /// </summary>
    public static void CheckScope(UserScope scope, IDictionary<string, string[]> problems)
    {
        if (!Roles.All.Contains(scope.Role))
        {
            problems["role"] = [$"role must be one of {string.Join(", ", Roles.All.Order(StringComparer.Ordinal))}"];
            return;
        }
        var needs = Needs(scope.Role);
        Field("storeId", scope.StoreId, needs.Contains("storeId"), scope.Role, problems);
        Field("managerId", scope.ManagerId, needs.Contains("managerId"), scope.Role, problems);
        Field("region", scope.Region, needs.Contains("region"), scope.Role, problems);
        if (scope.Role != Roles.Ingest)
        {
            if (scope.Grants.Count > 0) problems["grants"] = ["grants are for role ingest only"];
            if (scope.Stores.Count > 0) problems["stores"] = ["stores are for role ingest only"];
            return;
        }
        if (scope.Grants.FirstOrDefault(g => !ProducerGrants.All.Contains(g)) is { } bad)
            problems["grants"] = [$"grant '{bad}' is unknown; expected some of {string.Join(", ", ProducerGrants.All)}"];
        if (scope.Stores.Any(s => !IsScopeValue(s)))
            problems["stores"] = [$"stores must be store ids of 1 to {MaxScopeValueLength} characters"];
    }

    /// <summary>Trims scope values and drops empty or repeated list items, so " S01 " and "S01" are one store.</summary>
    public static UserScope Normalize(string? role, string? storeId, string? managerId, string? region,
        IEnumerable<string>? grants, IEnumerable<string>? stores) => new(
        role?.Trim() ?? "",
        Blank(storeId), Blank(managerId), Blank(region),
        [.. (grants ?? []).Select(g => g?.Trim() ?? "").Where(g => g.Length > 0).Distinct(StringComparer.Ordinal)],
        [.. (stores ?? []).Select(s => s?.Trim() ?? "").Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)]);

    private static string[] Needs(string role) => role switch
    {
        Roles.Store => ["storeId", "region"],
        Roles.AccountManager or Roles.PhoneManager => ["managerId"],
        Roles.Supervisor => ["region"],
        _ => [],
    };

    private static void Field(string field, string? value, bool needed, string role, IDictionary<string, string[]> problems)
    {
        if (needed && value is null) problems[field] = [$"{field} is required for role {role}"];
        else if (!needed && value is not null) problems[field] = [$"{field} is not used by role {role}; leave it empty"];
        else if (value is not null && !IsScopeValue(value)) problems[field] = [$"{field} must be 1 to {MaxScopeValueLength} characters without control characters"];
    }

    private static bool IsScopeValue(string value) => value.Length is > 0 and <= MaxScopeValueLength && !value.Any(char.IsControl);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
