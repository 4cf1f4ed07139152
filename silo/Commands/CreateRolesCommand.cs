using Customer360.Grains.Storage.Roles;
using Npgsql;

namespace Customer360.Silo.Commands;

/// <summary>
/// <c>Customer360.Silo create-roles</c>: the database administrator's one-time step before the first <c>migrate</c>
/// (see <see cref="DatabaseRoleSetup"/>). Reads <c>ConnectionStrings:Admin</c> (an administrator's connection whose
/// Database is the one to create or prepare), <c>Database:RolePrefix</c>, and the passwords
/// <c>Database:Passwords:Owner|Silo|Gateway</c>, which an operator passes as environment variables from a secret
/// store (<c>Database__Passwords__Silo</c>), never on the command line and never in a file.
/// </summary>
internal static class CreateRolesCommand
{
    public const string AdminConnectionName = "Admin";

    public static async Task<int> RunAsync(IConfiguration configuration)
    {
        var admin = configuration.GetConnectionString(AdminConnectionName);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Console.Error.WriteLine($"ConnectionStrings:{AdminConnectionName} is not set: it must be an administrator's connection " +
                "(a superuser, or a role with CREATEROLE and CREATEDB) whose Database is the one to prepare, e.g. " +
                "Host=db;Username=dba;Password=…;Database=customer360.");
            return 2;
        }
        var database = new NpgsqlConnectionStringBuilder(admin).Database;
        if (string.IsNullOrWhiteSpace(database) || database == "postgres")
        {
            Console.Error.WriteLine($"ConnectionStrings:{AdminConnectionName} must name the install's database (Database=customer360), not '{database}'.");
            return 2;
        }

        try
        {
            var roles = DatabaseRoleNames.From(configuration);
            var passwords = new DatabaseRolePasswords(
                configuration[DatabaseRolePasswords.OwnerSetting],
                configuration[DatabaseRolePasswords.SiloSetting],
                configuration[DatabaseRolePasswords.GatewaySetting]);
            await DatabaseRoleSetup.EnsureRolesAsync(admin, roles, passwords);
            await DatabaseRoleSetup.PrepareDatabaseAsync(admin, database, roles);
            Console.WriteLine($"Roles {string.Join(", ", roles.All)} are ready; database {database} is owned by {roles.Owner}. " +
                $"Next: `Customer360.Silo migrate` connecting as {roles.Owner}.");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }
}
