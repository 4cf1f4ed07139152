using Customer360.Contracts;

namespace Customer360.Grains.Customers;

/// <summary>
/// Customer grain references for the hot path. <c>GetGrain&lt;ICustomerGrain&gt;(id)</c> looks the interface's
/// grain type up by reflection on every call — a few percent of a silo's time when a chunk reaches two thousand
/// customers. The types are resolved once here, and each reference is made straight from its id.
/// </summary>
internal static class CustomerGrainReferences
{
    private static (GrainType Grain, GrainInterfaceType Interface)? _types;

    public static ICustomerGrain Get(IGrainFactory grains, string customerId)
    {
        var (grainType, interfaceType) = _types ??= Resolve(grains);
        return (ICustomerGrain)grains.GetGrain(GrainId.Create(grainType, customerId), interfaceType);
    }

    private static (GrainType, GrainInterfaceType) Resolve(IGrainFactory grains)
    {
        var probe = (GrainReference)grains.GetGrain<ICustomerGrain>("type-probe");
        return (probe.GrainId.Type, probe.InterfaceType);
    }
}
