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

    private static bool IsBelow(Activity span, Activity ancestor, List<Activity> trace)
    {
        var bySpan = trace.ToDictionary(a => a.SpanId);
        for (var current = span; current is not null; current = bySpan.GetValueOrDefault(current.ParentSpanId))
            if (current.ParentSpanId == ancestor.SpanId) return true;
        return false;
    }

    public void Dispose() => _listener.Dispose();
}
