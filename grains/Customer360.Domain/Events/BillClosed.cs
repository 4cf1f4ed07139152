using System.Text.Json.Serialization;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Events;

/// <summary>A billing month closed with its billed revenue (出账). (<c>billing.closed</c>)</summary>
public sealed record BillClosed(string Month, decimal Amount, DateOnly? DueOn) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.BillingClosed;
}
