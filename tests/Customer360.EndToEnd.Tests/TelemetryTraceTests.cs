using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Customer360.Testing;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// One trace from <c>POST /api/v1/events</c> through the grains to the journal's group commit. Silo and gateway run
/// in this process, so a listener here sees the spans both make, as an OpenTelemetry exporter there would.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class TelemetryTraceTests(SystemFixture system) : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener = new();

    private void Listen()
    {
        _listener.ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or "Microsoft.Orleans.Application" or "Customer360.Silo";
        _listener.Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded;
        _listener.ActivityStopped = _stopped.Enqueue;
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task one_trace_covers_the_http_request_the_grain_calls_and_the_journal_commit()
    {
        Listen();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = JsonContent.Create(new JsonArray(Registered("TT1", "TT1-reg", msisdn: "13912391001"), Data("TT1", "TT1-d1", 5))),
        };
        // A producer that traces its own work hands its trace on in the W3C header.
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await system.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var inTrace = await Eventually.GetAsync(() => Task.FromResult(_stopped.Where(a => a.TraceId == traceId).ToList()),
            spans => spans.Any(a => a.OperationName == "customer ingest"), Wait, $"our customer span in trace {traceId}");
        var http = inTrace.Where(a => a.Source.Name == "Microsoft.AspNetCore").ToList();
        Assert.Single(http);
        Assert.Contains(inTrace, a => a.Source.Name == "Microsoft.Orleans.Application");
        var grain = inTrace.First(a => a.OperationName == "customer ingest");
        Assert.True(IsBelow(grain, http[0], inTrace), "the customer span is not under the HTTP request's span");

        // The commit that made these events durable: a child of this trace's grain span, or linked to it when another
        // caller's span came first in the batch.
        var commit = _stopped.FirstOrDefault(a => a.OperationName == "journal commit"
            && (a.ParentSpanId == grain.SpanId || a.Links.Any(l => l.Context.SpanId == grain.SpanId)));
        Assert.True(commit is not null, "no journal commit span is a child of, or links to, the customer's span: " +
            string.Join(", ", _stopped.Where(a => a.OperationName == "journal commit").Select(a => $"{a.TraceId}/{a.ParentSpanId}")));
        Assert.True((int)commit!.GetTagItem("c360.journal.rows")! >= 2);
    }

    [Fact]
    public async Task the_trace_of_an_event_reaches_the_gateway_that_pushes_its_notice()
    {
        await using var console = await TestConsole.ConnectAsync(system.Gateway, "admin");
        await SendTracedAsync(ActivityTraceId.CreateRandom(), Registered("TT2", "TT2-reg", msisdn: "13912391002"));
        await console.SubscribeAsync("customer:TT2");
        Listen();
        var traceId = ActivityTraceId.CreateRandom();
        await SendTracedAsync(traceId, Data("TT2", "TT2-d1", 7));

        var grain = (await Eventually.GetAsync(() => Task.FromResult(_stopped.Where(a => a.TraceId == traceId).ToList()),
            spans => spans.Any(a => a.OperationName == "customer ingest"), Wait, $"our customer span in trace {traceId}"))
            .First(a => a.OperationName == "customer ingest");
        // The outbox's flush hangs off the grain that published the notice (a child, or a link when another grain's
        // notice came first), and the gateway's receipt of the batch is the flush's child: the push is in the trace.
        var flush = await Eventually.GetAsync(() => Task.FromResult(_stopped.FirstOrDefault(a => a.OperationName == "push flush"
                && (a.ParentSpanId == grain.SpanId || a.Links.Any(l => l.Context.SpanId == grain.SpanId)))),
            f => f is not null, Wait, "a push flush span from the customer's span");
        await Eventually.GetAsync(() => Task.FromResult(_stopped.Any(a => a.ParentSpanId == flush!.SpanId && a.Source.Name == "Microsoft.Orleans.Application")),
            received => received, Wait, "the gateway's receipt of the pushed batch under the flush");
        await console.Pushes.Reader.ReadAsync().AsTask().WaitAsync(Wait);
    }

    private async Task SendTracedAsync(ActivityTraceId traceId, params JsonObject[] events)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = JsonContent.Create(new JsonArray(events)) };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await system.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static bool IsBelow(Activity span, Activity ancestor, List<Activity> trace)
    {
        var bySpan = trace.ToDictionary(a => a.SpanId);
        for (var current = span; current is not null; current = bySpan.GetValueOrDefault(current.ParentSpanId))
            if (current.ParentSpanId == ancestor.SpanId) return true;
        return false;
    }

    public void Dispose() => _listener.Dispose();
}
