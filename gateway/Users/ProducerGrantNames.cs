namespace Customer360.Gateway.Users;

/// <summary>
/// The event groups a producer (role ingest) may be granted, as stored on the user and issued in its tokens
/// (claim <c>c360:grant</c>). What each group admits is decided at ingestion.
/// </summary>
public static class ProducerGrantNames
{
    /// <summary>Usage, billing, balance, device, product, and touchpoints other than walk-ins.</summary>
    public const string Usage = "usage";

    /// <summary>Registration and updates of customers, assignments included.</summary>
    public const string MasterData = "master-data";

    /// <summary>Walk-ins at the producer's own stores (claim <c>c360:producer-store</c>).</summary>
    public const string StoreSystems = "store-systems";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Usage, MasterData, StoreSystems };
}
