namespace Customer360.Grains.Storage;

/// <summary>
/// The durable, append-only record of every accepted event. An event is acknowledged to its producer only
/// after <see cref="AppendAsync"/> returned; a profile is rebuilt from its snapshot plus the entries after it.
/// </summary>
public interface IEventJournal
{
    /// <summary>
    /// Appends a customer's entries durably. Returns the event ids that were already in the journal (from this
    /// or any customer), which were not stored again. Throws when the outcome is unknown or failed. The task
    /// completes on the journal's writer: a grain resumes on its own scheduler, but a caller outside one must
    /// not do slow work inline after awaiting it. <paramref name="interactive"/> (see <see cref="Customer360.Contracts.RequestLane"/>)
    /// commits it apart from bulk appends, in a short commit of its own lane; the caller must not have another append
    /// of the same customer in flight, in either lane, or the two could commit in either order.
    /// </summary>
    Task<IReadOnlySet<string>> AppendAsync(string customerId, IReadOnlyList<JournalEntry> entries, bool interactive = false, CancellationToken ct = default);

    /// <summary>The customer's entries with a sequence number above <paramref name="afterSeq"/>, in order.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadAfterAsync(string customerId, long afterSeq, CancellationToken ct = default);
}
