using System.Text.Json.Serialization;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Events;

/// <summary>The account balance as the billing system reports it. (<c>balance</c>)</summary>
public sealed record BalanceReported(decimal Balance) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.Balance;
}
