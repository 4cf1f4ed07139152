namespace Customer360.Gateway.Ingestion;

/// <summary>The answer to <c>POST /api/v1/events</c>.</summary>
public sealed record IngestResponse(int Accepted, int Duplicates, IReadOnlyList<RejectedEvent> Rejected);
