using Customer360.Domain.Access;
using Customer360.Domain.Derived;
using Customer360.Domain.Profile;
using Customer360.Domain.Views;
using Customer360.Domain.WorkOrders;

namespace Customer360.Domain.Tests;

/// <summary>The one access model, one row per rule and boundary: reads, topics, alerts, touchpoints, walk-ins and work orders.</summary>
public sealed class AccessRulesTests
{
    // A customer of store S01, account manager AM01, phone manager PM01, region north; one alert owned by PM07.
    private static readonly AccessFacts Customer = new("C1", "north", "S01", "AM01", "PM01", ["PM07"]);

    public static TheoryData<string, Viewer, bool, bool> Reads => new()
    {
        { "admin reads everyone", new("root", AccessRoles.Admin), false, true },
        { "the customer's account manager", new("am", AccessRoles.AccountManager, ManagerId: "AM01"), false, true },
        { "another account manager", new("am", AccessRoles.AccountManager, ManagerId: "AM02"), false, false },
        { "the customer's phone manager", new("pm", AccessRoles.PhoneManager, ManagerId: "PM01"), false, true },
        { "a phone manager owning one of the alerts", new("pm", AccessRoles.PhoneManager, ManagerId: "PM07"), false, true },
        { "another phone manager", new("pm", AccessRoles.PhoneManager, ManagerId: "PM02"), false, false },
        { "a supervisor of the region", new("sup", AccessRoles.Supervisor, Region: "north"), false, true },
        { "a supervisor of another region", new("sup", AccessRoles.Supervisor, Region: "south"), false, false },
        { "store staff before a walk-in", new("s", AccessRoles.Store, StoreId: "S01"), false, false },
        { "store staff after a walk-in today", new("s", AccessRoles.Store, StoreId: "S01"), true, true },
        { "a producer", new("feed", AccessRoles.Ingest), true, false },
        { "an unknown role", new("x", "auditor"), true, false },
        { "a manager without a manager id", new("am", AccessRoles.AccountManager), false, false },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public void who_may_read_a_customer_follows_the_access_table(string _, Viewer viewer, bool walkedIn, bool allowed) =>
        Assert.Equal(allowed, AccessRules.MayRead(viewer, Customer, walkedIn));

    // Nothing known of the customer (no such id, or not yet in the read model): only admins, and store staff who identified them today.
    public static TheoryData<string, Viewer, bool, bool> ReadsOfUnknown => new()
    {
        { "admin", new("root", AccessRoles.Admin), false, true },
        { "an account manager", new("am", AccessRoles.AccountManager, ManagerId: "AM01"), false, false },
        { "a phone manager", new("pm", AccessRoles.PhoneManager, ManagerId: "PM01"), false, false },
        { "a supervisor", new("sup", AccessRoles.Supervisor, Region: "north"), false, false },
        { "store staff, no walk-in", new("s", AccessRoles.Store, StoreId: "S01"), false, false },
        { "store staff who identified them today", new("s", AccessRoles.Store, StoreId: "S01"), true, true },
    };

    [Theory]
    [MemberData(nameof(ReadsOfUnknown))]
    public void a_customer_nothing_is_known_of_is_read_by_admins_and_the_store_that_identified_them(string _, Viewer viewer, bool walkedIn, bool allowed) =>
        Assert.Equal(allowed, AccessRules.MayRead(viewer, null, walkedIn));

    public static TheoryData<Viewer, string, string, bool> Topics => new()
    {
        { new("s", AccessRoles.Store, StoreId: "S01"), "store", "S01", true },
        { new("s", AccessRoles.Store, StoreId: "S01"), "store", "S02", false },
        { new("am", AccessRoles.AccountManager, ManagerId: "AM01"), "portfolio", "AM01", true },
        { new("am", AccessRoles.AccountManager, ManagerId: "AM01"), "portfolio", "AM02", false },
        { new("pm", AccessRoles.PhoneManager, ManagerId: "AM01"), "portfolio", "AM01", false },
        { new("pm", AccessRoles.PhoneManager, ManagerId: "PM01"), "alerts", "PM01", true },
        { new("sup", AccessRoles.Supervisor, Region: "north"), "tiers", "north", true },
        { new("sup", AccessRoles.Supervisor, Region: "north"), "tiers", "south", false },
        { new("root", AccessRoles.Admin), "tiers", "south", true },
        { new("sup", AccessRoles.Supervisor, Region: "north"), "everything", "north", false },
        { new("root", AccessRoles.Admin), "everything", "north", false },
        { new("s", AccessRoles.Store, StoreId: "S01"), "workorders", "store:S01", true },
        { new("s", AccessRoles.Store, StoreId: "S01"), "workorders", "workorders:store:S01", true },
        { new("s", AccessRoles.Store, StoreId: "S01"), "workorders", "store:S02", false },
        { new("am", AccessRoles.AccountManager, ManagerId: "AM01"), "workorders", "account-manager:AM01", true },
        { new("am", AccessRoles.AccountManager, ManagerId: "AM01"), "workorders", "store:S01", false },
        { new("pm", AccessRoles.PhoneManager, ManagerId: "PM01"), "workorders", "phone-manager:PM01", true },
        { new("pm", AccessRoles.PhoneManager, ManagerId: "PM01"), "workorders", "phone-manager:PM02", false },
        { new("sup", AccessRoles.Supervisor, Region: "north"), "workorders", "store:S01", false },
        { new("root", AccessRoles.Admin), "workorders", "store:S02", true },
        { new("root", AccessRoles.Admin), "workorders", "everything", false },
        { new("root", AccessRoles.Admin), "workorders", "store:S 1", false },
    };

    [Theory]
    [MemberData(nameof(Topics))]
    public void who_may_follow_a_list_or_inbox_topic(Viewer viewer, string kind, string key, bool allowed) =>
        Assert.Equal(allowed, AccessRules.MayFollow(viewer, kind, key));

    public static TheoryData<string, Viewer, bool, bool, bool> CustomerTopics => new()
    {
        { "the account manager", new("am", AccessRoles.AccountManager, ManagerId: "AM01"), true, false, true },
        { "another account manager", new("am", AccessRoles.AccountManager, ManagerId: "AM02"), true, false, false },
        { "an account manager, customer unknown", new("am", AccessRoles.AccountManager, ManagerId: "AM01"), false, false, false },
        { "a supervisor of the region", new("sup", AccessRoles.Supervisor, Region: "north"), true, false, true },
        { "store staff before a walk-in", new("s", AccessRoles.Store, StoreId: "S01"), true, false, false },
        { "store staff after a walk-in", new("s", AccessRoles.Store, StoreId: "S01"), true, true, true },
        { "admin, customer unknown", new("root", AccessRoles.Admin), false, false, true },
        { "a producer", new("feed", AccessRoles.Ingest), true, true, false },
    };

    [Theory]
    [MemberData(nameof(CustomerTopics))]
    public void a_customer_topic_is_followed_by_whoever_may_read_the_customer(string _, Viewer viewer, bool known, bool walkedIn, bool allowed) =>
        Assert.Equal(allowed, AccessRules.MayFollow(viewer, TopicKinds.Customer, "C1", known ? Customer : null, walkedIn));

    [Fact]
    public void a_customer_topic_is_not_decided_on_another_customers_facts() =>
        Assert.False(AccessRules.MayFollow(new Viewer("am", AccessRoles.AccountManager, ManagerId: "AM01"), TopicKinds.Customer, "C2", Customer));

    [Theory]
    [InlineData(AccessRoles.PhoneManager, "PM01", AlertKind.Complaint, "PM01", true)]
    [InlineData(AccessRoles.PhoneManager, "PM07", AlertKind.Complaint, "PM07", true)]
    [InlineData(AccessRoles.PhoneManager, "PM02", AlertKind.Complaint, "PM07", false)]
    [InlineData(AccessRoles.AccountManager, "AM01", AlertKind.Complaint, "PM01", false)]
    [InlineData(AccessRoles.AccountManager, "AM01", AlertKind.WalkIn, "S01", true)]
    [InlineData(AccessRoles.Store, "S01", AlertKind.WalkIn, "S01", true)]
    [InlineData(AccessRoles.Store, "S02", AlertKind.WalkIn, "S01", false)]
    [InlineData(AccessRoles.Supervisor, "north", AlertKind.WalkIn, "S01", false)]
    public void who_may_act_on_an_alert(string role, string scope, AlertKind kind, string owner, bool allowed)
    {
        var viewer = new Viewer("u", role, StoreId: scope, ManagerId: scope, Region: scope);
        var alert = new AlertView("A1", kind, AlertCategory.Service, AlertSeverity.Medium, AlertState.Open, new ReasonView("x", "x"), DateTimeOffset.UnixEpoch, owner, null);
        Assert.Equal(allowed, AccessRules.MayActOnAlert(viewer, Customer, alert));
    }

    [Fact]
    public void only_store_staff_see_personal_data_masked() =>
        Assert.Equal([true, false, false, false, false], new[] { AccessRoles.Store, AccessRoles.AccountManager, AccessRoles.PhoneManager, AccessRoles.Supervisor, AccessRoles.Admin }
            .Select(role => AccessRules.Masks(new Viewer("u", role))));

    [Theory]
    [InlineData(AccessRoles.AccountManager, TouchpointKind.Visit, false, true)]
    [InlineData(AccessRoles.AccountManager, TouchpointKind.WalkIn, false, false)]
    [InlineData(AccessRoles.Admin, TouchpointKind.WalkIn, false, false)]
    [InlineData(AccessRoles.Store, TouchpointKind.WalkIn, true, false)]
    [InlineData(AccessRoles.Store, TouchpointKind.Complaint, true, true)]
    [InlineData(AccessRoles.Store, TouchpointKind.Complaint, false, false)]
    [InlineData(AccessRoles.PhoneManager, TouchpointKind.Call, false, true)]
    [InlineData(AccessRoles.Supervisor, TouchpointKind.Visit, false, false)]
    public void a_walk_in_is_never_recorded_as_a_plain_touchpoint(string role, TouchpointKind kind, bool walkedIn, bool allowed)
    {
        var viewer = new Viewer("u", role, StoreId: "S01", ManagerId: role == AccessRoles.PhoneManager ? "PM01" : "AM01", Region: "north");
        Assert.Equal(allowed, AccessRules.MayRecordTouchpoint(viewer, Customer, kind, walkedIn));
    }

    [Theory]
    [InlineData(AccessRoles.Store, "S01", "S01", true)]
    [InlineData(AccessRoles.Store, "S01", "S02", false)]
    [InlineData(AccessRoles.Store, null, "S01", false)]
    [InlineData(AccessRoles.AccountManager, "S01", "S01", false)]
    [InlineData(AccessRoles.PhoneManager, "S01", "S01", false)]
    [InlineData(AccessRoles.Supervisor, "S01", "S01", false)]
    [InlineData(AccessRoles.Admin, null, "S07", true)]
    public void only_the_stores_own_staff_or_an_admin_record_walk_ins_there(string role, string? store, string at, bool allowed) =>
        Assert.Equal(allowed, AccessRules.MayRecordWalkIn(new Viewer("u", role, StoreId: store, ManagerId: store), at));

    // The customer is of region north, home store S01.
    [Theory]
    [InlineData(WalkInScope.Region, "S07", "north", true)]
    [InlineData(WalkInScope.Region, "S01", "south", false)]
    [InlineData(WalkInScope.Region, "S01", null, false)]
    [InlineData(WalkInScope.HomeStore, "S01", "south", true)]
    [InlineData(WalkInScope.HomeStore, "S07", "north", false)]
    [InlineData(WalkInScope.Anywhere, "S07", "south", true)]
    [InlineData(WalkInScope.Anywhere, null, "north", false)]
    public void store_staff_identify_customers_within_the_walk_in_scope(WalkInScope scope, string? store, string? region, bool allowed) =>
        Assert.Equal(allowed, AccessRules.MayIdentify(new Viewer("s", AccessRoles.Store, StoreId: store, Region: region), Customer, scope));

    [Theory]
    [InlineData(AccessRoles.Store, false)]
    [InlineData(AccessRoles.AccountManager, false)]
    [InlineData(AccessRoles.Admin, true)]
    public void an_unknown_number_is_identified_by_nobody_but_an_admin(string role, bool allowed) =>
        Assert.Equal(allowed, AccessRules.MayIdentify(new Viewer("u", role, StoreId: "S01", Region: "north"), null, WalkInScope.Anywhere));

    [Theory]
    [InlineData(AccessRoles.Store, "S01", null, "store01", "store:S01")]
    [InlineData(AccessRoles.AccountManager, null, "AM01", "am01", "account-manager:AM01")]
    [InlineData(AccessRoles.PhoneManager, null, "PM01", "pm01", "phone-manager:PM01")]
    [InlineData(AccessRoles.Admin, null, null, "admin", "admin:admin")]
    [InlineData(AccessRoles.Store, null, null, "store-without-scope", null)]
    [InlineData(AccessRoles.Supervisor, null, null, "sup-north", null)]
    [InlineData(AccessRoles.Ingest, null, null, "feed", null)]
    public void each_viewer_follows_the_work_order_inbox_of_their_role_and_scope(string role, string? store, string? manager, string user, string? inbox) =>
        Assert.Equal(inbox, AccessRules.InboxOf(new Viewer(user, role, store, manager)));

    [Theory]
    [InlineData(AccessRoles.PhoneManager, "PM01", true)]
    [InlineData(AccessRoles.PhoneManager, "PM02", false)]
    [InlineData(AccessRoles.PhoneManager, null, false)]
    [InlineData(AccessRoles.AccountManager, "AM01", true)]
    [InlineData(AccessRoles.AccountManager, "AM02", false)]
    [InlineData(AccessRoles.Admin, null, true)]
    [InlineData(AccessRoles.Store, "S01", false)]
    [InlineData(AccessRoles.Supervisor, null, false)]
    public void only_the_customers_own_managers_and_administrators_dispatch_work_orders(string role, string? manager, bool allowed)
    {
        var viewer = new Viewer("u", role, StoreId: manager, ManagerId: manager);
        Assert.Equal(allowed, AccessRules.MayDispatch(viewer) && AccessRules.MayDispatchFor(viewer, Customer));
    }

    [Theory]
    [InlineData(AccessRoles.PhoneManager, "PM01", false)]
    [InlineData(AccessRoles.AccountManager, "AM01", false)]
    [InlineData(AccessRoles.Admin, null, true)]
    public void nobody_but_an_admin_dispatches_for_a_customer_nothing_is_known_of(string role, string? manager, bool allowed) =>
        Assert.Equal(allowed, AccessRules.MayDispatchFor(new Viewer("u", role, ManagerId: manager), null));

    private static readonly Addressee StoreS01 = new(AddresseeKind.Store, "S01");
    private static readonly Addressee Am01 = new(AddresseeKind.AccountManager, "AM01");

    [Theory]
    [InlineData(AccessRoles.Store, "S01", null, "store", true)]
    [InlineData(AccessRoles.Store, "S02", null, "store", false)]
    [InlineData(AccessRoles.AccountManager, null, "AM01", "store", false)]
    [InlineData(AccessRoles.AccountManager, null, "AM01", "account-manager", true)]
    [InlineData(AccessRoles.Store, "S01", null, "account-manager", false)]
    [InlineData(AccessRoles.PhoneManager, null, "PM01", "store", false)]
    [InlineData(AccessRoles.Admin, null, null, "account-manager", true)]
    public void only_the_addressee_or_an_administrator_takes_a_work_order_step(string role, string? store, string? manager, string addressedTo, bool allowed) =>
        Assert.Equal(allowed, AccessRules.MayActOnWorkOrder(new Viewer("u", role, store, manager), addressedTo == "store" ? StoreS01 : Am01));

    [Theory]
    [InlineData(AccessRoles.Store, "S01", null, "store01", true)]
    [InlineData(AccessRoles.PhoneManager, null, "PM01", "pm01", true)]
    [InlineData(AccessRoles.PhoneManager, null, "PM02", "pm02", false)]
    [InlineData(AccessRoles.AccountManager, null, "AM01", "am01", false)]
    [InlineData(AccessRoles.Supervisor, null, null, "sup-north", false)]
    [InlineData(AccessRoles.Admin, null, null, "admin", true)]
    public void a_work_order_is_read_by_its_addressee_its_dispatcher_and_administrators(string role, string? store, string? manager, string user, bool allowed)
    {
        var order = new WorkOrder("WO-1", "C1", WorkOrderKind.Sim, StoreS01, new Dispatcher("pm01", AccessRoles.PhoneManager, "phone-manager:PM01"),
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), null, WorkOrderState.Dispatched, 1, DateTimeOffset.UnixEpoch, "pm01");
        Assert.Equal(allowed, AccessRules.MayReadWorkOrder(new Viewer(user, role, store, manager), order));
    }

    [Theory]
    [InlineData("C1", true)]
    [InlineData("C-1_a.b", true)]
    [InlineData("", false)]
    [InlineData("C 1", false)]
    [InlineData("C1/../x", false)]
    [InlineData("客户1", false)]
    public void ids_are_checked_for_shape_before_anything_is_looked_up(string id, bool valid) => Assert.Equal(valid, Ids.IsId(id));

    [Fact]
    public void ids_are_at_most_64_characters() => Assert.Equal([true, false], new[] { new string('a', 64), new string('a', 65) }.Select(Ids.IsId));
}
