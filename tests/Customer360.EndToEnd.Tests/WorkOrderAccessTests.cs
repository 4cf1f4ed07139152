using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360.Grains.Rules;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Work-order access through the one access model, over real HTTP and SignalR: an inbox is read over REST by
/// exactly those who may follow it on the hub, and a dispatch for a customer who is not the caller's answers
/// like one for a customer who does not exist, loads no profile, and is audited. (The rules row by row are in
/// the domain's AccessRulesTests.)
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class WorkOrderAccessTests(SystemFixture system)
{
    public static TheoryData<string, string, bool> Inboxes => new()
    {
        { "store01", "store:S01", true },
        { "store01", "store:S02", false },
        { "am01", "account-manager:AM01", true },
        { "am01", "store:S01", false },
        { "pm01", "phone-manager:PM01", true },
        { "pm01", "phone-manager:PM02", false },
        { "sup-north", "store:S01", false },
        { "admin", "store:S02", true },
    };

    [Theory]
    [MemberData(nameof(Inboxes))]
    public async Task an_inbox_is_read_over_rest_by_exactly_those_who_may_follow_it_on_the_hub(string user, string inbox, bool allowed)
    {
        using var http = await system.Gateway.CreateSignedInClientAsync(user);
        using var rest = await http.GetAsync($"/api/v1/work-orders?addressee={inbox}");
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, rest.StatusCode);

        await using var console = await TestConsole.ConnectAsync(system.Gateway, user);
        if (allowed) Assert.Equal($"workorders:{inbox}", (await console.SubscribeAsync($"workorders:{inbox}")).GetProperty("topic").GetString());
        else Assert.Contains("not allowed", (await Assert.ThrowsAsync<HubException>(() => console.SubscribeAsync($"workorders:{inbox}"))).Message);
    }

    [Fact]
    public async Task a_dispatch_for_a_customer_not_the_callers_answers_like_one_for_nobody_loads_no_profile_and_is_audited()
    {
        await Feed.PostAsync(system.Http, Registered("WA1", "wa1-reg", msisdn: "13912370001", region: "south", homeStoreId: "S02", accountManagerId: "AM02", phoneManagerId: "PM02"));
        var active = system.Silo.Services.GetRequiredService<ActiveCustomers>();
        var management = system.Silo.Grains.GetGrain<Orleans.Runtime.IManagementGrain>(0);
        await Customer360.Testing.Eventually.GetAsync(async () =>
        {
            await management.ForceActivationCollection(TimeSpan.Zero);
            return active.Contains("WA1");
        }, isActive => !isActive, TimeSpan.FromSeconds(20), "WA1 idle");

        using var pm = await system.Gateway.CreateSignedInClientAsync("pm01");
        async Task<(HttpStatusCode, string)> DispatchAsync(string customerId)
        {
            using var response = await pm.PostAsJsonAsync("/api/v1/work-orders", new
            {
                customerId, kind = "sim", addressee = new { kind = "store", id = "S01" }, dueAt = DateTimeOffset.UtcNow.AddHours(4),
            });
            var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
            return (response.StatusCode, detail.Replace(customerId, "#"));
        }

        var foreign = await DispatchAsync("WA1");
        var nobody = await DispatchAsync("WA-NOBODY");
        Assert.Equal(HttpStatusCode.Forbidden, foreign.Item1);
        Assert.Equal(foreign, nobody);
        Assert.False(active.Contains("WA1"), "a refused dispatch loaded the customer's profile");

        var entries = await Customer360.Testing.Eventually.GetAsync(
            async () => (await system.Admin.GetFromJsonAsync<JsonElement[]>("/api/v1/audit?customerId=WA1&user=pm01"))!,
            e => e.Length > 0, TimeSpan.FromSeconds(15), "the refused dispatch in the audit log");
        Assert.StartsWith("denied: ", entries[0].GetProperty("detail").GetString());
        Assert.StartsWith("POST /api/v1/work-orders", entries[0].GetProperty("through").GetString());
    }
}
