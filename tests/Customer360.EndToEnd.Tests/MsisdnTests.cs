using System.Net;
using System.Text.Json.Nodes;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class MsisdnTests(SystemFixture system)
{
    private static JsonObject DataByNumber(string msisdn, string eventId, decimal mb) => new()
    {
        ["eventId"] = eventId,
        ["msisdn"] = msisdn,
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"),
        ["type"] = "usage.data",
        ["payload"] = new JsonObject { ["mb"] = mb },
    };

    [Fact]
    public async Task an_event_naming_only_the_phone_number_lands_on_its_customer()
    {
        await Feed.PostAsync(system.Http, Registered("N1", "n1-reg", msisdn: "13712345678"));
        var answer = await Feed.PostAsync(system.Http, DataByNumber("13712345678", "n1-d1", 21));
        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        var profile = await Feed.ProfileAsync(system.Admin, "N1");
        Assert.Equal(21m, profile.GetProperty("usage").GetProperty("dataMb").GetDecimal());
    }

    [Fact]
    public async Task an_unknown_number_is_rejected_alone_with_the_number_masked()
    {
        await Feed.PostAsync(system.Http, Registered("N2", "n2-reg", msisdn: "13712340002"));
        var answer = await Feed.PostAsync(system.Http, DataByNumber("13700000000", "n2-x", 1), DataByNumber("13712340002", "n2-d", 1));
        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(answer.GetProperty("rejected").EnumerateArray());
        Assert.Equal("no customer has msisdn 137****0000", rejected.GetProperty("error").GetString());
    }

    [Fact]
    public async Task a_number_moved_by_a_later_update_finds_its_new_customer_and_by_msisdn_reads_the_profile()
    {
        await Feed.PostAsync(system.Http, Registered("N3", "n3-reg", msisdn: "13712340003"), Registered("N4", "n4-reg", msisdn: "13712340004"));
        var move = new JsonObject
        {
            ["eventId"] = "n4-upd", ["customerId"] = "N4", ["occurredAt"] = DateTimeOffset.UtcNow.AddSeconds(1).ToString("O"),
            ["type"] = "customer.updated", ["payload"] = new JsonObject { ["msisdn"] = "13712340003" },
        };
        await Feed.PostAsync(system.Http, move);

        var profile = await Feed.ProfileAsync(system.Admin, "by-msisdn/13712340003");
        Assert.Equal("N4", profile.GetProperty("customerId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await system.Admin.GetAsync("/api/v1/customers/by-msisdn/13799999999")).StatusCode);
    }
}
