using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Customer360.Contracts.Hosting.Telemetry;

/// <summary>One OpenTelemetry wiring for silo and gateway: metrics, traces when exported, the log format.</summary>
public static class TelemetryHostingExtensions
{
    /// <summary>The setting that picks the console log format: <c>text</c> (default) or <c>json</c>.</summary>
    public const string LogFormatSetting = "Logging:Format";

    /// <summary>
    /// Registers metrics (ours, Orleans', Npgsql's, the runtime's and what <paramref name="metrics"/> adds, served to
    /// Prometheus), traces (ours, Orleans' grain calls, Npgsql's and what <paramref name="tracing"/> adds) when an
    /// OTLP endpoint is configured, the <c>c360.postgres.up</c> probe, and the log format of <see cref="LogFormatSetting"/>.
    /// Reads <c>Telemetry</c>. Bad settings stop the start with a message naming them.
    /// </summary>
    public static IHostApplicationBuilder AddCustomer360Telemetry(this IHostApplicationBuilder builder, string serviceName,
        Action<MeterProviderBuilder>? metrics = null, Action<TracerProviderBuilder>? tracing = null)
    {
        var settings = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (settings.Problem() is { } problem) throw new OptionsValidationException(TelemetryOptions.Section, typeof(TelemetryOptions), [problem]);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(o => o.Problem() is null, "Telemetry settings are invalid").ValidateOnStart();
        builder.AddCustomer360LogFormat();
        builder.Services.AddHostedService<StoreUpGauge>();

        // Our meters, Orleans' and ASP.NET Core's are made through this container's IMeterFactory: enabled for this
        // container only (MeterScope.Local), so that two hosts in one process (the tests run silo and gateway side
        // by side) never report each other's counts. Npgsql and the runtime have one meter per process.
        foreach (var meter in new[] { TelemetryNames.Prefix, TelemetryNames.OrleansMeter, TelemetryNames.AspNetCoreMeters })
            builder.Metrics.EnableMetrics(meter, instrumentName: null, listenerName: TelemetryNames.OpenTelemetryListener, scopes: MeterScope.Local);

        var otlp = settings.Otlp.EndpointUri;
        var otlpFromEnvironment = otlp is null && !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var instanceId = string.IsNullOrWhiteSpace(settings.InstanceId) ? $"{Environment.MachineName}/{Environment.ProcessId}" : settings.InstanceId;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: instanceId))
            .WithMetrics(m =>
            {
                m.AddMeter(TelemetryNames.RuntimeMeter);
                m.AddNpgsqlInstrumentation();
                // No cached answer: a scrape shows what happened up to that moment (Prometheus scrapes every 15 s anyway).
                m.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                metrics?.Invoke(m);
            });
        if (otlp is null && !otlpFromEnvironment) return builder;

        telemetry.WithTracing(t =>
        {
            t.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(settings.TraceSampleRatio)));
            t.AddSource($"{TelemetryNames.Prefix}.*", TelemetryNames.OrleansApplicationSource);
            t.AddNpgsql();
            tracing?.Invoke(t);
        });
        // One OTLP exporter for every signal; with no endpoint of ours, the OTEL_EXPORTER_OTLP_* environment says where.
        if (otlp is not null) telemetry.UseOtlpExporter(settings.Otlp.ExportProtocol, otlp);
        else telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// <see cref="LogFormatSetting"/>: <c>text</c> leaves the console logger as configured; <c>json</c> writes one JSON
    /// object per line (<see cref="JsonLineFormatter"/>) with the trace and span ids of the request or call it was
    /// written in.
    /// </summary>
    public static IHostApplicationBuilder AddCustomer360LogFormat(this IHostApplicationBuilder builder)
    {
        var format = builder.Configuration[LogFormatSetting];
        switch (format?.Trim().ToLowerInvariant())
        {
            case null or "" or "text":
                return builder;
            case "json":
                builder.Logging.AddConsoleFormatter<JsonLineFormatter, ConsoleFormatterOptions>();
                builder.Logging.AddConsole(o => o.FormatterName = JsonLineFormatter.FormatterName);
                return builder;
            default:
                throw new OptionsValidationException(LogFormatSetting, typeof(string),
                    [$"{LogFormatSetting} is '{format}'; it must be text or json"]);
        }
    }
}
