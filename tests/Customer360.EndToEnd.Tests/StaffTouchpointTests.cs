using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>Touchpoints staff record through the console: who recorded it comes from the token, and each role within its scope.</summary>
[Collection(SystemCollection.Name)]
public sealed class StaffTouchpointTests(SystemFixture system)
{
    [Fact]
    public async Task the_account_manager_writes_a_note_and_a_visit_that_land_on_the_profile_and_timeline()
    {
        await Feed.PostAsync(system.Http, Registered("TP1", "tp1-reg", msisdn: "13912360001"));
        using var am = await system.Gateway.CreateSignedInClientAsync("am01");
        using var note = await am.PostAsJsonAsync("/api/v1/customers/TP1/touchpoints",
            new { channel = "account-manager-visit", kind = "note", note = "prefers calls after 6 pm", staffId = "someone-else" });
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        var profile = await note.Content.ReadFromJsonAsync<JsonElement>();
        var recorded = profile.GetProperty("recentTouchpoints")[0];
        Assert.Equal(("note", "am01", "prefers calls after 6 pm"),
            (recorded.GetProperty("kind").GetString(), recorded.GetProperty("staffId").GetString(), recorded.GetProperty("note").GetString()));
        var timeline = await am.GetFromJsonAsync<JsonElement>("/api/v1/customers/TP1/timeline");
        Assert.Equal("touchpoint", timeline[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task a_bad_touchpoint_is_refused_naming_the_field_and_out_of_scope_staff_are_refused()
    {
        await Feed.PostAsync(system.Http, Registered("TP2", "tp2-reg", msisdn: "13912360002", accountManagerId: "AM02", phoneManagerId: "PM02"));
        using var am = await system.Gateway.CreateSignedInClientAsync("am01");
        using var admin = await system.Gateway.CreateSignedInClientAsync("admin");
        using var bad = await admin.PostAsJsonAsync("/api/v1/customers/TP2/touchpoints", new { channel = "fax", kind = "note" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("channel", await bad.Content.ReadAsStringAsync());
        using var foreign = await am.PostAsJsonAsync("/api/v1/customers/TP2/touchpoints", new { channel = "phone-manager", kind = "call" });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        using var supervisor = await system.Gateway.CreateSignedInClientAsync("sup-north");
        await Feed.PostAsync(system.Http, Registered("TP3", "tp3-reg", msisdn: "13912360003"));
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync("/api/v1/customers/TP3/touchpoints", new { channel = "app", kind = "note" })).StatusCode);
    }

    [Fact]
    public async Task store_staff_record_at_their_own_store_and_see_no_notes()
    {
        await Feed.PostAsync(system.Http, Registered("TP4", "tp4-reg", msisdn: "13912360004"));
        using var am = await system.Gateway.CreateSignedInClientAsync("am01");
        await am.PostAsJsonAsync("/api/v1/customers/TP4/touchpoints", new { channel = "account-manager-visit", kind = "note", note = "private remark" });
        using var store = await system.Gateway.CreateSignedInClientAsync("store01");
        Assert.Equal(HttpStatusCode.Forbidden, (await store.PostAsJsonAsync("/api/v1/customers/TP4/touchpoints", new { channel = "store", kind = "visit" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await store.PostAsJsonAsync("/api/v1/stores/S01/walk-ins", new { msisdn = "13912360004" })).StatusCode);

        using var visit = await store.PostAsJsonAsync("/api/v1/customers/TP4/touchpoints", new { channel = "app", kind = "campaign-accepted", storeId = "S99" });
        Assert.Equal(HttpStatusCode.OK, visit.StatusCode);
        var profile = await visit.Content.ReadFromJsonAsync<JsonElement>();
        var latest = profile.GetProperty("recentTouchpoints")[0];
        Assert.Equal(("store", "S01", "store01"), (latest.GetProperty("channel").GetString(), latest.GetProperty("storeId").GetString(), latest.GetProperty("staffId").GetString()));
        Assert.DoesNotContain("private remark", profile.GetRawText());
        var timeline = await store.GetStringAsync("/api/v1/customers/TP4/timeline");
        Assert.Contains("campaign-accepted", timeline);
        Assert.DoesNotContain("private remark", timeline);
    }
}
