namespace Customer360.Feeder.Ingest;

/// <summary>
/// One request body of NDJSON events, built once: a retry sends these very bytes again, so the same event ids,
/// and whatever landed the first time comes back as a duplicate rather than being counted twice.
/// </summary>
public sealed record Batch(ReadOnlyMemory<byte> Body, int Count);
