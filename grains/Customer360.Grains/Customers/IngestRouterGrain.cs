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

        // Positions sorted by customer: each customer's events are one run, in the order they came.
        var keys = customerIds.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(keys, order, StringComparer.Ordinal);

        var outcomes = new EventOutcome[events.Count];
        var calls = new List<Task>();
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && string.Equals(keys[end], keys[start], StringComparison.Ordinal)) end++;
            // The sort is not stable: restore arrival order within the run (almost always of one event).
            if (end - start > 1) Array.Sort(order, start, end - start);
            calls.Add(IngestAsync(keys[start], new ArraySegment<int>(order, start, end - start), events, outcomes));
            start = end;
        }
        await Task.WhenAll(calls);
        return ImmutableCollectionsMarshal.AsImmutableArray(outcomes);
    }

    private async Task IngestAsync(string customerId, ArraySegment<int> indexes, IReadOnlyList<CustomerEvent> events, EventOutcome[] outcomes)
    {
        var batch = new CustomerEvent[indexes.Count];
        for (var k = 0; k < batch.Length; k++) batch[k] = events[indexes[k]];
        var result = await CustomerGrainReferences.Get(GrainFactory, customerId).Ingest(ImmutableCollectionsMarshal.AsImmutableArray(batch));
        for (var k = 0; k < indexes.Count; k++) outcomes[indexes[k]] = result[k];
    }
}
