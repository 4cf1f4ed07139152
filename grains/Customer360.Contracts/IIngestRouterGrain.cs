using System.Collections.Immutable;
using Customer360.Domain.Events;

namespace Customer360.Contracts;

/// <summary>
/// Takes a chunk of events for many customers in one call and hands each customer its own, so a gateway sends
/// one message per chunk rather than one per customer. A stateless worker: it runs on the silo the gateway
/// reaches, and calls to customers on that silo stay in memory.
/// </summary>
[Alias("c360.ingest-router")]
public interface IIngestRouterGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Ingests the events of <paramref name="chunk"/>; each customer's events keep their order. Returns one outcome per event, in the same order, once every accepted
    /// event is durable; throws if any customer's batch could not be stored, and then nothing may be acknowledged.
    /// </summary>
    [Alias("route")]
    Task<ImmutableArray<EventOutcome>> Route([Immutable] EventChunk chunk);
}
