namespace Customer360.Domain.Access;

/// <summary>
/// Walk-ins: store staff identify a customer at the counter by phone number, which opens that customer to the
/// store for the operator day. So only a store's own staff (or an administrator) record walk-ins at it, and only
/// customers within the store's walk-in scope (<see cref="WalkInScope"/>) can be identified there.
/// </summary>
public static partial class AccessRules
{
    /// <summary>May <paramref name="viewer"/> record a walk-in at store <paramref name="storeId"/>?</summary>
    public static bool MayRecordWalkIn(Viewer viewer, string storeId) =>
        viewer.IsAdmin || (viewer.Role == AccessRoles.Store && Same(viewer.StoreId, storeId));

    /// <summary>
    /// May <paramref name="viewer"/> identify this customer at their counter? Store staff: a customer of their
    /// store's region (<see cref="WalkInScope.Region"/>), of their own store (<see cref="WalkInScope.HomeStore"/>), or
    /// anyone (<see cref="WalkInScope.Anywhere"/>). <paramref name="customer"/> is null for an unknown number.
    /// </summary>
    public static bool MayIdentify(Viewer viewer, AccessFacts? customer, WalkInScope scope) => viewer.Role switch
    {
        AccessRoles.Admin => true,
        _ when customer is null => false,
        AccessRoles.Store when viewer.StoreId is not null => scope switch
        {
            WalkInScope.Region => Same(viewer.Region, customer?.Region),
            WalkInScope.HomeStore => Same(viewer.StoreId, customer?.HomeStoreId),
            WalkInScope.Anywhere => true,
            _ => false,
        },
        _ => false,
    };
}
