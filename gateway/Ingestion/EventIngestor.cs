using System.Collections.Immutable;
using Customer360.Contracts;
using Customer360.Domain.Profile;
using Customer360.Domain.Events;

namespace Customer360.Gateway.Ingestion;

/// <summary>
/// Sends a validated batch to the customer grains, one call per customer (in parallel), and adds up what became
/// of each event. Each grain returns only once its events are durable, so when this returns every accepted
/// event is in PostgreSQL.
/// </summary>
public sealed class EventIngestor(IClusterClient cluster)
{
    public async Task<IngestResponse> IngestAsync(EventBatch batch)
    {
        var rejected = new List<RejectedEvent>(batch.Rejected);
        var owners = await ResolveNumbersAsync(batch);
        var groups = new Dictionary<string, List<(int Index, CustomerEvent Event)>>(StringComparer.Ordinal);
        foreach (var item in batch.Valid)
        {
            var customerId = item.Event.CustomerId ?? owners.GetValueOrDefault(item.Event.Msisdn!);
            if (customerId is null)
            {
                rejected.Add(new RejectedEvent(item.Index, item.Event.EventId, $"no customer has msisdn {Masking.Msisdn(item.Event.Msisdn!)}"));
                continue;
            }
            if (!groups.TryGetValue(customerId, out var list)) groups[customerId] = list = [];
            list.Add(item);
        }

        var calls = groups.Select(async g =>
        {
            var outcomes = await cluster.GetGrain<ICustomerGrain>(g.Key).Ingest([.. g.Value.Select(x => x.Event)]);
            return (Items: g.Value, Outcomes: outcomes);
        }).ToList();
        // Any failure propagates: the caller answers 503 and acknowledges nothing. Events that did land are
        // reported as duplicates when the producer sends the batch again.
        var results = await Task.WhenAll(calls);

        int accepted = 0, duplicates = 0;
        foreach (var (items, outcomes) in results)
        {
            for (var i = 0; i < items.Count; i++)
            {
                switch (outcomes[i].Kind)
                {
                    case EventOutcomeKind.Accepted: accepted++; break;
                    case EventOutcomeKind.Duplicate: duplicates++; break;
                    default: rejected.Add(new RejectedEvent(items[i].Index, items[i].Event.EventId, outcomes[i].Error ?? "rejected")); break;
                }
            }
        }
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new IngestResponse(accepted, duplicates, rejected);
    }

    /// <summary>One lookup for every event of the batch that names its customer by phone number only.</summary>
    private Task<ImmutableDictionary<string, string>> ResolveNumbersAsync(EventBatch batch)
    {
        var numbers = batch.Valid.Where(v => v.Event.CustomerId is null).Select(v => v.Event.Msisdn!).Distinct().ToImmutableArray();
        return numbers.IsEmpty
            ? Task.FromResult(ImmutableDictionary<string, string>.Empty)
            : cluster.GetGrain<IMsisdnDirectoryGrain>(0).Resolve(numbers);
    }
}
