using System.Text.Json.Serialization;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Events;

/// <summary>Text messages sent (usually one per record). (<c>usage.sms</c>)</summary>
public sealed record SmsUsed(int Count) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.UsageSms;
}
