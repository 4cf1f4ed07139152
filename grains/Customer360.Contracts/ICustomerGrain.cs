using System.Collections.Immutable;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;
using Customer360.Domain.Views;

namespace Customer360.Contracts;

/// <summary>
/// One customer's panoramic profile. Keyed by customer id. Owns the topic <c>customer:{id}</c>.
/// </summary>
[Alias("c360.customer")]
public interface ICustomerGrain : IGrainWithStringKey, ITopicOwner
{
    /// <summary>
    /// Journals and applies a batch of this customer's events, in order. Returns one outcome per event, in the
    /// same order. Returns only after every accepted event is durable in PostgreSQL; throws if that fails, and
    /// then none of the batch may be acknowledged.
    /// </summary>
    [Alias("ingest")]
    Task<ImmutableArray<EventOutcome>> Ingest([Immutable] ImmutableArray<CustomerEvent> events);

    /// <summary>
    /// The profile as a console sees it, reasons worded in <paramref name="language"/> (<c>en</c> or <c>zh</c>),
    /// or null when the customer is not registered.
    /// </summary>
    [Alias("view")]
    Task<ProfileView?> GetView(string language);

    /// <summary>The customer's line for lists, or null when the customer is not registered.</summary>
    [Alias("summary")]
    Task<CustomerSummary?> GetSummary();

    /// <summary>Re-derives the profile under rule settings <paramref name="rulesVersion"/> if it has not yet.</summary>
    [Alias("apply-rules")]
    Task ApplyRules(long rulesVersion);

    /// <summary>Writes the profile snapshot now if anything changed since the last one (the silo's snapshot schedule calls it).</summary>
    [Alias("write-snapshot")]
    Task WriteSnapshot();

    /// <summary>
    /// Writes the snapshot if anything is not in it yet and answers the journal sequence number the stored snapshot
    /// reaches (0 when none is stored). The retention job asks before it drops a journal partition holding entries of
    /// this customer: every entry up to that number may go.
    /// </summary>
    [Alias("snapshot-now")]
    Task<long> SnapshotNow();

    /// <summary>
    /// Erases the person (PIPL deletion): their work orders' free text and the walk-in lists that show them, then
    /// this grain's profile and snapshot (a durable erased flag: every later event is refused), then, in one
    /// transaction, the journal payloads, the MSISDN index, the read model and the tombstone. Idempotent, and
    /// resumable: a crash midway is finished by calling it again. An id nothing is known of is left alone
    /// (<see cref="ErasureOutcome.Unknown"/>), so a mistyped id does not reserve itself against a later registration.
    /// </summary>
    [Alias("erase")]
    Task<ErasureOutcome> Erase();
}
