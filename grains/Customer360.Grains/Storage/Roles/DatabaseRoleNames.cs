using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Customer360.Grains.Storage.Roles;

/// <summary>
/// The three PostgreSQL roles of one install: <see cref="Owner"/> owns the schema and runs migrations,
/// <see cref="Silo"/> and <see cref="Gateway"/> are what those processes connect as. Roles are server-wide, so the
/// names come from a prefix (setting <c>Database:RolePrefix</c>, default <c>c360</c>): two installs on one server
/// give different prefixes and never share a role.
/// </summary>
public sealed partial record DatabaseRoleNames(string Owner, string Silo, string Gateway)
{
    /// <summary>The configuration key of the prefix.</summary>
    public const string PrefixSetting = "Database:RolePrefix";

    public const string DefaultPrefix = "c360";

    /// <summary><c>c360_owner</c>, <c>c360_silo</c>, <c>c360_gateway</c>.</summary>
    public static DatabaseRoleNames Default { get; } = FromPrefix(DefaultPrefix);

    /// <summary>The application roles, which the grants are for (the owner needs none: it owns everything).</summary>
    public IReadOnlyList<string> Applications => [Silo, Gateway];

    public IReadOnlyList<string> All => [Owner, Silo, Gateway];

    public string NameOf(DatabaseRole role) => role switch
    {
        DatabaseRole.Silo => Silo,
        DatabaseRole.Gateway => Gateway,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary><c>{prefix}_owner</c>, <c>{prefix}_silo</c>, <c>{prefix}_gateway</c>.</summary>
    public static DatabaseRoleNames FromPrefix(string prefix)
    {
        // Lower case only: the names are also written unquoted by operators in psql, where case folds.
        if (prefix is null || !PrefixPattern().IsMatch(prefix))
            throw new InvalidOperationException(
                $"{PrefixSetting} must be 1 to 40 lower-case letters, digits or underscores, starting with a letter (got '{prefix}').");
        return new($"{prefix}_owner", $"{prefix}_silo", $"{prefix}_gateway");
    }

    /// <summary>The names for the prefix in <c>Database:RolePrefix</c>, or the default ones.</summary>
    public static DatabaseRoleNames From(IConfiguration configuration) =>
        FromPrefix(configuration[PrefixSetting] is { Length: > 0 } prefix ? prefix : DefaultPrefix);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex PrefixPattern();
}
