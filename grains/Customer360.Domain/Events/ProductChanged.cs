using System.Text.Json.Serialization;
using Customer360.Domain.Profile;

namespace Customer360.Domain.Events;

/// <summary>The product holding as it now is (plan, allowances, bundles, contract, payment). (<c>product.changed</c>)</summary>
public sealed record ProductChanged(ProductHolding Products) : EventPayload
{
    [JsonIgnore]
    public override string Type => EventTypes.ProductChanged;
}
