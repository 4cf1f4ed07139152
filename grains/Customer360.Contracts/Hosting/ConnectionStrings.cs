using Microsoft.Extensions.Configuration;

namespace Customer360.Contracts.Hosting;

/// <summary>The PostgreSQL connection string, <c>ConnectionStrings:Customer360</c>, shared by silo and gateway.</summary>
public static class ConnectionStrings
{
    public const string Name = "Customer360";

    public static string Customer360(IConfiguration configuration) =>
        configuration.GetConnectionString(Name) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException($"ConnectionStrings:{Name} is not set: it must name the PostgreSQL database of the cluster");
}
