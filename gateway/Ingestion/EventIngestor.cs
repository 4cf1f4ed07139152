using System.Collections.Immutable;
using Customer360.Contracts;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;

namespace Customer360.Gateway.Ingestion;

/// <summary>
/// Sends a chunk of validated events to the customer grains, one call per customer (in parallel), and adds up
/// what became of each event. Each grain returns only once its events are durable, so when a chunk completes
/// every event it accepted is in PostgreSQL.
/// </summary>
public sealed class EventIngestor(IClusterClient cluster)
{
    public async Task IngestAsync(IReadOnlyList<BodyItem> chunk, IngestTally tally)
    {
        var owners = await ResolveNumbersAsync(chunk);
        var groups = new Dictionary<string, List<BodyItem>>(StringComparer.Ordinal);
        foreach (var item in chunk)
        {
            var e = item.Event!;
            var customerId = e.CustomerId ?? owners.GetValueOrDefault(e.Msisdn!);
            if (customerId is null)
            {
                tally.Reject(new RejectedEvent(item.Index, e.EventId, $"no customer has msisdn {Masking.Msisdn(e.Msisdn!)}"));
                continue;
            }
            if (!groups.TryGetValue(customerId, out var list)) groups[customerId] = list = [];
            list.Add(item);
        }

        var calls = new List<Task<(List<BodyItem> Items, ImmutableArray<EventOutcome> Outcomes)>>(groups.Count);
        foreach (var (customerId, items) in groups) calls.Add(CallAsync(customerId, items));
        // Any failure propagates: the caller answers 503 and acknowledges nothing. Events that did land are
        // reported as duplicates when the producer sends the batch again.
        foreach (var (items, outcomes) in await Task.WhenAll(calls))
            for (var i = 0; i < items.Count; i++)
                tally.Count(items[i], outcomes[i]);
    }

    private async Task<(List<BodyItem>, ImmutableArray<EventOutcome>)> CallAsync(string customerId, List<BodyItem> items)
    {
        var events = ImmutableArray.CreateBuilder<CustomerEvent>(items.Count);
        foreach (var item in items) events.Add(item.Event!);
        return (items, await cluster.GetGrain<ICustomerGrain>(customerId).Ingest(events.MoveToImmutable()));
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
