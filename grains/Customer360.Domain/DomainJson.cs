using System.Text.Json;
using System.Text.Json.Serialization;

namespace Customer360.Domain;

/// <summary>
/// The one JSON shape of domain types: on the API, in the event journal, in profile snapshots and between
/// grains. Keeping a single options instance means a journaled event replays exactly as it was accepted.
/// </summary>
public static class DomainJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(o);
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    /// <summary>
    /// Gives options the domain's shape, for hosts that own their options instance (ASP.NET's HTTP and SignalR
    /// JSON): no nulls written, kebab-case enums, and the type discriminator accepted anywhere in an object.
    /// </summary>
    public static void Configure(JsonSerializerOptions o)
    {
        o.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // jsonb reorders keys (journal rows from before schema 007, snapshots), so the payload's "type"
        // discriminator may come anywhere.
        o.AllowOutOfOrderMetadataProperties = true;
        // Enums travel as kebab-case words (walk-in, port-out-inquiry, churn-risk), as producers write them.
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }
}
