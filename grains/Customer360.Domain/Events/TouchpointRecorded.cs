using System.Text.Json.Serialization;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Events;

/// <summary>A contact with the customer in any channel. (<c>touchpoint</c>)</summary>
public sealed record TouchpointRecorded(TouchpointChannel Channel, TouchpointKind Kind, string? StoreId, string? StaffId, FourSStage? Stage, TouchpointCategory? Category, int? Score, string? Reference, string? Note, bool Discount) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.Touchpoint;
}
