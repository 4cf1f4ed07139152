using Customer360.Domain.Events;

namespace Customer360.Gateway.Ingestion;

/// <summary>A request body read and validated event by event: the valid events and the refusals, by index.</summary>
public sealed class EventBatch
{
    public List<(int Index, CustomerEvent Event)> Valid { get; } = [];

    public List<RejectedEvent> Rejected { get; } = [];

    public int Count { get; set; }
}
