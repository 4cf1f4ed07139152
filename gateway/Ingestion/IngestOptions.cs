namespace Customer360.Gateway.Ingestion;

/// <summary>Limits of <c>POST /api/v1/events</c>. Bound from configuration section <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    /// <summary>Largest request body accepted, in bytes; larger gets 413. Default 32 MiB.</summary>
    public long MaxBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Most events in one request; more gets 413. Default 20000.</summary>
    public int MaxEvents { get; set; } = 20_000;

    /// <summary>Seconds a producer is told to wait (Retry-After) when the store is unavailable. Default 2.</summary>
    public int RetryAfterSeconds { get; set; } = 2;
}
