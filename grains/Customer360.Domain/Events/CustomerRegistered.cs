using System.Text.Json.Serialization;

namespace Customer360.Domain.Events;

/// <summary>A customer joined the operator (or was loaded into the view). Carries the identity section.</summary>
public sealed record CustomerRegistered(
    string Name,
    string Msisdn,
    string Region,
    DateOnly JoinedOn,
    string? HomeStoreId,
    string? AccountManagerId,
    string? PhoneManagerId,
    DateOnly? Birthday,
    string? Gender,
    string? Occupation) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.CustomerRegistered;
}
