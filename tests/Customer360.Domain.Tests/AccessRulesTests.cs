using Customer360.Domain.Access;
using Customer360.Domain.Derived;
using Customer360.Domain.Views;

namespace Customer360.Domain.Tests;

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
    };

    [Theory]
    [MemberData(nameof(Topics))]
    public void who_may_follow_a_list_topic(Viewer viewer, string kind, string key, bool allowed) =>
        Assert.Equal(allowed, AccessRules.MayFollow(viewer, kind, key));

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
}
