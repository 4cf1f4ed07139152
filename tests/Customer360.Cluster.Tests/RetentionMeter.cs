using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Customer360.Grains.Retention;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360.Cluster.Tests;

/// <summary>
/// Listens to one silo's <c>Customer360.Retention</c> meter (the one its own IMeterFactory made: other silos of the
/// test process have theirs) and keeps every measurement.
/// </summary>
internal sealed class RetentionMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public RetentionMeter(IServiceProvider silo)
    {
        var factory = silo.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RetentionMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => _measurements.Enqueue((i.Name, value, tags.ToArray())));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => _measurements.Enqueue((i.Name, value, tags.ToArray())));
        _listener.Start();
    }

    /// <summary>The sum of a counter's measurements carrying the tag.</summary>
    public double Sum(string instrument, string tag, string value) =>
        _measurements.Where(m => m.Instrument == instrument && m.Tags.Any(t => t.Key == tag && Equals(t.Value, value))).Sum(m => m.Value);

    /// <summary>How many measurements an instrument took (a histogram's samples).</summary>
    public int Count(string instrument) => _measurements.Count(m => m.Instrument == instrument);

    /// <summary>An observable gauge's value now.</summary>
    public double Gauge(string instrument)
    {
        _listener.RecordObservableInstruments();
        return _measurements.Last(m => m.Instrument == instrument).Value;
    }

    public void Dispose() => _listener.Dispose();
}
