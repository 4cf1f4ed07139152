using System.Net.Http.Json;
using System.Text.Json;

namespace Customer360.Feeder.Bench;

/// <summary>Signs in to the gateway (<c>POST /api/v1/auth/token</c>) for the bearer token the console hub asks for.</summary>
public static class GatewaySignIn
{
    // The demo admin of gateway/appsettings.Demo.json (bench.sh runs its gateway in demo mode): a console that may
    // follow any customer.
    private const string UserName = "admin";
    private const string Password = "demo123";

    /// <summary>The token; never logged (it is a credential).</summary>
    public static async Task<string> AdminTokenAsync(Uri gateway, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = UserName, password = Password }, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"signing in to the gateway as {UserName} failed with {(int)response.StatusCode}");
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return answer.TryGetProperty("token", out var token) && token.GetString() is { Length: > 0 } value
            ? value : throw new InvalidOperationException("the gateway's sign-in answer has no token");
    }
}
