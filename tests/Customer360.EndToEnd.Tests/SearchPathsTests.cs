using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Gateway.Search;
using Customer360.Testing;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// How <c>GET /api/v1/customers</c> reads q and counts, over real HTTP and PostgreSQL: an id or a number is an
/// exact lookup, text a case-insensitive name prefix; a count past the cap says it is a lower bound; and scope
/// bounds what is found and counted either way.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SearchPathsTests(SystemFixture system)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task an_id_or_a_number_is_an_exact_lookup_and_text_a_case_insensitive_name_prefix()
    {
        await Feed.PostAsync(system.Http,
            Registered("SP1", "sp1-reg", msisdn: "13955501001", name: "Ouyang Xue"),
            Registered("SP2", "sp2-reg", msisdn: "13955501002", name: "Ouyangfei Lan"),
            Registered("SP3", "sp3-reg", msisdn: "13955501003", name: "欧阳娜"),
            Registered("SP4", "sp4-reg", msisdn: "13955501004", name: "Ouyang Bo", region: "south", homeStoreId: "S02",
                accountManagerId: "AM02", phoneManagerId: "PM02"));
        using var admin = await system.Gateway.CreateSignedInClientAsync("admin");
        await Eventually.GetAsync(() => IdsAsync(admin, "ouyang"), ids => ids.Count == 3, Timeout, "SP1, SP2 and SP4 in the read model");
        await Eventually.GetAsync(() => IdsAsync(admin, "SP3"), ids => ids.Count == 1, Timeout, "SP3 in the read model");

        Assert.Equal(["SP1"], await IdsAsync(admin, "SP1"));
        Assert.Equal(["SP2"], await IdsAsync(admin, "13955501002"));
        // Numbers and ids are looked up whole, never as a prefix of other numbers or ids.
        Assert.Empty(await IdsAsync(admin, "1395550100"));
        Assert.Empty(await IdsAsync(admin, "SP"));
        // A name prefix in any case, in pinyin or in characters; LIKE wildcards in q are plain characters.
        Assert.Equal(["SP1", "SP2", "SP4"], (await IdsAsync(admin, "OUYANG")).Order(StringComparer.Ordinal));
        Assert.Equal(["SP1"], await IdsAsync(admin, "ouyang x"));
        Assert.Equal(["SP3"], await IdsAsync(admin, "欧阳"));
        Assert.Empty(await IdsAsync(admin, "Ouy_ng"));
        Assert.Empty(await IdsAsync(admin, "%yang"));

        var page = await PageAsync(admin, "/api/v1/customers?q=ouyang");
        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.False(page.GetProperty("totalAtLeast").GetBoolean());

        // Each path stays inside the caller's scope: SP4 is AM02's, in the south.
        using var am = await system.Gateway.CreateSignedInClientAsync("am01");
        Assert.Equal(["SP1", "SP2"], (await IdsAsync(am, "ouyang")).Order(StringComparer.Ordinal));
        Assert.Empty(await IdsAsync(am, "SP4"));
        Assert.Empty(await IdsAsync(am, "13955501004"));
        using var supervisor = await system.Gateway.CreateSignedInClientAsync("sup-north");
        Assert.DoesNotContain("SP4", await IdsAsync(supervisor, "Ouyang"));
        var outside = await PageAsync(supervisor, "/api/v1/customers?q=SP4");
        Assert.Equal(0, outside.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task a_count_past_the_cap_says_it_is_a_lower_bound_and_never_counts_outside_the_scope()
    {
        // More customers of one name than the count goes up to, in a region and with managers no demo user has.
        const int Many = CustomerSearch.CountCap + 1;
        for (var from = 0; from < Many; from += 250)
            await Feed.PostAsync(system.Http, [.. Enumerable.Range(from, Math.Min(250, Many - from)).Select(i =>
                (JsonNode)Registered($"SPC{i:D4}", $"spc{i:D4}-reg", msisdn: $"1397770{i:D4}", name: $"Capcount {i:D4}", region: "capland",
                    homeStoreId: "S90", accountManagerId: "AM90", phoneManagerId: "PM90"))]);
        using var admin = await system.Gateway.CreateSignedInClientAsync("admin");
        // The last page is short, so its total is exact without counting further.
        var last = await Eventually.GetAsync(() => PageAsync(admin, $"/api/v1/customers?q=capcount&page={CustomerSearch.CountCap / CustomerSearch.PageSize + 1}"),
            p => p.GetProperty("total").GetInt64() == Many, Timeout, "every Capcount customer in the read model");
        Assert.False(last.GetProperty("totalAtLeast").GetBoolean());
        Assert.Equal(1, last.GetProperty("customers").GetArrayLength());

        // The first page: counting stops at the cap, and the answer says so — by name prefix and by filter alike.
        foreach (var path in (string[])["/api/v1/customers?q=capcount", "/api/v1/customers?region=capland"])
        {
            var first = await PageAsync(admin, path);
            Assert.Equal(CustomerSearch.CountCap, first.GetProperty("total").GetInt64());
            Assert.True(first.GetProperty("totalAtLeast").GetBoolean(), path);
            Assert.Equal(CustomerSearch.PageSize, first.GetProperty("customers").GetArrayLength());
        }
        var second = await PageAsync(admin, "/api/v1/customers?region=capland&page=2");
        Assert.Equal(CustomerSearch.PageSize, second.GetProperty("customers").GetArrayLength());
        var firstIds = (await IdsAsync(admin, "capcount")).ToHashSet();
        Assert.DoesNotContain(second.GetProperty("customers").EnumerateArray(), c => firstIds.Contains(c.GetProperty("customerId").GetString()!));

        // Out of scope, none of them is found or counted.
        foreach (var user in (string[])["am01", "pm01", "sup-north", "store01"])
        {
            using var http = await system.Gateway.CreateSignedInClientAsync(user);
            var page = await PageAsync(http, "/api/v1/customers?q=capcount");
            Assert.Equal(0, page.GetProperty("total").GetInt64());
            Assert.False(page.GetProperty("totalAtLeast").GetBoolean());
        }

        // Pages are bounded: past the last one, a narrower search is the way on.
        using var deep = await admin.GetAsync($"/api/v1/customers?page={SearchFilters.MaxPage + 1}");
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Contains("narrow the search", await deep.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task the_openapi_document_describes_the_lower_bound_flag()
    {
        var document = await PageAsync(system.Admin, "/openapi/v1.json");
        var page = document.GetProperty("components").GetProperty("schemas").GetProperty(nameof(SearchPage));
        var flag = page.GetProperty("properties").GetProperty("totalAtLeast");
        Assert.Equal("boolean", flag.GetProperty("type").GetString());
        Assert.Contains("at least", flag.GetProperty("description").GetString());
    }

    private static async Task<JsonElement> PageAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<string>> IdsAsync(HttpClient http, string q) =>
        [.. (await PageAsync(http, $"/api/v1/customers?q={Uri.EscapeDataString(q)}")).GetProperty("customers").EnumerateArray()
            .Select(c => c.GetProperty("customerId").GetString()!)];
}
