namespace Customer360.Gateway.Ingestion;

/// <summary>Limits of <c>POST /api/v1/events</c>. Bound from configuration section <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    /// <summary>Largest request body accepted, in bytes; larger gets 413. Default 64 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Most events in one request; more gets 413. Default 100000.</summary>
    public int MaxEvents { get; set; } = 100_000;

    /// <summary>
    /// Events read before they are sent to the grains as one chunk; the next chunk is read while one is being
    /// stored, and a request never holds more than about two chunks. Default 2000.
    /// </summary>
    public int ChunkEvents { get; set; } = 2000;

    /// <summary>
    /// Most <c>POST /api/v1/events</c> requests this gateway works on at once; one more is answered 503 with
    /// Retry-After (<see cref="RetryAfterSeconds"/>) at once, not queued, and nothing of it is stored. Each request holds
    /// at most about two chunks (<see cref="ChunkEvents"/>) while the cluster stores them, so this bounds the events
    /// a gateway holds for producers when the cluster cannot keep up. Default 32.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 32;

    /// <summary>Seconds a producer is told to wait (Retry-After) when the store is unavailable or the gateway is busy. Default 2.</summary>
    public int RetryAfterSeconds { get; set; } = 2;
}
