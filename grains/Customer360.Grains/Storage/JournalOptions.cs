namespace Customer360.Grains.Storage;

/// <summary>Group commit of the event journal. Bound from configuration section <c>Journal</c>.</summary>
public sealed class JournalOptions
{
    /// <summary>Most rows written in one statement (in either lane). Default 5000.</summary>
    public int MaxBatchRows { get; set; } = 5000;

    /// <summary>
    /// Bulk statements in flight at once. More than one lets a batch fill while the previous one waits on its
    /// commit. The interactive lane (<see cref="Customer360.Contracts.RequestLane"/>) has one writer more of its own,
    /// and a bulk writer takes waiting interactive appends, on their own, before its next bulk batch. Default 4.
    /// </summary>
    public int Writers { get; set; } = 4;

    /// <summary>
    /// Appends waiting for a writer before producers are made to wait, in each lane. When full, a customer grain's append waits
    /// for room; its caller's call times out (Orleans' response timeout, 30 s) and the gateway answers 503 with
    /// Retry-After, nothing acknowledged. Default 100000.
    /// </summary>
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>
    /// Recovery reads (profiles being activated) waiting for the reader. When full, an activation fails at once
    /// with <see cref="JournalBusyException"/> and the gateway answers 503 with Retry-After; the profile activates on
    /// the next call. A waiting read costs a few hundred bytes. Default 20000.
    /// </summary>
    public int ReadQueueCapacity { get; set; } = 20_000;

    /// <summary>
    /// Batches written with the (slower, duplicate-skipping) statement after a binary COPY met a duplicate
    /// event id, before COPY is tried again. Default 20.
    /// </summary>
    public int StatementBatchesAfterDuplicate { get; set; } = 20;
}
