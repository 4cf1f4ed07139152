using Customer360.Domain.Events;
using Customer360.Domain.Profile;

namespace Customer360.Grains.Customers;

/// <summary>
/// The persisted snapshot of a customer: the profile as of journal entry <see cref="JournalSeq"/>. Written
/// lazily; whatever the journal holds beyond it is replayed on activation.
/// </summary>
public sealed class CustomerSnapshot
{
    public CustomerProfile? Profile { get; set; }

    /// <summary>The highest journal sequence number applied to <see cref="Profile"/>.</summary>
    public long JournalSeq { get; set; }

    /// <summary>When the rules reminder is registered to fire next; null when none is registered.</summary>
    public DateTimeOffset? ReminderDue { get; set; }

    /// <summary>
    /// Events stored before the customer was registered, in arrival order, waiting for the registration; null when
    /// none (then not written: snapshots written before it could be null hold <c>"held": []</c>, read alike).
    /// </summary>
    public List<CustomerEvent>? Held { get; set; }

    /// <summary>
    /// The person was erased (POST /api/v1/customers/{id}/erase): <see cref="Profile"/> and <see cref="Held"/> are
    /// empty, the journal is not replayed, and every later event for this id is refused. Durable before the journal
    /// is blanked, so a crash in between cannot bring the person back.
    /// </summary>
    public bool Erased { get; set; }
}
