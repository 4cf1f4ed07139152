using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Customer360.Feeder.Commands;

/// <summary>
/// The demo feed run.sh starts (<c>--gateway URL --customers N --rate R</c>, also as <c>demo ...</c>): registers
/// a small fixed population, then posts usage events and contacts at about R a second until stopped, and beside
/// them the <see cref="DemoStory"/> that keeps every demo user's console changing.
/// </summary>
public static class DemoCommand
{
    public static async Task<int> RunAsync(string[] args, Signals signals)
    {
        FeederOptions options;
        try { options = FeederOptions.Parse(args); }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException) { throw new UsageException(ex.Message); }

        using var http = new HttpClient { BaseAddress = options.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Ingest.IngestClient.ApiKeyFromEnvironment());
        var stop = signals.Stop;

        // Registration and holdings go in chunks that stay well under the gateway's per-request event limit.
        foreach (var chunk in Enumerable.Range(1, options.Customers)
            .SelectMany(n => DemoPopulation.Holdings(n).Prepend(DemoPopulation.Registration(n))).Chunk(2000))
            await PostWithRetry(http, new JsonArray(chunk.Select(e => (JsonNode)e).ToArray()), stop);
        Console.WriteLine($"feeder: {options.Customers} demo customers registered; posting about {options.Rate} usage events and contacts/s to {options.Gateway}");

        var runId = Guid.NewGuid().ToString("N")[..8];
        var story = new DemoStory(options.Customers, runId);
        await PostStepAsync(http, story.Tidy(), stop);
        var lastBeat = DemoStory.BeatOf(DateTimeOffset.UtcNow);
        var random = new Random();
        long seq = 0, sent = 0;
        var tick = TimeSpan.FromMilliseconds(250);
        var owed = 0.0;
        using var timer = new PeriodicTimer(tick);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                // The story follows the clock: a beat missed while the gateway was slow is skipped, not caught up.
                var beat = DemoStory.BeatOf(DateTimeOffset.UtcNow);
                if (beat != lastBeat)
                {
                    lastBeat = beat;
                    foreach (var step in story.At(beat, DateTimeOffset.UtcNow)) await PostStepAsync(http, step, stop);
                }
                owed += options.Rate * tick.TotalSeconds;
                var count = (int)owed;
                owed -= count;
                if (count == 0) continue;
                // Skewed toward the first customers, as real traffic is: the first few demo customers change often.
                var batch = new JsonArray(Enumerable.Range(0, count)
                    .Select(_ => (JsonNode)DemoPopulation.Activity(runId, ++seq, 1 + (int)(Math.Pow(random.NextDouble(), 2) * options.Customers), random))
                    .ToArray());
                await PostWithRetry(http, batch, stop);
                if ((sent += count) % 1000 < count) Console.WriteLine($"feeder: {sent} usage events sent");
            }
        }
        catch (OperationCanceledException) { }
        return 0;
    }

    private static async Task PostStepAsync(HttpClient http, DemoStory.Step step, CancellationToken ct)
    {
        Console.WriteLine($"feeder: {step.What}");
        // A story event refused (say, a port-out for a newcomer an earlier run never registered) is worth a line.
        if (await PostWithRetry(http, new JsonArray([.. step.Events]), ct) is { } answer && answer["rejected"]?.AsArray() is { Count: > 0 } rejected)
            Console.WriteLine($"feeder: {rejected.Count} of them refused: {rejected.ToJsonString()}");
    }

    /// <summary>Posts until the gateway answers; the answer, or null when it refused the request (4xx).</summary>
    private static async Task<JsonNode?> PostWithRetry(HttpClient http, JsonArray events, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await http.PostAsJsonAsync("/api/v1/events", events, ct);
                if (response.IsSuccessStatusCode) return await response.Content.ReadFromJsonAsync<JsonNode>(ct);
                Console.Error.WriteLine($"feeder: gateway answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                if ((int)response.StatusCode < 500) return null;
            }
            catch (HttpRequestException ex)
            {
                Console.Error.WriteLine($"feeder: gateway unreachable ({ex.Message}); retrying");
            }
            // Same events, same ids: anything that already landed comes back as a duplicate, never twice.
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, attempt)), ct);
        }
    }
}
