using Customer360.Gateway.Hosting;
using Customer360.Gateway.Users;

// `Customer360.Gateway create-admin --user NAME` makes an administrator (the first one of an install) and exits;
// with no command the process runs the gateway until stopped.
if (args is [CreateAdminCommand.Name, ..])
    return await CreateAdminCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddCustomer360Gateway();

var app = builder.Build();
app.MapCustomer360Gateway();
app.Run();
return 0;
