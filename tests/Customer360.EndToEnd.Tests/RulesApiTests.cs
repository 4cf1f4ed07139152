using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Testing;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class RulesApiTests(SystemFixture system)
{
    private HttpClient Http => system.Http;

    private static JsonObject Bill(string customerId, string eventId, string month, decimal amount) => new()
    {
        ["eventId"] = eventId,
        ["customerId"] = customerId,
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"),
        ["type"] = "billing.closed",
        ["payload"] = new JsonObject { ["month"] = month, ["amount"] = amount },
    };

    private static string MonthsAgo(int n) => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMonths(-n).ToString("yyyy-MM");

    [Fact]
    public async Task a_bad_setting_is_refused_naming_it_and_the_settings_in_force_stay()
    {
        var before = await system.Admin.GetFromJsonAsync<JsonObject>("/api/v1/rules");
        var bad = before!.DeepClone().AsObject();
        bad["midHighA3"] = -1;
        var response = await system.Admin.PutAsJsonAsync("/api/v1/rules", bad);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MidHighA3", await response.Content.ReadAsStringAsync());
        var after = await system.Admin.GetFromJsonAsync<JsonObject>("/api/v1/rules");
        Assert.Equal(before["version"]!.GetValue<long>(), after!["version"]!.GetValue<long>());
        Assert.Equal(before["midHighA3"]!.GetValue<decimal>(), after["midHighA3"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task a_rules_change_reaches_an_active_profile_without_a_restart_or_a_new_event()
    {
        await Feed.PostAsync(Http, Registered("RU1", "ru1-reg", joinedOn: "2020-01-01"),
            Bill("RU1", "ru1-b3", MonthsAgo(3), 100), Bill("RU1", "ru1-b2", MonthsAgo(2), 100), Bill("RU1", "ru1-b1", MonthsAgo(1), 100));
        var profile = await Feed.ProfileAsync(system.Admin, "RU1");
        Assert.Equal("mass", profile.GetProperty("derived").GetProperty("tier").GetProperty("tier").GetString());

        var rules = (await system.Admin.GetFromJsonAsync<JsonObject>("/api/v1/rules"))!;
        try
        {
            var lower = rules.DeepClone().AsObject();
            lower["midHighA3"] = 300;
            lower["starLines"] = new JsonArray(50, 100, 200);
            var put = await system.Admin.PutAsJsonAsync("/api/v1/rules", lower);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);

            var upgraded = await Eventually.GetAsync(() => Feed.ProfileAsync(system.Admin, "RU1"),
                p => p.GetProperty("derived").GetProperty("tier").GetProperty("tier").GetString() == "mid-high",
                TimeSpan.FromSeconds(15), "RU1 re-tiered under the new settings");
            Assert.True(upgraded.GetProperty("derived").GetProperty("rulesVersion").GetInt64() > rules["version"]!.GetValue<long>());
        }
        finally
        {
            var current = (await system.Admin.GetFromJsonAsync<JsonObject>("/api/v1/rules"))!;
            rules["version"] = current["version"]!.GetValue<long>();
            await system.Admin.PutAsJsonAsync("/api/v1/rules", rules);
        }
    }

    [Fact]
    public async Task a_stale_rules_version_is_a_conflict()
    {
        var rules = (await system.Admin.GetFromJsonAsync<JsonObject>("/api/v1/rules"))!;
        rules["version"] = rules["version"]!.GetValue<long>() - 1;
        var response = await system.Admin.PutAsJsonAsync("/api/v1/rules", rules);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task reasons_are_worded_in_the_requested_language()
    {
        await Feed.PostAsync(Http, Registered("RL1", "rl1-reg"));
        var en = await Feed.ProfileAsync(system.Admin, "RL1");
        using var zhRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/customers/RL1");
        zhRequest.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var zh = await (await system.Admin.SendAsync(zhRequest)).Content.ReadFromJsonAsync<JsonElement>();
        string Text(JsonElement p) => p.GetProperty("derived").GetProperty("stage").GetProperty("reason").GetProperty("text").GetString()!;
        Assert.NotEqual(Text(en), Text(zh));
        Assert.Contains(Text(zh), c => c >= 0x4E00 && c <= 0x9FFF);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("am01", HttpStatusCode.Forbidden)]
    [InlineData("sup-north", HttpStatusCode.Forbidden)]
    public async Task only_an_administrator_may_change_the_rules(string? user, HttpStatusCode expected)
    {
        using var http = user is null ? system.Gateway.CreateHttpClient() : await system.Gateway.CreateSignedInClientAsync(user);
        var rules = await system.Admin.GetFromJsonAsync<JsonObject>("/api/v1/rules");
        var response = await http.PutAsJsonAsync("/api/v1/rules", rules);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task a_wrong_password_gets_no_token()
    {
        var response = await Http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "guess" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("token\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task a_token_carries_the_role_and_scope_of_the_user()
    {
        var response = await Http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "store01", password = "demo123" });
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("store", "S01"), (token.GetProperty("role").GetString(), token.GetProperty("storeId").GetString()));
        Assert.True(token.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
    }
}
