using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Customer360.Feeder.Bench;

/// <summary>
/// A console user's HTTP client: signed in once as a demo user, it sends the requests a console sends and times
/// each from just before it is sent to the end of its answer's body (what a user waits for). A refused request
/// (any status but 2xx) is an error: a benchmark of answers that were refusals would measure the wrong thing.
/// </summary>
public sealed class StaffClient : IDisposable
{
    private readonly HttpClient _http;

    private StaffClient(HttpClient http, string user) => (_http, User) = (http, user);

    /// <summary>The demo user this client is signed in as.</summary>
    public string User { get; }

    public static async Task<StaffClient> SignInAsync(Uri gateway, string user, int connections, CancellationToken ct)
    {
        var token = await GatewaySignIn.TokenAsync(gateway, user, ct);
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        var http = new HttpClient(handler) { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new StaffClient(http, user);
    }

    /// <summary>GET <paramref name="path"/>: the latency and the answer's JSON.</summary>
    public Task<(TimeSpan Latency, JsonElement Answer)> GetAsync(string path, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);

    /// <summary>POST <paramref name="body"/> as JSON to <paramref name="path"/>: the latency and the answer's JSON.</summary>
    public Task<(TimeSpan Latency, JsonElement Answer)> PostAsync(string path, object body, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) }, ct);

    private async Task<(TimeSpan, JsonElement)> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var _ = request;
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        var latency = Stopwatch.GetElapsedTime(started);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{request.Method} {request.RequestUri} as {User} answered {(int)response.StatusCode}: {(text.Length > 200 ? text[..200] + "…" : text)}"));
        }
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return (latency, answer);
    }

    public void Dispose() => _http.Dispose();
}
