using Customer360.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCustomer360Gateway();

var app = builder.Build();
app.MapCustomer360Gateway();
app.Run();
