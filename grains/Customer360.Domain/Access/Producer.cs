namespace Customer360.Domain.Access;

/// <summary>
/// An authenticated producer as far as ingestion cares: its name (for logs and audit), the grants it holds
/// (<see cref="ProducerGrants"/>) and the stores whose walk-ins it may record (only with
/// <see cref="ProducerGrants.StoreSystems"/>). Store ids compare exactly, as store grains are keyed.
/// </summary>
public sealed record Producer(string Name, IReadOnlySet<string> Grants, IReadOnlySet<string> Stores)
{
    public static Producer Of(string name, IEnumerable<string> grants, IEnumerable<string>? stores = null) =>
        new(name, new HashSet<string>(grants, StringComparer.Ordinal), new HashSet<string>(stores ?? [], StringComparer.Ordinal));
}
