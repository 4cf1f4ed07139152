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

    /// <summary>
    /// Most events a request may hold and still be interactive: it is stored in the interactive lane (see
    /// <c>RequestLane</c>), which does not queue behind bulk batches in the silo's journal. Larger requests are bulk.
    /// Staff actions are always interactive. Default 10.
    /// </summary>
    public int InteractiveMaxEvents { get; set; } = 10;

    /// <summary>
    /// Largest declared body (Content-Length, in bytes) of a request counted against
    /// <see cref="MaxConcurrentInteractiveRequests"/> rather than <see cref="MaxConcurrentRequests"/>; the body has not
    /// been read when the limit is applied. A body of unknown length counts as bulk. Default 16384 (a few dozen events).
    /// </summary>
    public long InteractiveMaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Most small requests (<see cref="InteractiveMaxBodyBytes"/>) this gateway works on at once, apart from
    /// <see cref="MaxConcurrentRequests"/>, so that bulk requests filling their limit never refuse a single event;
    /// one more small request is answered 503 with Retry-After. Default 64.
    /// </summary>
    public int MaxConcurrentInteractiveRequests { get; set; } = 64;

    /// <summary>Seconds a producer is told to wait (Retry-After) when the store is unavailable or the gateway is busy. Default 2.</summary>
    public int RetryAfterSeconds { get; set; } = 2;
}
