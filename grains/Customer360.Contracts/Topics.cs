namespace Customer360.Contracts;

/// <summary>Push topic names. A topic is <c>kind:key</c>.</summary>
public static class Topics
{
    public const string CustomerPrefix = "customer";

    public const string StorePrefix = "store";
    public const string PortfolioPrefix = "portfolio";
    public const string AlertsPrefix = "alerts";
    public const string TiersPrefix = "tiers";

    public static string Customer(string customerId) => $"{CustomerPrefix}:{customerId}";

    public static string Store(string storeId) => $"{StorePrefix}:{storeId}";

    public static string Portfolio(string accountManagerId) => $"{PortfolioPrefix}:{accountManagerId}";

    public static string Alerts(string phoneManagerId) => $"{AlertsPrefix}:{phoneManagerId}";

    public static string Tiers(string region) => $"{TiersPrefix}:{region}";

    /// <summary>Work-order inboxes: <c>workorders:store:S01</c>, owned by the inbox grain keyed <c>store:S01</c>.</summary>
    public const string WorkOrdersPrefix = "workorders";

    public static string WorkOrders(string inbox) => $"{WorkOrdersPrefix}:{inbox}";

    /// <summary>Splits <c>kind:key</c>; false when the text is not a topic.</summary>
    public static bool TryParse(string? topic, out string kind, out string key)
    {
        kind = key = "";
        var colon = topic?.IndexOf(':') ?? -1;
        if (topic is null || colon <= 0 || colon == topic.Length - 1 || topic.Length > 200) return false;
        kind = topic[..colon];
        key = topic[(colon + 1)..];
        return true;
    }
}
