using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.Contracts.Hosting.Telemetry;

/// <summary>
/// <c>c360.postgres.up</c>: 1 when PostgreSQL answered this process's last probe (<see cref="StoreProbe"/>, every
/// <see cref="TelemetryOptions.StoreProbeInterval"/>), 0 when it did not, absent until the first probe has answered
/// (so a process that just started is not reported down). A scrape reads the last answer: it never queries
/// PostgreSQL itself, so scrapes cost the database nothing and cannot pile up while it hangs.
/// </summary>
public sealed class StoreUpGauge : BackgroundService
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IOptions<TelemetryOptions> _options;
    private const int Unknown = -1;
    private int _up = Unknown;

    public StoreUpGauge(NpgsqlDataSource dataSource, IMeterFactory meters, IOptions<TelemetryOptions> options)
    {
        _dataSource = dataSource;
        _options = options;
        var meter = meters.Create($"{TelemetryNames.Prefix}.Store");
        meter.CreateObservableGauge("c360.postgres.up", Observe, unit: null,
            description: "1 when PostgreSQL answered this process's last probe, 0 when it did not");
    }

    private IEnumerable<Measurement<int>> Observe() =>
        Volatile.Read(ref _up) is var up and not Unknown ? [new Measurement<int>(up)] : [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Value.StoreProbeInterval);
        do
        {
            var up = await StoreProbe.AnswersAsync(_dataSource, _options.Value.StoreProbeTimeout, stoppingToken);
            Volatile.Write(ref _up, up ? 1 : 0);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
