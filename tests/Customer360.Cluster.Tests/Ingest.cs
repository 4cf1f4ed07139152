using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Contracts;
using Customer360.Domain.Events;

namespace Customer360.Cluster.Tests;

/// <summary>Sends producer-shaped events straight to a customer grain, as the gateway does after validation.</summary>
internal static class Ingest
{
    public static Task<ImmutableArray<EventOutcome>> Send(IGrainFactory grains, string customerId, params JsonObject[] events) =>
        grains.GetGrain<ICustomerGrain>(customerId).Ingest([.. events.Select(Parse)]);

    /// <summary>A producer-shaped event as the grain receives it.</summary>
    public static CustomerEvent Parse(JsonObject json)
    {
        var parsed = EventParser.Parse(JsonDocument.Parse(json.ToJsonString()).RootElement, DateTimeOffset.UtcNow);
        return parsed.Event ?? throw new ArgumentException(parsed.Error);
    }
}
