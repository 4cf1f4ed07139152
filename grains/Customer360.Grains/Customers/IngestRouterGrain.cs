using System.Collections.Immutable;
using Customer360.Contracts;
using Customer360.Domain.Events;
using System.Runtime.InteropServices;
using Orleans.Concurrency;

namespace Customer360.Grains.Customers;

/// <summary>
/// Splits a chunk by customer and calls each customer grain once, all in parallel. Reentrant, so one activation
/// per silo serves every gateway's chunks at once; it holds no state.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class IngestRouterGrain : Grain, IIngestRouterGrain
{
    public async Task<ImmutableArray<EventOutcome>> Route(EventChunk chunk)
    {
        var (customerIds, events) = (chunk.CustomerIds, chunk.Events);
        if (customerIds.Count != events.Count)
            throw new ArgumentException($"{customerIds.Count} customer ids for {events.Count} events", nameof(chunk));

        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            if (!positions.TryGetValue(customerIds[i], out var list)) positions[customerIds[i]] = list = [];
            list.Add(i);
        }

        var outcomes = new EventOutcome[events.Count];
        var calls = new List<Task>(positions.Count);
        foreach (var (customerId, indexes) in positions) calls.Add(IngestAsync(customerId, indexes, events, outcomes));
        await Task.WhenAll(calls);
        return ImmutableCollectionsMarshal.AsImmutableArray(outcomes);
    }

    private async Task IngestAsync(string customerId, List<int> indexes, IReadOnlyList<CustomerEvent> events, EventOutcome[] outcomes)
    {
        var batch = ImmutableArray.CreateBuilder<CustomerEvent>(indexes.Count);
        foreach (var i in indexes) batch.Add(events[i]);
        var result = await CustomerGrainReferences.Get(GrainFactory, customerId).Ingest(batch.MoveToImmutable());
        for (var k = 0; k < indexes.Count; k++) outcomes[indexes[k]] = result[k];
    }
}
