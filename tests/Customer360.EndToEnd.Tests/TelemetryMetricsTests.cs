using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Customer360.Testing;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Metrics in Prometheus text: on the silo's and the gateway's management listeners without a token, on the gateway's
/// public port for administrators only; the ingest counter agrees with the answers event for event.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class TelemetryMetricsTests(SystemFixture system)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static async Task<string> ScrapeAsync(Uri listener)
    {
        using var http = new HttpClient { BaseAddress = listener, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<string> ScrapeGatewayAsync() => ScrapeAsync(system.Gateway.ManagementAddress);

    private static double Events(string text, string outcome, string? reason = null) => reason is null
        ? PrometheusText.Sum(text, "c360_ingest_events_total", ("outcome", outcome))
        : PrometheusText.Sum(text, "c360_ingest_events_total", ("outcome", outcome), ("reason", reason));

    [Fact]
    public async Task both_management_listeners_serve_our_orleans_aspnetcore_npgsql_and_runtime_metrics_without_a_token()
    {
        await Feed.PostAsync(system.Http, Registered("TM1", "TM1-reg", msisdn: "13912390001"), Data("TM1", "TM1-d1", 10));

        var gateway = await Eventually.GetAsync(ScrapeGatewayAsync, t => PrometheusText.Sum(t, "c360_postgres_up") == 1, Wait, "gateway: c360_postgres_up 1");
        foreach (var metric in new[] { "c360_ingest_events_total", "c360_ingest_request_size_bytes_bucket", "c360_audit_queue_depth",
                     "c360_audit_entries_total", "http_server_request_duration_seconds_bucket" })
            Assert.True(PrometheusText.Has(gateway, metric), $"gateway /metrics lacks {metric}:\n{gateway}");
        Assert.True(PrometheusText.HasPrefix(gateway, "orleans_"), $"gateway /metrics has no Orleans metric:\n{gateway}");
        Assert.True(PrometheusText.HasPrefix(gateway, "dotnet_"), $"gateway /metrics has no runtime metric:\n{gateway}");

        var silo = await Eventually.GetAsync(() => ScrapeAsync(system.Silo.ManagementAddress), t => PrometheusText.Sum(t, "c360_postgres_up") == 1,
            Wait, "silo: c360_postgres_up 1");
        foreach (var metric in new[] { "c360_journal_commit_duration_seconds_bucket", "c360_journal_batch_rows_bucket", "c360_journal_queue_depth",
                     "c360_profiles_active", "c360_rules_reevaluations_total" })
            Assert.True(PrometheusText.Has(silo, metric), $"silo /metrics lacks {metric}:\n{silo}");
        Assert.True(PrometheusText.Sum(silo, "c360_journal_commit_duration_seconds_count") >= 1, "no journal commit was measured");
        Assert.True(PrometheusText.Sum(silo, "c360_profiles_active") >= 1, "no active profile counted");
        Assert.True(PrometheusText.HasPrefix(silo, "orleans_"), $"silo /metrics has no Orleans metric:\n{silo}");
        Assert.True(PrometheusText.HasPrefix(silo, "dotnet_"), $"silo /metrics has no runtime metric:\n{silo}");
        Assert.True(PrometheusText.HasPrefix(silo, "db_client_"), $"silo /metrics has no Npgsql metric:\n{silo}");
        // The gateway's instruments are its own: the silo (another container of the same test process) does not show them.
        Assert.False(PrometheusText.Has(silo, "c360_ingest_events_total"), "the silo reports the gateway's ingest counter");
    }

    [Fact]
    public async Task the_ingest_counter_rises_by_exactly_the_events_the_answers_accepted_and_counts_duplicates_and_rejections_by_reason()
    {
        var before = await ScrapeGatewayAsync();

        var first = await Feed.PostAsync(system.Http, Registered("TM2", "TM2-reg", msisdn: "13912390002"),
            Data("TM2", "TM2-d1", 1), Data("TM2", "TM2-d2", 2), Voice("TM2", "TM2-v1", 60), Sms("TM2", "TM2-s1", 3));
        // Again two of them (duplicates), one new, one that is not an event, and one for a number nobody has.
        var unknownNumber = new JsonObject
        {
            ["eventId"] = "TM2-unknown", ["msisdn"] = "13912399999", ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"),
            ["type"] = "usage.sms", ["payload"] = new JsonObject { ["count"] = 1 },
        };
        var second = await Feed.PostAsync(system.Http, Data("TM2", "TM2-d1", 1), Data("TM2", "TM2-d2", 2), Data("TM2", "TM2-d3", 3),
            new JsonObject { ["eventId"] = "TM2-bad", ["type"] = "usage.data" }, unknownNumber);
        Assert.Equal(5, first.GetProperty("accepted").GetInt32());
        Assert.Equal(1, second.GetProperty("accepted").GetInt32());
        Assert.Equal(2, second.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, second.GetProperty("rejected").GetArrayLength());

        var after = await ScrapeGatewayAsync();
        Assert.Equal(6, Events(after, "accepted") - Events(before, "accepted"));
        Assert.Equal(2, Events(after, "duplicate") - Events(before, "duplicate"));
        Assert.Equal(1, Events(after, "rejected", "invalid") - Events(before, "rejected", "invalid"));
        Assert.Equal(1, Events(after, "rejected", "unknown-msisdn") - Events(before, "rejected", "unknown-msisdn"));
        Assert.Equal(2, Events(after, "rejected") - Events(before, "rejected"));
        Assert.Equal(2, PrometheusText.Sum(after, "c360_ingest_request_size_bytes_count") - PrometheusText.Sum(before, "c360_ingest_request_size_bytes_count"));
        // A body of unknown length (NDJSON, chunked) is measured as it is read.
        var ndjson = Encoding.UTF8.GetBytes(Data("TM2", "TM2-d4", 4).ToJsonString() + "\n" + Data("TM2", "TM2-d5", 5).ToJsonString() + "\n");
        using var chunked = new StreamContent(new MemoryStream(ndjson));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var third = await system.Http.SendAsync(request);
        Assert.True(third.IsSuccessStatusCode, await third.Content.ReadAsStringAsync());
        var last = await ScrapeGatewayAsync();
        Assert.Equal(2, Events(last, "accepted") - Events(after, "accepted"));
        Assert.Equal(ndjson.Length, PrometheusText.Sum(last, "c360_ingest_request_size_bytes_sum") - PrometheusText.Sum(after, "c360_ingest_request_size_bytes_sum"));

        // The customer's number and the events' ids never become labels.
        Assert.DoesNotContain("13912399999", last);
        Assert.DoesNotContain("TM2", last);
    }

    [Fact]
    public async Task the_gateways_public_metrics_route_answers_administrators_only()
    {
        using var anonymous = system.Gateway.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        using var accountManager = await system.Gateway.CreateSignedInClientAsync("am01");
        Assert.Equal(HttpStatusCode.Forbidden, (await accountManager.GetAsync("/metrics")).StatusCode);
        // A producer's API key is not an administrator's token: the admin policy does not take it at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Http.GetAsync("/metrics")).StatusCode);

        using var response = await system.Admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(PrometheusText.Has(text, "c360_postgres_up"), text);
    }

    [Fact]
    public async Task hub_connections_and_subscriptions_are_counted_by_topic_kind_while_consoles_follow()
    {
        static double Subscriptions(string text, string kind) => PrometheusText.Sum(text, "c360_hub_subscriptions", ("topic_kind", kind));
        var before = await ScrapeGatewayAsync();
        await using (var console = await TestConsole.ConnectAsync(system.Gateway, "sup-north"))
        {
            await console.SubscribeAsync("tiers:north");
            await Eventually.GetAsync(ScrapeGatewayAsync,
                t => PrometheusText.Sum(t, "c360_hub_connections") - PrometheusText.Sum(before, "c360_hub_connections") == 1
                     && Subscriptions(t, "tiers") - Subscriptions(before, "tiers") == 1, Wait, "one more connection and one more tiers subscription");
        }
        await Eventually.GetAsync(ScrapeGatewayAsync,
            t => PrometheusText.Sum(t, "c360_hub_connections") == PrometheusText.Sum(before, "c360_hub_connections")
                 && Subscriptions(t, "tiers") == Subscriptions(before, "tiers"), Wait, "connection and subscription gone after the console left");
    }
}
