using Customer360.Domain;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Customer360.Contracts;

/// <summary>
/// The domain core has no Orleans reference, so its records cross grain boundaries as JSON with the same
/// options the journal uses. Silo and client must both call this.
/// </summary>
public static class SerializationExtensions
{
    public static ISerializerBuilder AddCustomer360Serialization(this ISerializerBuilder builder)
    {
        // A grain whose PostgreSQL call failed throws Npgsql's exception (often inside Orleans' storage error).
        // Orleans serializes only exceptions of listed namespaces; without this one the answer became a
        // CodecNotFoundException and the gateway could not tell a store outage (503) from a bug (500).
        builder.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        return builder.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("Customer360.Domain", StringComparison.Ordinal) == true,
            DomainJson.Options);
    }
}
