using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Customer360.Testing;

namespace Customer360.EndToEnd.Tests;

/// <summary><c>Logging:Format=json</c>: the gateway process writes one JSON object per line, with the request's trace id.</summary>
[Collection(SystemCollection.Name)]
public sealed class TelemetryLogTests(SystemFixture system)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task with_json_logs_each_line_is_a_json_object_and_a_requests_line_carries_its_trace_id()
    {
        await using var gateway = await GatewayProcess.StartAsync(system.Db, system.ClusterId, new Dictionary<string, string?>
        {
            ["Logging:Format"] = "json",
            // Authorization failures are logged (Information) inside the request that failed.
            ["Logging:LogLevel:Microsoft.AspNetCore.Authorization"] = "Information",
        });
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var http = gateway.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/rules");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);

        var line = await Eventually.GetAsync(() => Task.FromResult(Lines(gateway.LogPath).FirstOrDefault(l => l.Contains(traceId, StringComparison.Ordinal))),
            l => l is not null, Wait, $"a log line with trace id {traceId} in {gateway.LogPath}");
        using var entry = JsonDocument.Parse(line!);
        Assert.Equal(traceId, entry.RootElement.GetProperty("traceId").GetString());
        Assert.Equal(16, entry.RootElement.GetProperty("spanId").GetString()!.Length);
        Assert.StartsWith("Microsoft.AspNetCore.Authorization", entry.RootElement.GetProperty("category").GetString());
        Assert.False(string.IsNullOrEmpty(entry.RootElement.GetProperty("message").GetString()));

        // Every line the process wrote, from its start on, is one JSON object (the harness's own lines aside).
        foreach (var each in Lines(gateway.LogPath).Where(l => !l.StartsWith("=== test:", StringComparison.Ordinal)))
        {
            using var parsed = JsonDocument.Parse(each);
            Assert.Equal(JsonValueKind.Object, parsed.RootElement.ValueKind);
            Assert.True(parsed.RootElement.TryGetProperty("level", out _), each);
        }
    }

    private static List<string> Lines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return [.. reader.ReadToEnd().Split('\n').Where(l => l.Trim().Length > 0)];
    }
}
