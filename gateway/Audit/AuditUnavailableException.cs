namespace Customer360.Gateway.Audit;

/// <summary>
/// The audit log could not commit an entry in time (PostgreSQL down or slow, the queue full, the gateway stopping).
/// Whatever the entry was about must not be answered: the gateway answers 503 with Retry-After instead
/// (<see cref="AuditUnavailableHandler"/>), the hub a <c>HubException</c>.
/// </summary>
public sealed class AuditUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
