using System.Collections.Immutable;
using Customer360.Contracts;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;

namespace Customer360.Gateway.Ingestion;

/// <summary>
/// Sends a chunk of validated events to the cluster in one call (the silo's ingest router hands each customer
/// its events) and adds up what became of each. Customer grains answer only once their events are durable,
/// so when a chunk completes every event it accepted is in PostgreSQL.
/// </summary>
public sealed class EventIngestor(IClusterClient cluster)
{
    private const int RouterSpread = 64;

    /// <summary>
    /// Ingests <paramref name="chunk"/>, whose first event arrived at <paramref name="arrivedAt"/> (real time): the
    /// notices its changes cause carry it to the consoles' gateways, which measure the push lag from it.
    /// <paramref name="interactive"/>: the chunk is a whole request of a few events (<see cref="IngestOptions.InteractiveMaxEvents"/>),
    /// stored in the interactive lane (<see cref="RequestLane"/>).
    /// </summary>
    public async Task IngestAsync(IReadOnlyList<BodyItem> chunk, IngestTally tally, DateTimeOffset arrivedAt, bool interactive = false)
    {
        var owners = await ResolveNumbersAsync(chunk);
        var routed = new List<BodyItem>(chunk.Count);
        var customerIds = new List<string>(chunk.Count);
        var events = new List<CustomerEvent>(chunk.Count);
        foreach (var item in chunk)
        {
            var e = item.Event!;
            var customerId = e.CustomerId ?? owners.GetValueOrDefault(e.Msisdn!);
            if (customerId is null)
            {
                tally.Reject(new RejectedEvent(item.Index, e.EventId, $"no customer has msisdn {Masking.Msisdn(e.Msisdn!)}"), RejectReasons.UnknownMsisdn);
                continue;
            }
            routed.Add(item);
            customerIds.Add(customerId);
            events.Add(e);
        }
        if (routed.Count == 0) return;

        // One message for the whole chunk; the silo splits it by customer. Any failure propagates: the caller
        // answers 503 and acknowledges nothing. Events that did land are reported as duplicates when the
        // producer sends the batch again. The router's key is only a spread: an Orleans client sends each grain
        // id through one silo, so varying it shares the chunks among all silos of the cluster.
        EventArrival.Stamp(arrivedAt);
        if (interactive) RequestLane.MarkInteractive();
        // An interactive request of one customer (almost every one) goes straight to its grain: two fewer turns in
        // the silo's scheduler, whose queue a bulk feed keeps long.
        var outcomes = interactive && customerIds.TrueForAll(id => string.Equals(id, customerIds[0], StringComparison.Ordinal))
            ? await cluster.GetGrain<ICustomerGrain>(customerIds[0]).Ingest([.. events])
            : await cluster.GetGrain<IIngestRouterGrain>(Random.Shared.Next(RouterSpread)).Route(new EventChunk(customerIds, events));
        for (var i = 0; i < routed.Count; i++) tally.Count(routed[i], outcomes[i]);
    }

    /// <summary>One lookup for every event of the chunk that names its customer by phone number only.</summary>
    private Task<ImmutableDictionary<string, string>> ResolveNumbersAsync(IReadOnlyList<BodyItem> chunk)
    {
        var numbers = chunk.Where(v => v.Event!.CustomerId is null).Select(v => v.Event!.Msisdn!).Distinct().ToImmutableArray();
        return numbers.IsEmpty
            ? Task.FromResult(ImmutableDictionary<string, string>.Empty)
            : cluster.GetGrain<IMsisdnDirectoryGrain>(0).Resolve(numbers);
    }
}
