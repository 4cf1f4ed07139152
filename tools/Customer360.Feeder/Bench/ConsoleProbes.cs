using System.Diagnostics;
using Customer360.Feeder.Generation;
using Customer360.Feeder.Ingest;
using Microsoft.AspNetCore.SignalR.Client;

namespace Customer360.Feeder.Bench;

/// <summary>
/// Consoles on the gateway's <c>/hubs/console</c>, console i following probe customer <c>first + i</c>, and the
/// probe: one usage event for that customer in its own request, timed from just before the POST to the arrival
/// of the console's <c>profileChanged</c> carrying the version it makes.
/// </summary>
public sealed class ConsoleProbes : IAsyncDisposable
{
    private readonly HubFleet _fleet;
    private readonly ProbeConsole[] _consoles;
    private readonly long _firstCustomer;
    private readonly string _runId = "p" + Guid.NewGuid().ToString("N")[..10];
    // Event ids count over every probe run on these consoles ((g) runs two): the loop's sequence starts at 0 each run.
    private long _events;
    // Builds the probes' one-event bodies; its 1 MiB buffer is reused rather than made per probe.
    private readonly NdjsonBuilder _builder = new();

    private ConsoleProbes(HubFleet fleet, ProbeConsole[] consoles, long firstCustomer, IngestClient ingest)
    {
        (_fleet, _consoles, _firstCustomer, Ingest) = (fleet, consoles, firstCustomer, ingest);
    }

    /// <summary>Posts the probes: step (g) gives each of its phases a client of its own, to count its requests apart.</summary>
    public IngestClient Ingest { get; set; }

    public int Dropped => _fleet.Dropped;

    /// <summary>Opens <paramref name="count"/> consoles and subscribes each to its customer's topic.</summary>
    public static async Task<ConsoleProbes> OpenAsync(Uri gateway, string accessToken, long firstCustomer, int count, IngestClient ingest,
        CancellationToken ct)
    {
        var consoles = Enumerable.Range(0, count).Select(_ => new ProbeConsole()).ToArray();
        var fleet = await HubFleet.OpenAsync(new Uri(gateway, "/hubs/console"), count, accessToken, async (i, hub, token) =>
        {
            // Before Subscribe: the first notice may come right after its answer.
            hub.On<Notice>("profileChanged", n => consoles[i].Changed(n.Version, Stopwatch.GetTimestamp()));
            var snapshot = await hub.InvokeAsync<Notice>("Subscribe", $"customer:{SyntheticPopulation.CustomerId(firstCustomer + i)}", token);
            consoles[i].Subscribed(snapshot.Version);
        }, ct);
        return new ConsoleProbes(fleet, consoles, firstCustomer, ingest);
    }

    /// <summary>A <see cref="ProbeLoop.Probe"/>: one usage event for console <paramref name="console"/>'s customer.</summary>
    public async Task<TimeSpan> ProbeAsync(int console, long sequence, CancellationToken lost)
    {
        var customer = SyntheticPopulation.CustomerId(_firstCustomer + console);
        Batch body;
        lock (_builder)
        {
            var w = _builder.Begin($"{_runId}-{++_events}", customer, "usage.data", DateTimeOffset.UtcNow);
            w.WriteNumber("mb", 1);
            w.WriteBoolean("roaming", false);
            _builder.End();
            body = _builder.Take();
        }
        var arrival = _consoles[console].Expect();
        var started = Stopwatch.GetTimestamp();
        var accepted = await Ingest.PostAsync(body, lost, lost);
        lost.ThrowIfCancellationRequested();
        if (accepted != 1) throw new InvalidOperationException($"the gateway did not accept the probe event for {customer}");
        var arrived = await arrival.WaitAsync(lost);
        return Stopwatch.GetElapsedTime(started, arrived);
    }

    public ValueTask DisposeAsync() => _fleet.DisposeAsync();

    /// <summary>The version in a <c>profileChanged</c> notice and in <c>Subscribe</c>'s snapshot (the profile is skipped).</summary>
    private sealed record Notice(long Version);

    /// <summary>What one console knows of its customer's version, and the probe waiting for the next one.</summary>
    private sealed class ProbeConsole
    {
        private readonly Lock _lock = new();
        private long _awaited;
        private TaskCompletionSource<long>? _arrival;

        public void Subscribed(long version)
        {
            lock (_lock) _awaited = Math.Max(_awaited, version);
        }

        /// <summary>
        /// The probe about to be posted makes the next version (nothing else changes a probe customer); the task
        /// completes with the Stopwatch timestamp of the notice that carries it.
        /// </summary>
        public Task<long> Expect()
        {
            lock (_lock)
            {
                _awaited++;
                // Asynchronous continuations: the probe's sum-up must not run on the hub's receive loop.
                _arrival = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _arrival.Task;
            }
        }

        public void Changed(long version, long timestamp)
        {
            lock (_lock)
            {
                if (_arrival is null || version < _awaited) return;
                _arrival.TrySetResult(timestamp);
                _arrival = null;
            }
        }
    }
}
