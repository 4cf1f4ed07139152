using Customer360.Contracts.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Gateway.Audit;

/// <summary>The audit log's wiring: options, its own PostgreSQL pool, the writer and the admin endpoint.</summary>
public static class AuditHostingExtensions
{
    // The log keeps a pool of its own, so its connections can neither starve nor be starved by anything else.
    private const string DataSourceKey = "audit";

    /// <summary>Registers the <see cref="AuditLog"/> and its writer. Reads <c>ConnectionStrings:Customer360</c> and <c>Audit</c>.</summary>
    public static WebApplicationBuilder AddCustomer360Audit(this WebApplicationBuilder builder)
    {
        var connectionString = ConnectionStrings.Customer360(builder.Configuration);
        var services = builder.Services;
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section)
            .Validate(o => o.QueueCapacity > 0, "Audit:QueueCapacity must be positive")
            .Validate(o => o.BatchSize is > 0 and <= 10_000, "Audit:BatchSize must be from 1 to 10000")
            .ValidateOnStart();
        services.AddKeyedSingleton(DataSourceKey, (_, _) => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton(sp => new AuditStore(sp.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey)));
        // Audit times are real time, never the business clock that tests move.
        services.AddSingleton(sp => new AuditLog(sp.GetRequiredService<AuditStore>(), sp.GetRequiredService<IOptions<AuditOptions>>(),
            TimeProvider.System, sp.GetRequiredService<ILogger<AuditLog>>()));
        services.AddHostedService(sp => sp.GetRequiredService<AuditLog>());
        return builder;
    }
}
