using Customer360.Contracts;
using Customer360.Contracts.Hosting;
using Customer360.Domain.Access;
using Customer360.Domain.Views;

namespace Customer360.Gateway.Access;

/// <summary>
/// Reads a profile for a person, enforcing the access table: the customer's facts (managers, region, alert
/// owners, and for store staff whether the customer walked in today) decide, and the view is masked for roles
/// that may not see personal data in full. REST and the hub both read through here, so they answer alike.
/// </summary>
public sealed class CustomerReader(IClusterClient cluster, [FromKeyedServices(Clocks.Business)] TimeProvider time)
{
    public async Task<CustomerRead> ReadAsync(Viewer viewer, string customerId, string language)
    {
        var view = await cluster.GetGrain<ICustomerGrain>(customerId).GetView(language);
        if (view is null) return new CustomerRead(CustomerReadStatus.NotFound, null, null);
        var facts = AccessFacts.Of(view);
        if (!AccessRules.MayRead(viewer, facts, await WalkedInTodayAsync(viewer, customerId)))
            return new CustomerRead(CustomerReadStatus.Forbidden, null, facts);
        return new CustomerRead(CustomerReadStatus.Allowed, AccessRules.Masks(viewer) ? PersonalDataMasking.Mask(view) : view, facts);
    }

    /// <summary>For store staff: whether the customer was identified in their store during today's operator day.</summary>
    public async Task<bool> WalkedInTodayAsync(Viewer viewer, string customerId) =>
        viewer is { Role: AccessRoles.Store, StoreId: { } store }
        && await cluster.GetGrain<IStoreGrain>(store).WalkedInToday(customerId, time.GetUtcNow());
}
