using System.Net.Http.Json;
using Customer360.Testing;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>The push instruments (Meter Customer360.Push) as one event travels from the feed to a console.</summary>
[Collection(SystemCollection.Name)]
public sealed class PushMetricsTests(SystemFixture system)
{
    [Fact]
    public async Task an_event_pushed_to_a_console_counts_a_notice_its_fanout_and_its_lag_from_the_post()
    {
        await Feed.PostAsync(system.Http, Registered("PM1", "pm1-reg", msisdn: "13977990001"));
        using var probe = new PushMeterProbe(system.Gateway.Services);
        await using var console = await TestConsole.ConnectAsync(system.Gateway, "admin");
        await console.SubscribeAsync("customer:PM1");

        var posted = DateTimeOffset.UtcNow;
        await Feed.PostAsync(system.Http, Data("PM1", "pm1-d1", 1));
        await console.NextAsync("profileChanged", "customer:PM1");
        var took = DateTimeOffset.UtcNow - posted;

        // The lag is recorded once SignalR has taken the send, a moment after the console may already hold it.
        var lag = await Eventually.GetAsync(() => Task.FromResult(probe.Of("c360.push.lag")), l => l.Count > 0, TestConsole.Timeout, "a lag sample");
        Assert.InRange(lag[0].Value, 0, took.TotalSeconds);
        Assert.Contains(probe.Of("c360.push.notices"), m => m.Value == 1 && (string?)m.Tags["kind"] == "profileChanged");
        Assert.Contains(probe.Of("c360.push.fanout"), m => m.Value == 1 && (string?)m.Tags["topic_kind"] == "customer");
        Assert.Equal(0, probe.Sum("c360.push.resyncs"));
        await Eventually.GetAsync(() => Task.FromResult(probe.Observe("c360.push.outbox.depth")), d => d == 0, TestConsole.Timeout, "outbox empty");

        // And Prometheus sees them under their exported names on the gateway's management listener.
        using var http = new HttpClient { BaseAddress = system.Gateway.ManagementAddress, Timeout = TimeSpan.FromSeconds(30) };
        var text = await http.GetStringAsync("/metrics");
        Assert.True(PrometheusText.Sum(text, "c360_push_notices_total", ("kind", "profileChanged")) >= 1, "c360_push_notices_total");
        Assert.True(PrometheusText.Sum(text, "c360_push_lag_seconds_count") >= 1, "c360_push_lag_seconds_count");
        Assert.True(PrometheusText.Has(text, "c360_push_fanout_bucket"), "c360_push_fanout_bucket");
        Assert.True(PrometheusText.Has(text, "c360_push_outbox_depth"), "c360_push_outbox_depth");
    }

    [Fact]
    public async Task a_staff_action_pushed_to_a_console_is_timed_from_its_arrival_at_the_gateway()
    {
        await Feed.PostAsync(system.Http, Registered("PM2", "pm2-reg", msisdn: "13977990002"));
        using var probe = new PushMeterProbe(system.Gateway.Services);
        await using var console = await TestConsole.ConnectAsync(system.Gateway, "admin");
        await console.SubscribeAsync("customer:PM2");

        using var tagged = await system.Admin.PostAsJsonAsync("/api/v1/customers/PM2/tags", new { tag = "golf-club" });
        Assert.True(tagged.IsSuccessStatusCode, await tagged.Content.ReadAsStringAsync());
        await console.NextAsync("profileChanged", "customer:PM2");
        await Eventually.GetAsync(() => Task.FromResult(probe.Of("c360.push.lag")), l => l.Count > 0, TestConsole.Timeout, "a lag sample");
    }
}
