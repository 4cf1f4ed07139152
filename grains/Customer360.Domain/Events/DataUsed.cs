using System.Text.Json.Serialization;

namespace Customer360.Domain.Events;

/// <summary>A mobile data usage record from mediation (<c>usage.data</c>).</summary>
public sealed record DataUsed(decimal Mb, bool Roaming) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.UsageData;
}
