using Customer360.Contracts.Hosting;
using Customer360.Grains.Hosting;
using Customer360.Grains.Storage;

// `Customer360.Silo migrate` applies the database schema and exits (a deployment step);
// with no arguments the process runs a silo until stopped.
if (args is ["migrate", ..])
{
    var config = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables().AddCommandLine(args[1..]).Build();
    var applied = await SchemaMigrator.ApplyAsync(ConnectionStrings.Customer360(config));
    Console.WriteLine(applied.Count == 0 ? "Schema is up to date." : $"Applied: {string.Join(", ", applied)}");
    return;
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddCustomer360Silo();
await builder.Build().RunAsync();
