namespace Customer360.Domain.Profile;

/// <summary>
/// The panoramic profile of one customer: plain data, changed only by <see cref="ProfileApplier"/>.
/// <see cref="Version"/> counts applied changes; consoles use it to drop stale or repeated pushes.
/// </summary>
public sealed class CustomerProfile
{
    public required string CustomerId { get; init; }

    public long Version { get; set; }

    public CustomerIdentity? Identity { get; set; }

    /// <summary>Usage totals by month key (<c>yyyy-MM</c>, operator time).</summary>
    public Dictionary<string, UsageMonth> Usage { get; init; } = [];

    public DateTimeOffset? UpdatedAt { get; set; }

    public bool IsRegistered => Identity is not null;

    public UsageMonth UsageIn(string month) => Usage.TryGetValue(month, out var m) ? m : new UsageMonth();
}
