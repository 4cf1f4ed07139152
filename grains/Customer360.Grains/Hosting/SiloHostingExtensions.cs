using System.Net;
using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Customer360.Contracts.Hosting.Management;
using Customer360.Contracts.Hosting.Telemetry;
using Customer360.Grains.Customers;
using Customer360.Grains.Hosting.Management;
using Customer360.Grains.Hosting.Telemetry;
using Customer360.Grains.Lists;
using Customer360.Grains.Push;
using Customer360.Grains.Retention;
using Customer360.Grains.Rules;
using Customer360.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Configuration;
using Orleans.Dashboard;
using Microsoft.Extensions.Configuration;
using Orleans.Runtime.Hosting;

namespace Customer360.Grains.Hosting;

/// <summary>The whole silo wiring, shared by the silo host and the tests that start silos.</summary>
public static class SiloHostingExtensions
{
    private const string Invariant = "Npgsql";

    /// <summary>
    /// Makes this host a Customer 360 silo: clustering, grain state and reminders in PostgreSQL through the
    /// AdoNet providers, the event journal, and push batching. Reads <c>ConnectionStrings:Customer360</c>,
    /// <c>Cluster</c>, <c>Storage</c>, <c>Journal</c>, <c>Customers</c>, <c>Push</c>, <c>Management</c>, <c>Retention</c> and
    /// <c>Audit:RetentionDays</c>.
    /// </summary>
    public static IHostApplicationBuilder AddCustomer360Silo(this IHostApplicationBuilder builder)
    {
        var cluster = ClusterSettings.From(builder.Configuration);
        var connectionString = ConnectionStrings.Customer360(builder.Configuration);
        var services = builder.Services;

        // First: the stop is bounded (Shutdown:Timeout) from the moment the host is asked to stop.
        builder.AddCustomer360BoundedStop();
        // Metrics (Prometheus at /metrics on the management listener), traces when an OTLP endpoint is set, the log
        // format (Telemetry, Logging:Format).
        builder.AddCustomer360Telemetry(TelemetryNames.SiloService);
        services.AddSingleton<JournalMetrics>();
        services.AddSingleton<ProfileMetrics>();
        services.AddOptions<StorageSettings>().BindConfiguration(StorageSettings.Section);
        services.AddOptions<JournalOptions>().BindConfiguration("Journal")
            .Validate(o => o.MaxBatchRows > 0 && o.Writers > 0 && o.QueueCapacity > 0 && o.StatementBatchesAfterDuplicate >= 0,
                "Journal:MaxBatchRows, Journal:Writers and Journal:QueueCapacity must be positive, Journal:StatementBatchesAfterDuplicate zero or more")
            .Validate(o => o.ReadQueueCapacity > 0, "Journal:ReadQueueCapacity must be positive")
            .ValidateOnStart();
        services.AddOptions<CustomerGrainOptions>().BindConfiguration("Customers")
            .Validate(o => o.SnapshotEveryEvents > 0 && o.SnapshotDelay > TimeSpan.Zero && o.MaxHeldEvents > 0 && o.ConcurrentSnapshots > 0
                    && o.IdleDeactivation >= TimeSpan.FromMinutes(1) && o.ReadModelWait > TimeSpan.Zero,
                "Customers:SnapshotEveryEvents, Customers:SnapshotDelay, Customers:MaxHeldEvents, Customers:ConcurrentSnapshots and Customers:ReadModelWait must be positive, Customers:IdleDeactivation at least a minute")
            .ValidateOnStart();
        services.AddOptions<OverloadOptions>().BindConfiguration(OverloadOptions.Section)
            .Validate(o => o.CpuThreshold is >= 1 and <= 100, "Overload:CpuThreshold must be a percentage from 1 to 100")
            .Validate(o => o.MemoryThreshold is >= 1 and <= 100, "Overload:MemoryThreshold must be a percentage from 1 to 100")
            .ValidateOnStart();
        services.AddOptions<PushOptions>().BindConfiguration("Push")
            .Validate(o => o.SubscriptionLease > TimeSpan.FromSeconds(5) && o.DeliveryTimeout > TimeSpan.Zero,
                "Push:SubscriptionLease must exceed 5 s and Push:DeliveryTimeout must be positive")
            .ValidateOnStart();

        // Retention (Retention:*, and Audit:RetentionDays, the setting's name from when the gateway pruned the log).
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Configure<IConfiguration>((o, c) => o.AuditRetentionDays = c.GetValue("Audit:RetentionDays", o.AuditRetentionDays))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidation>();

        services.AddKeyedSingleton(Clocks.Business, TimeProvider.System);
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<JournalPartitions>();
        services.AddSingleton<SnapshotMarks>();
        services.AddSingleton<PostgresEventJournal>();
        services.AddSingleton<IEventJournal>(sp => sp.GetRequiredService<PostgresEventJournal>());
        services.AddSingleton<PushOutbox>();
        services.AddSingleton<ActiveCustomers>();
        services.AddSingleton<SnapshotGate>();
        services.AddSingleton<SnapshotSchedule>();
        services.AddSingleton<RulesCache>();
        services.AddSingleton<CustomerIndexWriter>();
        services.AddSingleton<CustomerIndexReader>();
        services.AddSingleton<CustomerErasures>();
        services.AddSingleton<SummaryFanout>();
        services.AddMetrics();
        services.AddSingleton<RetentionMetrics>();
        services.AddSingleton<RetentionStore>();
        // Partition months are real time, whatever the business clock says.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<JournalRetention>(sp, TimeProvider.System));
        services.AddSingleton<ClosedAccountErasure>();
        services.AddSingleton<RetentionJob>();
        services.AddOptions<RulesOptions>().BindConfiguration("Rules")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.ReevaluationParallelism > 0,
                "Rules:PollInterval and Rules:ReevaluationParallelism must be positive")
            .ValidateOnStart();

        // Health probes on the management listener (Management:Urls). First of the hosted services, so that
        // /health/live answers while the silo is still joining (and /health/ready says it is not ready yet).
        services.AddOptions<ManagementOptions>().BindConfiguration(ManagementOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ManagementOptions>, ManagementOptionsValidation>();
        services.AddHealthChecks()
            .AddCheck<SiloActiveHealthCheck>("cluster", tags: [HealthTags.Ready])
            .AddCheck<PostgresHealthCheck>("postgres", tags: [HealthTags.Ready]);
        services.AddCustomer360ManagementListener(sp => sp.GetRequiredService<IOptions<ManagementOptions>>().Value.UrlList);

        // Hosted services start in registration order: the schema must exist before Orleans opens its
        // providers, so this goes before UseOrleans.
        services.AddHostedService<SchemaBootstrapper>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresEventJournal>());
        services.AddHostedService(sp => sp.GetRequiredService<RulesCache>());
        services.AddHostedService(sp => sp.GetRequiredService<SnapshotSchedule>());
        services.AddHostedService(sp => sp.GetRequiredService<CustomerIndexWriter>());
        // Before Orleans, so it stops after it: the snapshots written as profiles deactivate are marked.
        services.AddHostedService(sp => sp.GetRequiredService<SnapshotMarks>());

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedIPAddress), cluster.SiloPort, cluster.GatewayPort);
            // Mutual TLS on both ports (Cluster:Tls): only holders of a certificate from the cluster's CA join or call.
            silo.UseCustomer360Tls(builder.Configuration);
            // A silo replacing a crashed one on another address may join only once the dead one's IAmAlive is
            // this many publish periods old; Orleans' default (3 × 30 s) left a one-silo cluster unable to ingest
            // for about 100 s after a crash. 2 × 10 s costs one small membership-table write per silo every 10 s.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
                o.NumMissedTableIAmAliveLimit = 2;
            });
            // Load shedding (Overload): past the thresholds client calls are refused, and the gateway answers 503.
            silo.Services.AddOptions<LoadSheddingOptions>().Configure<IOptions<OverloadOptions>>((o, overload) =>
            {
                o.LoadSheddingEnabled = overload.Value.LoadShedding;
                o.CpuThreshold = overload.Value.CpuThreshold;
                o.MemoryThreshold = overload.Value.MemoryThreshold;
            });
            // Idle customer profiles leave memory after Customers:IdleDeactivation rather than Orleans' 15 minutes.
            silo.Services.AddOptions<GrainCollectionOptions>().Configure<IOptions<CustomerGrainOptions>>((o, customers) =>
                o.ClassSpecificCollectionAge[typeof(CustomerGrain).FullName!] = customers.Value.IdleDeactivation);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(StorageNames.ProfilesAdoNet, o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
                o.GrainStorageSerializer = new JsonGrainStorageSerializer();
            });
            // Grains use "profiles": the AdoNet provider above, with activations' reads gathered into one query.
            silo.Services.AddGrainStorage(StorageNames.Profiles, (sp, _) =>
            {
                var adoNet = sp.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(StorageNames.ProfilesAdoNet);
                return ActivatorUtilities.CreateInstance<GatheredReadGrainStorage>(sp,
                    sp.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(StorageNames.ProfilesAdoNet), StorageNames.ProfilesAdoNet,
                    sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, adoNet.HashPicker, adoNet.GrainStorageSerializer);
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
            silo.Services.AddSerializer(s => s.AddCustomer360Serialization());
            // A caller's trace goes on in the grains it calls (Microsoft.Orleans.Application spans when traced).
            silo.AddActivityPropagation();
            // The statistics Orleans' dashboard shows (served by the gateway to admins). HideTrace: no live log
            // stream. OrleansDashboard:Enabled=false leaves out its per-call profiling filter.
            if (builder.Configuration.GetValue("OrleansDashboard:Enabled", true)) silo.AddDashboard(o => o.HideTrace = true);
        });
        // After Orleans: arms the retention job's reminder once the silo has joined.
        services.AddHostedService<RetentionStarter>();
        return builder;
    }
}
