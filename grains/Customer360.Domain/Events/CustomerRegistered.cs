using System.Text.Json.Serialization;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Events;

/// <summary>A customer joined the operator (or was loaded into the view). Carries the identity section whole.</summary>
public sealed record CustomerRegistered(CustomerIdentity Identity) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.CustomerRegistered;
}
