using System.Text.Json.Serialization;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Events;

/// <summary>The customer started using another handset. (<c>device.changed</c>)</summary>
public sealed record DeviceChanged(DeviceInfo Device) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.DeviceChanged;
}
