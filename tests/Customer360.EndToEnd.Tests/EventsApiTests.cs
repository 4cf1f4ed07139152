using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class EventsApiTests(SystemFixture system)
{
    private HttpClient Http => system.Http;

    [Fact]
    public async Task a_mixed_batch_lands_its_good_events_and_rejects_the_bad_one_alone()
    {
        var bad = Data("H1", "h1-bad", 1);
        bad["payload"]!["mb"] = -5;
        var answer = await Feed.PostAsync(Http, Registered("H1", "h1-reg"), bad, Data("H1", "h1-d1", 40), Data("H1", "h1-d1", 40));

        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(1, answer.GetProperty("duplicates").GetInt32());
        var rejected = Assert.Single(answer.GetProperty("rejected").EnumerateArray());
        Assert.Equal((1, "h1-bad"), (rejected.GetProperty("index").GetInt32(), rejected.GetProperty("eventId").GetString()));
        Assert.Contains("payload.mb must not be negative", rejected.GetProperty("error").GetString());

        var profile = await Feed.ProfileAsync(system.Admin, "H1");
        Assert.Equal(2, profile.GetProperty("version").GetInt64());
        Assert.Equal(40m, profile.GetProperty("usage").GetProperty("dataMb").GetDecimal());
        Assert.Equal("Li Wei", profile.GetProperty("identity").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ndjson_is_accepted_line_by_line_and_a_broken_line_is_rejected_alone()
    {
        var body = string.Join('\n',
            Registered("H2", "h2-reg").ToJsonString(),
            "{not json",
            Data("H2", "h2-d1", 12.5m).ToJsonString()) + "\n";
        var response = await Feed.PostRawAsync(Http, body, "application/x-ndjson");
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        var rejected = Assert.Single(answer.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejected.GetProperty("index").GetInt32());
        Assert.Contains("not valid JSON", rejected.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("{\"eventId\":\"x\"}", "must be a JSON array")]
    [InlineData("[{\"eventId\":\"x\"", "not valid JSON")]
    [InlineData("", "must be a JSON array")]
    public async Task a_malformed_body_gets_400_naming_the_problem(string body, string expected)
    {
        var response = await Feed.PostRawAsync(Http, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task a_batch_over_the_event_limit_gets_413()
    {
        var events = string.Join(',', Enumerable.Range(0, 1001).Select(i => Data("H3", $"h3-{i}", 1).ToJsonString()));
        var response = await Feed.PostRawAsync(Http, $"[{events}]");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task a_large_ndjson_batch_is_ingested_chunk_by_chunk_with_its_bad_lines_rejected_alone()
    {
        // The fixture's chunk is 100 events: this body is stored in three chunks while it is still being read.
        var lines = new List<string> { Registered("H5", "h5-reg").ToJsonString() };
        for (var i = 0; i < 250; i++) lines.Add(i % 100 == 50 ? "{broken" : Data("H5", $"h5-{i}", 2).ToJsonString());
        var response = await Feed.PostRawAsync(Http, string.Join('\n', lines), "application/x-ndjson");
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(249, answer.GetProperty("accepted").GetInt32());
        Assert.Equal([51, 151], answer.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(496m, (await Feed.ProfileAsync(system.Admin, "H5")).GetProperty("usage").GetProperty("dataMb").GetDecimal());
    }

    [Fact]
    public async Task a_body_that_breaks_after_some_chunks_were_stored_says_so_and_a_resend_counts_them_as_duplicates()
    {
        var events = new List<string> { Registered("H6", "h6-reg").ToJsonString() };
        events.AddRange(Enumerable.Range(0, 249).Select(i => Data("H6", $"h6-{i}", 1).ToJsonString()));
        var response = await Feed.PostRawAsync(Http, $"[{string.Join(',', events)}, {{\"eventId\": ");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON at event 250", problem.GetProperty("detail").GetString());
        Assert.Contains("were stored (200 accepted", problem.GetProperty("detail").GetString());
        Assert.Equal(200, problem.GetProperty("accepted").GetInt32());

        var resent = await Feed.PostRawAsync(Http, $"[{string.Join(',', events)}]");
        var answer = await resent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((50, 200), (answer.GetProperty("accepted").GetInt32(), answer.GetProperty("duplicates").GetInt32()));
        Assert.Equal(249m, (await Feed.ProfileAsync(system.Admin, "H6")).GetProperty("usage").GetProperty("dataMb").GetDecimal());
    }

    [Fact]
    public async Task posting_events_needs_the_ingest_credential()
    {
        var body = $"[{Data("H4", "h4-1", 1).ToJsonString()}]";
        using var anonymous = system.Gateway.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Feed.PostRawAsync(anonymous, body)).StatusCode);

        using var wrongKey = system.Gateway.CreateHttpClient();
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", new string('x', 48));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Feed.PostRawAsync(wrongKey, body)).StatusCode);

        using var store = await system.Gateway.CreateSignedInClientAsync("store01");
        Assert.Equal(HttpStatusCode.Forbidden, (await Feed.PostRawAsync(store, body)).StatusCode);
        using var admin = await system.Gateway.CreateSignedInClientAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await Feed.PostRawAsync(admin, body)).StatusCode);

        // A producer may also sign in as a user of role ingest and use the token.
        using var feed = await system.Gateway.CreateSignedInClientAsync("feed");
        var response = await Feed.PostRawAsync(feed, $"[{Registered("H4", "h4-reg").ToJsonString()}]");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task an_unknown_customer_is_404_and_an_unknown_api_path_is_not_the_dashboard()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await system.Admin.GetAsync("/api/v1/customers/NOPE")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/api/v1/nothing-here")).StatusCode);
    }

    [Fact]
    public async Task the_gateway_publishes_its_openapi_document()
    {
        var doc = await Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/events", out _));
        Assert.True(paths.TryGetProperty("/api/v1/customers/{id}", out _));
    }
}
