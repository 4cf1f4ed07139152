namespace Customer360.Domain.Events;

/// <summary>
/// Events of many customers travelling together from a gateway to the cluster: event <c>i</c> belongs to
/// customer <c>CustomerIds[i]</c>. One value, so it crosses the wire as one document rather than one per event.
/// </summary>
public sealed record EventChunk(IReadOnlyList<string> CustomerIds, IReadOnlyList<CustomerEvent> Events);
