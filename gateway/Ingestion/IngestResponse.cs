namespace Customer360.Gateway.Ingestion;

/// <summary>
/// The answer to <c>POST /api/v1/events</c>. <see cref="Held"/> counts events stored for customers not yet
/// registered (when <c>Customers:HoldUnregistered</c> is on); they apply when the registration arrives.
/// </summary>
public sealed record IngestResponse(int Accepted, int Duplicates, int Held, IReadOnlyList<RejectedEvent> Rejected);
