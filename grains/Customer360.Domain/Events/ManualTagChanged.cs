using System.Text.Json.Serialization;

namespace Customer360.Domain.Events;

/// <summary>A person added or removed a manual tag. (<c>staff.manual-tag</c>)</summary>
public sealed record ManualTagChanged(string Tag, bool Added, string By) : EventPayload
{
    [JsonIgnore]
    public override string Type => StaffEventTypes.ManualTag;
}
