using Customer360.Domain;
using Orleans.Serialization;

namespace Customer360.Contracts;

/// <summary>
/// The domain core has no Orleans reference, so its records cross grain boundaries as JSON with the same
/// options the journal uses. Silo and client must both call this.
/// </summary>
public static class SerializationExtensions
{
    public static ISerializerBuilder AddCustomer360Serialization(this ISerializerBuilder builder) =>
        builder.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("Customer360.Domain", StringComparison.Ordinal) == true,
            DomainJson.Options);
}
