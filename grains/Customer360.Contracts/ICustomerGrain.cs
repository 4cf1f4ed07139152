using System.Collections.Immutable;
using Customer360.Domain.Events;
using Customer360.Domain.Profile;

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
    Task<ImmutableArray<EventOutcome>> Ingest(ImmutableArray<CustomerEvent> events);

    /// <summary>The profile as a console sees it, or null when the customer is not registered.</summary>
    [Alias("view")]
    Task<ProfileView?> GetView();
}
