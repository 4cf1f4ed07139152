namespace Customer360.Domain.Access;

/// <summary>
/// What a producer credential may send, by event type (ARCHITECTURE.md "Producers hold grants"). A producer
/// holds any number of them; one with none may send nothing.
/// </summary>
public static class ProducerGrants
{
    /// <summary>
    /// Usage feeds: voice, data and SMS usage, bills, payments, balances, devices, products, and touchpoints other
    /// than walk-ins. None of these changes who may read a customer.
    /// </summary>
    public const string Usage = "usage";

    /// <summary>
    /// Master data: registration, updates (account manager, phone manager, region and home store included) and
    /// account closure. These decide who may read a customer, so only the system of record should hold it.
    /// </summary>
    public const string MasterData = "master-data";

    /// <summary>
    /// Store systems: walk-in touchpoints at the producer's own stores only. A walk-in opens the customer to
    /// the store's staff for the day.
    /// </summary>
    public const string StoreSystems = "store-systems";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Usage, MasterData, StoreSystems };
}
