using System.Text.Json.Serialization;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Events;

/// <summary>Changes to the identity section; a null field is left as it is. (<c>customer.updated</c>)</summary>
public sealed record CustomerUpdated(string? Name, string? Msisdn, string? Region, string? HomeStoreId, string? AccountManagerId, string? PhoneManagerId, DateOnly? Birthday, string? Gender, string? Occupation, IReadOnlyList<string>? Interests, string? GroupId, GroupClass? GroupClass, bool? KeyPerson, bool? FamilyDecisionMaker) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.CustomerUpdated;
}
