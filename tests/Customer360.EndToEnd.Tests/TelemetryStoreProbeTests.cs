using System.Diagnostics.Metrics;
using Customer360.Contracts.Hosting.Telemetry;
using Customer360.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Customer360.EndToEnd.Tests;

/// <summary><c>c360.postgres.up</c> follows the periodic probe: 1 while PostgreSQL answers, 0 when it does not.</summary>
[Collection(SystemCollection.Name)]
public sealed class TelemetryStoreProbeTests(SystemFixture system)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task the_gauge_reports_the_last_probes_answer(bool reachable, int expected)
    {
        // Nothing listens on a port just found free: the probe's connection is refused.
        var connectionString = reachable ? system.Db.GatewayConnectionString : $"Host=127.0.0.1;Port={FreePort.Next()};Username=nobody;Password=none";
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var options = Options.Create(new TelemetryOptions { StoreProbeInterval = TimeSpan.FromMilliseconds(200), StoreProbeTimeout = TimeSpan.FromMilliseconds(200) });
        using var gauge = new StoreUpGauge(dataSource, factory, options);

        var seen = new List<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "c360.postgres.up" && instrument.Meter.Scope == factory) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => { lock (seen) seen.Add(value); });
        listener.Start();

        listener.RecordObservableInstruments();
        Assert.Empty(seen); // not probed yet: absent, not "down"
        await gauge.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.GetAsync(() =>
            {
                listener.RecordObservableInstruments();
                lock (seen) return Task.FromResult(seen.ToArray());
            }, values => values.Length > 0, Wait, "a probe's answer");
            lock (seen) Assert.All(seen, value => Assert.Equal(expected, value));
        }
        finally
        {
            await gauge.StopAsync(CancellationToken.None);
        }
    }
}
