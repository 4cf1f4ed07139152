using Customer360.Contracts.Hosting;
using Customer360.Grains.Hosting;
using Customer360.Grains.Storage;
using Customer360.Grains.Storage.Roles;
using Customer360.Silo.Commands;

// `Customer360.Silo migrate` applies the database schema and the roles' grants, and exits (a deployment step, run
// as the owner role); `Customer360.Silo create-roles` makes the roles and the database (the administrator's step
// before it). With no arguments the process runs a silo until stopped.
if (args is ["migrate" or "create-roles", ..])
{
    var config = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables().AddCommandLine(args[1..]).Build();
    if (args[0] == "create-roles")
    {
        Environment.ExitCode = await CreateRolesCommand.RunAsync(config);
        return;
    }
    var applied = await SchemaMigrator.ApplyAsync(ConnectionStrings.Customer360(config), DatabaseRoleNames.From(config));
    Console.WriteLine(applied.Count == 0 ? "Schema is up to date." : $"Applied: {string.Join(", ", applied)}");
    var roles = DatabaseRoleNames.From(config);
    var grantees = await DatabaseGrants.GranteesAsync(ConnectionStrings.Customer360(config), roles);
    Console.WriteLine(grantees.Count > 0
        ? $"Privileges granted to {string.Join(", ", grantees)}."
        : $"No role {roles.Silo} or {roles.Gateway} on this server: nothing granted (is {DatabaseRoleNames.PrefixSetting} the one create-roles used?).");
    return;
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddCustomer360Silo();
await builder.Build().RunAsync();
