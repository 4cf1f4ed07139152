using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Customer360.Contracts.Hosting.Management;
using Customer360.Contracts.Hosting.Telemetry;
using Customer360.Domain;
using Customer360.Gateway.Access;
using Customer360.Gateway.Api;
using Customer360.Gateway.Audit;
using Customer360.Gateway.Erasure;
using Customer360.Gateway.Auth;
using Customer360.Gateway.Ingestion;
using Customer360.Gateway.OrleansDashboard;
using Customer360.Gateway.Push;
using Customer360.Gateway.Search;
using Customer360.Gateway.Users;
using Npgsql;
using Microsoft.Extensions.Options;
using Customer360.Gateway.WorkOrders;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using OpenTelemetry.Trace;

namespace Customer360.Gateway.Hosting;

/// <summary>The gateway wiring: Orleans client, REST API, console hub, dashboard, health, OpenAPI.</summary>
public static class GatewayHostingExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Registers the gateway's services. Reads <c>ConnectionStrings:Customer360</c> (the cluster's membership
    /// table), <c>Cluster</c>, <c>Ingest</c> and <c>ConsolePush</c>.
    /// </summary>
    public static WebApplicationBuilder AddCustomer360Gateway(this WebApplicationBuilder builder)
    {
        var cluster = ClusterSettings.From(builder.Configuration);
        var connectionString = ConnectionStrings.Customer360(builder.Configuration);
        var services = builder.Services;
        // Loopback unless told otherwise (Urls / ASPNETCORE_URLS / --urls): exposing it is a deliberate act.
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        // The stop is bounded (Shutdown:Timeout): the audit log's drain gives up then, and the watchdog ends the rest.
        builder.AddCustomer360BoundedStop();
        // Metrics (Prometheus at /metrics), traces when an OTLP endpoint is set, the log format (Telemetry, Logging:Format).
        builder.AddCustomer360Telemetry(TelemetryNames.GatewayService,
            tracing: t => t.AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbeOrScrape(http.Request.Path)));
        services.AddOptions<ManagementListenerOptions>().BindConfiguration(ManagementListenerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ManagementListenerOptions>, ManagementListenerOptionsValidation>();
        services.AddCustomer360ManagementListener(sp => sp.GetRequiredService<IOptions<ManagementListenerOptions>>().Value.UrlList);

        services.AddOptions<IngestOptions>().BindConfiguration("Ingest")
            .Validate(o => o.MaxBodyBytes > 0 && o.MaxEvents > 0 && o.ChunkEvents > 0 && o.RetryAfterSeconds > 0,
                "Ingest:MaxBodyBytes, Ingest:MaxEvents, Ingest:ChunkEvents and Ingest:RetryAfterSeconds must be positive")
            .Validate(o => o.MaxConcurrentRequests > 0, "Ingest:MaxConcurrentRequests must be positive")
            .Validate(o => o.InteractiveMaxEvents >= 0, "Ingest:InteractiveMaxEvents must not be negative (0: no request is interactive)")
            .Validate(o => o.InteractiveMaxBodyBytes >= 0 && o.MaxConcurrentInteractiveRequests > 0,
                "Ingest:InteractiveMaxBodyBytes must not be negative and Ingest:MaxConcurrentInteractiveRequests must be positive")
            .ValidateOnStart();
        services.AddOptions<ConsolePushOptions>().BindConfiguration("ConsolePush")
            .Validate(o => o.RenewInterval > TimeSpan.Zero && o.RenewTimeout > TimeSpan.Zero,
                "ConsolePush:RenewInterval and ConsolePush:RenewTimeout must be positive")
            .Validate(o => o.OutboxCapacity is > 0 and <= 100_000, "ConsolePush:OutboxCapacity must be between 1 and 100000")
            .ValidateOnStart();

        var clusterChanged = new ClusterChangeSignal();
        services.AddSingleton(clusterChanged);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            // Mutual TLS to the silos (Cluster:Tls): this gateway's certificate, and the cluster's CA to check theirs.
            client.UseCustomer360Tls(builder.Configuration);
            client.UseConnectionRetryFilter<RetryForeverFilter>();
            // When the only silo it knew dies, the client finds its replacement at the next refresh of the
            // gateway list: every 5 s rather than Orleans' default minute, so ingestion resumes soon after.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            client.AddClusterConnectionStatusObserver(clusterChanged);
            // Trace context rides on grain calls, so a request's trace goes on in the silo.
            client.AddActivityPropagation();
            client.Services.AddSerializer(s => s.AddCustomer360Serialization());
            // Orleans' dashboard (OrleansDashboard, admins only); HideTrace: its live log stream would show every log line.
            client.AddDashboard(o => o.HideTrace = true);
        });

        services.AddKeyedSingleton(Clocks.Business, TimeProvider.System);
        services.AddSingleton<EventIngestor>();
        // At most Ingest:MaxConcurrentRequests event posts in flight on this gateway; more get 503 with Retry-After.
        services.AddRateLimiter(o => o.AddPolicy<string, IngestConcurrencyLimit>(IngestConcurrencyLimit.Policy));
        services.AddSingleton<IngestMetrics>();
        services.AddSingleton<HubMetrics>();
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<CustomerReader>();
        services.AddSingleton<StaffEvents>();
        services.AddSingleton<CustomerSearch>();
        services.AddSingleton<TopicRouter>();
        services.AddSingleton<SnapshotReader>();
        services.AddSingleton<PushMetrics>();
        services.AddSingleton<TopicConsoles>();
        services.AddSingleton<ConsoleOutboxes>();
        services.AddSingleton<PushReceiver>();
        // The observer reference must stay strongly held for the life of the process, or Orleans may
        // collect it and pushes stop arriving; a singleton holds it.
        services.AddSingleton(sp => sp.GetRequiredService<IClusterClient>().CreateObjectReference<IPushReceiver>(sp.GetRequiredService<PushReceiver>()));
        services.AddSingleton(sp => new SubscriptionRegistry(
            sp.GetRequiredService<TopicRouter>(), sp.GetRequiredService<PushReceiver>(), sp.GetRequiredService<IPushReceiver>(),
            sp.GetRequiredService<TopicConsoles>(), sp.GetRequiredService<HubMetrics>()));
        services.AddSingleton<SubscriptionRenewer>();
        services.AddHostedService(sp => sp.GetRequiredService<SubscriptionRenewer>());

        // One JSON shape for consoles and producers alike: the domain's (camelCase, kebab-case enums, no nulls).
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024)
            .AddJsonProtocol(o => DomainJson.Configure(o.PayloadSerializerOptions));
        services.ConfigureHttpJsonOptions(o => DomainJson.Configure(o.SerializerOptions));
        builder.AddCustomer360Auth();
        builder.AddCustomer360OrleansDashboard();
        builder.AddCustomer360Access();
        builder.AddCustomer360Hardening();
        // Hosting logs each request's URL at Information, query string and all, and a console's token rides in
        // the hub's query string: whatever the configuration says, that category stays at Warning.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", level => level >= LogLevel.Warning);
        builder.AddCustomer360Audit();
        services.AddProblemDetails();
        services.AddOpenApi();
        // Readiness: PostgreSQL through the gateway's own pool, and the cluster (a silo that answers and reaches
        // PostgreSQL); a store outage answers 503 with Retry-After everywhere (StoreUnavailableHandler).
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section)
            .Validate(o => o.ProbeTimeout > TimeSpan.Zero && o.RetryAfterSeconds > 0,
                "Health:ProbeTimeout and Health:RetryAfterSeconds must be positive")
            .ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: [HealthTags.Ready])
            .AddCheck<ClusterHealthCheck>("cluster", tags: [HealthTags.Ready]);
        services.AddExceptionHandler<StoreUnavailableHandler>();
        services.Configure<HubOptions>(o => o.AddFilter<StoreUnavailableHubFilter>());
        return builder;
    }

    // Probes and scrapes come every few seconds and say nothing about the product's work: not traced.
    private static bool IsProbeOrScrape(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(TelemetryNames.MetricsPath);

    /// <summary>Maps the API, the hub, health, OpenAPI and the dashboard.</summary>
    public static WebApplication MapCustomer360Gateway(this WebApplication app)
    {
        app.UseCustomer360Hardening();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization: the walk-in limit is partitioned by the signed-in user's name.
        app.UseRateLimiter();

        if (app.OpenApiEnabled()) app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthAnswer.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready), ResponseWriter = HealthAnswer.WriteAsync }).AllowAnonymous();
        app.MapEventsApi();
        app.MapCustomersApi();
        app.MapRulesApi();
        app.MapAuditApi();
        app.MapWorkOrdersApi();
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapListsApi();
        app.MapAlertsApi();
        app.MapStaffApi();
        app.MapCustomer360OrleansDashboard();
        app.MapStoresApi();
        app.MapTimelineApi();
        app.MapErasureApi();
        app.MapMetricsApi();
        // A console whose token expires is disconnected; it signs in again and resubscribes.
        app.MapHub<ConsoleHub>(AuthHostingExtensions.ConsoleHubPath, o => o.CloseOnAuthenticationExpiration = true);
        // Unknown API paths get a 404 problem, not the dashboard's page — for signed-in callers; anonymous ones get
        // 401 from the fallback policy, as on every route they may not use, so they cannot tell which routes exist.
        app.Map("/api/{**rest}", () => Results.Problem(title: "No such API", statusCode: StatusCodes.Status404NotFound))
            .ExcludeFromDescription();
        app.MapFallbackToFile("index.html").AllowAnonymous();
        return app;
    }
}
