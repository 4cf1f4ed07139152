using System.Text.Json.Nodes;

namespace Customer360.Testing;

/// <summary>Builds feed events as producers send them (JSON).</summary>
public static class Events
{
    public static JsonObject Registered(string customerId, string eventId, string msisdn = "13800001234", string name = "Li Wei",
        string region = "north", string joinedOn = "2025-01-15", DateTimeOffset? at = null,
        string homeStoreId = "S01", string accountManagerId = "AM01", string phoneManagerId = "PM01") => new()
    {
        ["eventId"] = eventId,
        ["customerId"] = customerId,
        ["occurredAt"] = (at ?? DateTimeOffset.UtcNow).ToString("O"),
        ["type"] = "customer.registered",
        ["payload"] = new JsonObject
        {
            ["name"] = name, ["msisdn"] = msisdn, ["region"] = region, ["joinedOn"] = joinedOn,
            ["homeStoreId"] = homeStoreId, ["accountManagerId"] = accountManagerId, ["phoneManagerId"] = phoneManagerId,
        },
    };

    public static JsonObject Data(string customerId, string eventId, decimal mb, DateTimeOffset? at = null) => new()
    {
        ["eventId"] = eventId,
        ["customerId"] = customerId,
        ["occurredAt"] = (at ?? DateTimeOffset.UtcNow).ToString("O"),
        ["type"] = "usage.data",
        ["payload"] = new JsonObject { ["mb"] = mb },
    };

    public static JsonObject Voice(string customerId, string eventId, int seconds, DateTimeOffset? at = null) => new()
    {
        ["eventId"] = eventId,
        ["customerId"] = customerId,
        ["occurredAt"] = (at ?? DateTimeOffset.UtcNow).ToString("O"),
        ["type"] = "usage.voice",
        ["payload"] = new JsonObject { ["seconds"] = seconds },
    };

    public static JsonObject Sms(string customerId, string eventId, int count, DateTimeOffset? at = null) => new()
    {
        ["eventId"] = eventId,
        ["customerId"] = customerId,
        ["occurredAt"] = (at ?? DateTimeOffset.UtcNow).ToString("O"),
        ["type"] = "usage.sms",
        ["payload"] = new JsonObject { ["count"] = count },
    };

    /// <summary>A closed billing month (<c>yyyy-MM</c>) with its billed amount.</summary>
    public static JsonObject Bill(string customerId, string eventId, string month, decimal amount, DateTimeOffset? at = null) => new()
    {
        ["eventId"] = eventId,
        ["customerId"] = customerId,
        ["occurredAt"] = (at ?? DateTimeOffset.UtcNow).ToString("O"),
        ["type"] = "billing.closed",
        ["payload"] = new JsonObject { ["month"] = month, ["amount"] = amount },
    };

    /// <summary>The last <paramref name="count"/> closed months before now (operator time), oldest first, as <c>yyyy-MM</c>.</summary>
    public static string[] ClosedMonths(int count)
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        return [.. Enumerable.Range(1, count).Reverse().Select(back => now.AddMonths(-back).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))];
    }
}
