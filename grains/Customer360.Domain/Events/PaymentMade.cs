using System.Text.Json.Serialization;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Events;

/// <summary>A payment or top-up. (<c>billing.payment</c>)</summary>
public sealed record PaymentMade(decimal Amount, string? Method) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.BillingPayment;
}
