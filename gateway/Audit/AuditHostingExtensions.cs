using Customer360.Contracts.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Gateway.Audit;

/// <summary>The audit log's wiring: options, its own PostgreSQL pool, the writer, the 503 answer and the admin endpoint.</summary>
public static class AuditHostingExtensions
{
    /// <summary>
    /// The key of the log's own <see cref="NpgsqlDataSource"/>: its connections can neither starve nor be starved by
    /// anything else.
    /// </summary>
    public const string DataSourceKey = "audit";

    /// <summary>Registers the <see cref="AuditLog"/> and its writer. Reads <c>ConnectionStrings:Customer360</c> and <c>Audit</c>.</summary>
    public static WebApplicationBuilder AddCustomer360Audit(this WebApplicationBuilder builder)
    {
        var connectionString = ConnectionStrings.Customer360(builder.Configuration);
        var services = builder.Services;
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section)
            .Validate(o => o.QueueCapacity > 0, "Audit:QueueCapacity must be positive")
            .Validate(o => o.BatchSize is > 0 and <= 10_000, "Audit:BatchSize must be from 1 to 10000")
            .Validate(o => o.WriteTimeout > TimeSpan.Zero && o.WriteTimeout <= TimeSpan.FromMinutes(1), "Audit:WriteTimeout must be more than 0 and at most 00:01:00")
            .Validate(o => o.RetryAfterSeconds is > 0 and <= 3600, "Audit:RetryAfterSeconds must be from 1 to 3600")
            .ValidateOnStart();
        services.AddKeyedSingleton(DataSourceKey, (_, _) => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton(sp => new AuditStore(sp.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey)));
        // Audit times are real time, never the business clock that tests move.
        services.AddSingleton(sp => AuditMetrics.Observe(new AuditLog(sp.GetRequiredService<AuditStore>(), sp.GetRequiredService<IOptions<AuditOptions>>(),
            TimeProvider.System, sp.GetRequiredService<ILogger<AuditLog>>()), sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<AuditLog>());
        // Used by the gateway's UseExceptionHandler(): a read whose entry cannot be committed answers 503.
        services.AddExceptionHandler<AuditUnavailableHandler>();
        return builder;
    }
}
