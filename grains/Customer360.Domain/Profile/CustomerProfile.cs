using Customer360.Domain.Derived;
using Customer360.Domain.WorkOrders;

namespace Customer360.Domain.Profile;

/// <summary>
/// The panoramic profile of one customer: plain data, changed only by <see cref="ProfileApplier"/> (facts from
/// events) and the rules in <c>Customer360.Domain.Rules</c> (the <see cref="Derived"/> section).
/// <see cref="Version"/> counts applied changes; consoles use it to drop stale or repeated pushes.
/// Lists are bounded so a profile stays small: the full history lives in the event journal.
/// </summary>
public sealed class CustomerProfile
{
    public required string CustomerId { get; init; }

    public long Version { get; set; }

    public CustomerIdentity? Identity { get; set; }

    public ProductHolding? Products { get; set; }

    public DeviceInfo? Device { get; set; }

    /// <summary>Earlier devices, newest last (bounded).</summary>
    public List<DeviceInfo> DeviceHistory { get; init; } = [];

    /// <summary>Usage totals by month key (<c>yyyy-MM</c>, operator time).</summary>
    public Dictionary<string, UsageMonth> Usage { get; init; } = [];

    /// <summary>When the recent calls to competitors' service numbers happened (bounded, for the 30-day signal).</summary>
    public List<DateTimeOffset> CompetitorServiceCalls { get; init; } = [];

    public BillingState Billing { get; init; } = new();

    /// <summary>Recent touchpoints, newest last (bounded; the journal holds all of them).</summary>
    public List<Touchpoint> Touchpoints { get; init; } = [];

    public List<OpenComplaint> OpenComplaints { get; init; } = [];

    /// <summary>The latest port-out inquiry (携号转网咨询), a decline signal.</summary>
    public DateTimeOffset? LastPortOutInquiry { get; set; }

    /// <summary>Discount campaigns the customer accepted (price sensitivity).</summary>
    public int DiscountCampaignsAccepted { get; set; }

    public AccountClosure? Closure { get; set; }

    /// <summary>The latest step of each of the customer's recent work orders (bounded, see <see cref="WorkOrderFacts"/>).</summary>
    public List<WorkOrder> WorkOrders { get; init; } = [];

    /// <summary>Tier, stage, tags, alerts, actions and satisfaction, each with its reason.</summary>
    public DerivedProfile Derived { get; init; } = new();

    public DateTimeOffset? UpdatedAt { get; set; }

    public bool IsRegistered => Identity is not null;

    public UsageMonth UsageIn(string month) => Usage.TryGetValue(month, out var m) ? m : new UsageMonth();
}
