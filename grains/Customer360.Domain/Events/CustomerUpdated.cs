using System.Text.Json.Serialization;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Events;

/// <summary>Changes to the identity section; a null field is left as it is. (<c>customer.updated</c>)</summary>
public sealed record CustomerUpdated(
    string? Name,
    string? Msisdn,
    [property: Shared] string? Region,
    [property: Shared] string? HomeStoreId,
    [property: Shared] string? AccountManagerId,
    [property: Shared] string? PhoneManagerId,
    DateOnly? Birthday,
    [property: Shared] string? Gender,
    [property: Shared] string? Occupation,
    [property: Shared] IReadOnlyList<string>? Interests,
    [property: Shared] string? GroupId,
    GroupClass? GroupClass,
    bool? KeyPerson,
    bool? FamilyDecisionMaker) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.CustomerUpdated;
}
