using Customer360.Domain.Events;

namespace Customer360.Grains.Storage;

/// <summary>One event as the journal stores it: the customer's own sequence number and the event.</summary>
public sealed record JournalEntry(long Seq, CustomerEvent Event);
