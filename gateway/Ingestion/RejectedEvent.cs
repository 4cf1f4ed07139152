namespace Customer360.Gateway.Ingestion;

/// <summary>One refused event of a batch: its position in the batch, its id if it had one, and why.</summary>
public sealed record RejectedEvent(int Index, string? EventId, string Error);
