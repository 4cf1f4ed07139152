using Customer360.Grains.Hosting;
using Customer360.Silo.Commands;

// `Customer360.Silo migrate` applies the database schema and the roles' grants, and exits (a deployment step, run
// as the owner role); `Customer360.Silo create-roles` makes the roles and the database (the administrator's step
// before it). With no arguments the process runs a silo until stopped.
if (args is ["migrate" or "create-roles", ..])
{
    var config = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables().AddCommandLine(args[1..]).Build();
    Environment.ExitCode = args[0] == "migrate"
        ? await MigrateCommand.RunAsync(config)
        : await CreateRolesCommand.RunAsync(config);
    return;
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddCustomer360Silo();
await builder.Build().RunAsync();
