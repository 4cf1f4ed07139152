using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Customer360.Gateway.Push;
using Microsoft.Extensions.DependencyInjection;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Listens to one gateway's Meter <c>Customer360.Push</c> (only that gateway's: every gateway of the test run shares
/// the process, and each has its own meter factory) and keeps what its instruments record.
/// </summary>
internal sealed class PushMeterProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> _measurements = new();

    public PushMeterProbe(IServiceProvider gatewayServices)
    {
        var factory = gatewayServices.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PushMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Keep(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Keep(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Keep(i, v, tags));
        _listener.Start();
    }

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        _measurements.Enqueue((instrument.Name, value, copy));
    }

    /// <summary>Every value recorded so far by the instrument <paramref name="name"/>, with its tags.</summary>
    public IReadOnlyList<(double Value, Dictionary<string, object?> Tags)> Of(string name) =>
        [.. _measurements.Where(m => m.Name == name).Select(m => (m.Value, m.Tags))];

    public double Sum(string name) => Of(name).Sum(m => m.Value);

    /// <summary>Reads the observable gauge <paramref name="name"/> now.</summary>
    public double Observe(string name)
    {
        var before = Of(name).Count;
        _listener.RecordObservableInstruments();
        var all = Of(name);
        Assert.True(all.Count > before, $"{name} was not observed");
        return all[^1].Value;
    }

    public void Dispose() => _listener.Dispose();
}
