namespace Customer360.Domain.Access;

/// <summary>The kinds of push topic (<c>kind:key</c>) the access rules know; the contracts' Topics spell the same names.</summary>
public static class TopicKinds
{
    public const string Customer = "customer";
    public const string Store = "store";
    public const string Portfolio = "portfolio";
    public const string Alerts = "alerts";
    public const string Tiers = "tiers";
    public const string WorkOrders = "workorders";

    /// <summary>The list topics, whose key is a store, manager or region rather than a customer or an inbox.</summary>
    public static readonly IReadOnlySet<string> Lists = new HashSet<string>(StringComparer.Ordinal) { Store, Portfolio, Alerts, Tiers };
}
