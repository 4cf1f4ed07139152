using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Testing;

namespace Customer360.EndToEnd.Tests;

/// <summary><c>GET /api/v1/rules/history</c>: every accepted rules change, who, when, before and after; and its audit entry.</summary>
[Collection(SystemCollection.Name)]
public sealed class RulesHistoryTests(SystemFixture system)
{
    private async Task<JsonElement[]> HistoryAsync(string query = "")
    {
        var response = await system.Admin.GetAsync("/api/v1/rules/history" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    [Fact]
    public async Task an_accepted_change_is_listed_newest_first_with_who_when_before_and_after_and_is_audited()
    {
        var rules = (await system.Admin.GetFromJsonAsync<JsonObject>("/api/v1/rules"))!;
        var version = rules["version"]!.GetValue<long>();
        // The same values again: a change all the same, without moving anyone's tier under the other tests.
        var started = DateTimeOffset.UtcNow;
        var put = await system.Admin.PutAsJsonAsync("/api/v1/rules", rules);
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var second = (await put.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.OK, (await system.Admin.PutAsJsonAsync("/api/v1/rules", second)).StatusCode);

        var history = await HistoryAsync();
        var versions = history.Select(c => c.GetProperty("version").GetInt64()).ToList();
        Assert.Equal(versions.OrderDescending(), versions);
        Assert.Equal([version + 2, version + 1], versions.Take(2));
        var change = history[1];
        Assert.Equal("admin", change.GetProperty("changedBy").GetString());
        Assert.InRange(change.GetProperty("changedAt").GetDateTimeOffset(), started.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal(version, change.GetProperty("before").GetProperty("version").GetInt64());
        Assert.Equal(version + 1, change.GetProperty("after").GetProperty("version").GetInt64());
        Assert.Equal(rules["midHighA3"]!.GetValue<decimal>(), change.GetProperty("after").GetProperty("midHighA3").GetDecimal());
        Assert.Single(await HistoryAsync("?limit=1"));
        Assert.Equal(version + 1, Assert.Single(await HistoryAsync($"?before={version + 2}&limit=1")).GetProperty("version").GetInt64());

        var audited = await system.Admin.GetFromJsonAsync<JsonElement[]>("/api/v1/audit?kind=rules&user=admin");
        Assert.Contains(audited!, e => e.GetProperty("through").GetString() == "PUT /api/v1/rules"
            && e.GetProperty("detail").GetString()!.EndsWith($"-> {version + 2}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_refused_change_leaves_no_history()
    {
        var rules = (await system.Admin.GetFromJsonAsync<JsonObject>("/api/v1/rules"))!;
        var before = (await HistoryAsync()).Length;
        var bad = rules.DeepClone().AsObject();
        bad["midHighA3"] = -1;
        Assert.Equal(HttpStatusCode.BadRequest, (await system.Admin.PutAsJsonAsync("/api/v1/rules", bad)).StatusCode);
        var stale = rules.DeepClone().AsObject();
        stale["version"] = 0;
        Assert.Equal(HttpStatusCode.Conflict, (await system.Admin.PutAsJsonAsync("/api/v1/rules", stale)).StatusCode);

        Assert.Equal(before, (await HistoryAsync()).Length);
    }

    [Fact]
    public async Task a_row_left_by_a_change_whose_store_failed_is_not_listed_and_the_change_that_stood_is()
    {
        var rules = (await system.Admin.GetFromJsonAsync<JsonObject>("/api/v1/rules"))!;
        var next = rules["version"]!.GetValue<long>() + 1;
        // What the rules grain leaves behind when PostgreSQL fails between the history row and the settings.
        await system.Db.ExecuteAsync($$"""
            insert into c360_rules_history (version, changed_at, changed_by, before, after)
            values ({{next}}, now(), 'lost-change', '{}', '{}')
            """);
        Assert.DoesNotContain(await HistoryAsync(), c => c.GetProperty("changedBy").GetString() == "lost-change");

        Assert.Equal(HttpStatusCode.OK, (await system.Admin.PutAsJsonAsync("/api/v1/rules", rules)).StatusCode);
        var stood = (await HistoryAsync())[0];
        Assert.Equal((next, "admin"), (stood.GetProperty("version").GetInt64(), stood.GetProperty("changedBy").GetString()));
        Assert.DoesNotContain(await HistoryAsync(), c => c.GetProperty("changedBy").GetString() == "lost-change");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("am01", HttpStatusCode.Forbidden)]
    [InlineData("sup-north", HttpStatusCode.Forbidden)]
    [InlineData("feed", HttpStatusCode.Forbidden)]
    public async Task only_an_administrator_may_read_the_rules_history(string? user, HttpStatusCode expected)
    {
        using var http = user is null ? system.Gateway.CreateHttpClient() : await system.Gateway.CreateSignedInClientAsync(user);
        Assert.Equal(expected, (await http.GetAsync("/api/v1/rules/history")).StatusCode);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    [InlineData("?before=first", "before")]
    public async Task a_bad_parameter_is_refused_naming_it(string query, string parameter)
    {
        var response = await system.Admin.GetAsync("/api/v1/rules/history" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(parameter, out _));
    }
}
