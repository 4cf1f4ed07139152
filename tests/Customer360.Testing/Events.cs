using System.Text.Json.Nodes;

namespace Customer360.Testing;

/// <summary>Builds feed events as producers send them (JSON).</summary>
public static class Events
{
    public static JsonObject Registered(string customerId, string eventId, string msisdn = "13800001234", string name = "Li Wei",
        string region = "north", string joinedOn = "2025-01-15", DateTimeOffset? at = null) => new()
    {
        ["eventId"] = eventId,
        ["customerId"] = customerId,
        ["occurredAt"] = (at ?? DateTimeOffset.UtcNow).ToString("O"),
        ["type"] = "customer.registered",
        ["payload"] = new JsonObject
        {
            ["name"] = name, ["msisdn"] = msisdn, ["region"] = region, ["joinedOn"] = joinedOn,
            ["homeStoreId"] = "S01", ["accountManagerId"] = "AM01", ["phoneManagerId"] = "PM01",
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
}
