using System.Text.Json.Serialization;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Events;

/// <summary>The account was closed or the number ported out (final). (<c>account.closed</c>)</summary>
public sealed record AccountClosed(bool PortedOut) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.AccountClosed;
}
