using System.Collections.Concurrent;
using System.Text;
using Customer360.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// OTLP export only when an endpoint is configured: a gateway given one sends its spans there (a stand-in collector
/// on loopback that takes OTLP over http/protobuf); a gateway given none has no tracer at all.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class TelemetryOtlpTests(SystemFixture system)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public void a_gateway_without_an_otlp_endpoint_has_no_tracer()
    {
        Assert.Null(system.Gateway.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task a_gateway_with_an_otlp_endpoint_exports_the_spans_of_an_ingest_request_there()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        var port = FreePort.Next();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddRoutingCore();
        await using var collector = builder.Build();
        collector.UseRouting();
        collector.MapPost("/v1/{signal}", (RequestDelegate)(async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            received.Enqueue((http.Request.Path, body.ToArray()));
            http.Response.ContentType = "application/x-protobuf";
        }));
        await collector.StartAsync().WaitAsync(Wait);

        await using var gateway = await TestGateway.StartAsync(system.Db, system.ClusterId, new Dictionary<string, string?>
        {
            ["Telemetry:Otlp:Endpoint"] = $"http://127.0.0.1:{port}",
            ["Telemetry:Otlp:Protocol"] = "http/protobuf",
        });
        Assert.NotNull(gateway.Services.GetService<TracerProvider>());
        using var producer = gateway.CreateIngestClient();
        await Feed.PostAsync(producer, Registered("TO1", "TO1-reg", msisdn: "13912392001"));

        // Spans go out in batches (every 5 s by default); the request's own span is named by its route.
        await Eventually.GetAsync(() => Task.FromResult(received.Where(r => r.Path == "/v1/traces").Select(r => Encoding.UTF8.GetString(r.Body)).ToList()),
            traces => traces.Any(t => t.Contains("customer360-gateway", StringComparison.Ordinal) && t.Contains("/api/v1/events", StringComparison.Ordinal)),
            Wait, "the ingest request's span at the collector");
    }
}
