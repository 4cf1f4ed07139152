using Customer360.Domain.WorkOrders;
using Customer360.Gateway.WorkOrders;

namespace Customer360.EndToEnd.Tests;

/// <summary>The gateway's work-order access rules, pure: one row per role and scope.</summary>
public sealed class WorkOrderAccessTests
{
    private static readonly Addressee StoreS01 = new(AddresseeKind.Store, "S01");
    private static readonly Addressee Am01 = new(AddresseeKind.AccountManager, "AM01");

    private static WorkOrder Order(Addressee to) => new("WO-1", "C1", WorkOrderKind.Sim, to,
        new Dispatcher("pm01", "phone-manager", "phone-manager:PM01"), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1),
        null, WorkOrderState.Dispatched, 1, DateTimeOffset.UnixEpoch, "pm01");

    [Theory]
    [InlineData("store", "S01", null, "store01", "store:S01")]
    [InlineData("account-manager", null, "AM01", "am01", "account-manager:AM01")]
    [InlineData("phone-manager", null, "PM01", "pm01", "phone-manager:PM01")]
    [InlineData("admin", null, null, "admin", "admin:admin")]
    [InlineData("store", null, null, "store-without-scope", null)]
    [InlineData("supervisor", null, null, "sup-north", null)]
    [InlineData("ingest", null, null, "feed", null)]
    public void each_user_follows_the_inbox_of_their_role_and_scope(string role, string? store, string? manager, string user, string? inbox) =>
        Assert.Equal(inbox, WorkOrderAccess.InboxOf(role, store, manager, user));

    [Theory]
    [InlineData("store", "S01", null, "store:S01", true)]
    [InlineData("store", "S01", null, "workorders:store:S01", true)]
    [InlineData("store", "S01", null, "store:S02", false)]
    [InlineData("account-manager", null, "AM01", "account-manager:AM01", true)]
    [InlineData("account-manager", null, "AM01", "store:S01", false)]
    [InlineData("phone-manager", null, "PM01", "phone-manager:PM01", true)]
    [InlineData("phone-manager", null, "PM01", "phone-manager:PM02", false)]
    [InlineData("supervisor", null, null, "store:S01", false)]
    [InlineData("admin", null, null, "store:S02", true)]
    [InlineData("admin", null, null, "everything", false)]
    public void a_console_may_follow_only_its_own_inbox_unless_it_is_an_administrator(string role, string? store, string? manager, string key, bool may) =>
        Assert.Equal(may, WorkOrderAccess.MaySubscribe(role, store, manager, key));

    [Theory]
    [InlineData("phone-manager", "PM01", true)]
    [InlineData("phone-manager", "PM02", false)]
    [InlineData("account-manager", "AM01", true)]
    [InlineData("account-manager", "AM02", false)]
    [InlineData("admin", null, true)]
    [InlineData("store", null, false)]
    [InlineData("supervisor", null, false)]
    public void only_the_customers_own_managers_and_administrators_may_dispatch(string role, string? manager, bool may) =>
        Assert.Equal(may, WorkOrderAccess.MayDispatch(role, manager, customerPhoneManagerId: "PM01", customerAccountManagerId: "AM01"));

    [Theory]
    [InlineData("store", "S01", null, "store", true)]
    [InlineData("store", "S02", null, "store", false)]
    [InlineData("account-manager", null, "AM01", "store", false)]
    [InlineData("account-manager", null, "AM01", "account-manager", true)]
    [InlineData("store", "S01", null, "account-manager", false)]
    [InlineData("phone-manager", null, "PM01", "store", false)]
    [InlineData("admin", null, null, "account-manager", true)]
    public void only_the_addressee_or_an_administrator_may_take_a_step(string role, string? store, string? manager, string addressedTo, bool may) =>
        Assert.Equal(may, WorkOrderAccess.MayAct(role, store, manager, addressedTo == "store" ? StoreS01 : Am01));

    [Theory]
    [InlineData("store", "S01", null, "store01", true)]
    [InlineData("phone-manager", null, "PM01", "pm01", true)]
    [InlineData("phone-manager", null, "PM02", "pm02", false)]
    [InlineData("account-manager", null, "AM01", "am01", false)]
    [InlineData("supervisor", null, null, "sup-north", false)]
    [InlineData("admin", null, null, "admin", true)]
    public void an_order_is_read_by_its_addressee_its_dispatcher_and_administrators(string role, string? store, string? manager, string user, bool may) =>
        Assert.Equal(may, WorkOrderAccess.MayRead(role, store, manager, user, Order(StoreS01)));
}
