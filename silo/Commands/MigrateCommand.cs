using Customer360.Contracts.Hosting;
using Customer360.Grains.Storage;
using Customer360.Grains.Storage.Roles;
using Npgsql;

namespace Customer360.Silo.Commands;

/// <summary>
/// <c>Customer360.Silo migrate</c>: the deployment step that applies the schema scripts and then the application
/// roles' grants (<see cref="SchemaMigrator"/>). Connects with <c>ConnectionStrings:Customer360</c>, which must be
/// the owner role; reads <c>Database:RolePrefix</c> for the roles to grant to.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        var connectionString = ConnectionStrings.Customer360(configuration);
        var roles = DatabaseRoleNames.From(configuration);
        IReadOnlyList<string> applied;
        try
        {
            applied = await SchemaMigrator.ApplyAsync(connectionString, roles);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            Console.Error.WriteLine($"{e.MessageText}: migrations run as the owner role ({roles.Owner}), and " +
                $"ConnectionStrings:Customer360 connects as '{new NpgsqlConnectionStringBuilder(connectionString).Username}'.");
            return 2;
        }
        Console.WriteLine(applied.Count == 0 ? "Schema is up to date." : $"Applied: {string.Join(", ", applied)}");

        var grantees = await DatabaseGrants.GranteesAsync(connectionString, roles);
        Console.WriteLine(grantees.Count > 0
            ? $"Privileges granted to {string.Join(", ", grantees)}."
            : $"No role {roles.Silo} or {roles.Gateway} on this server: nothing granted (is {DatabaseRoleNames.PrefixSetting} the one create-roles used?).");
        return 0;
    }
}
