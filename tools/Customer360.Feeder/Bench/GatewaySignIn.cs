using System.Net.Http.Json;
using System.Text.Json;

namespace Customer360.Feeder.Bench;

/// <summary>Signs in to the gateway (<c>POST /api/v1/auth/token</c>) for the bearer token the console hub asks for.</summary>
public static class GatewaySignIn
{
    // The demo users of gateway/appsettings.Demo.json (bench.sh runs its gateway in demo mode), all with this
    // password: admin (a console that may follow any customer), store01 (staff of store S01, region north), am01
    // (account manager AM01), pm01 (phone manager PM01), sup-north (supervisor of region north).
    public const string Admin = "admin";
    public const string Store = "store01";
    public const string StoreId = "S01";
    public const string StoreRegion = "north";
    public const string AccountManager = "am01";
    public const string AccountManagerId = "AM01";
    public const string PhoneManager = "pm01";
    public const string PhoneManagerId = "PM01";
    public const string Supervisor = "sup-north";
    private const string Password = "demo123";

    /// <summary>The demo admin's token; never logged (it is a credential).</summary>
    public static Task<string> AdminTokenAsync(Uri gateway, CancellationToken ct) => TokenAsync(gateway, Admin, ct);

    /// <summary>A demo user's token; never logged (it is a credential).</summary>
    public static async Task<string> TokenAsync(Uri gateway, string userName, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Password }, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"signing in to the gateway as {userName} failed with {(int)response.StatusCode}");
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return answer.TryGetProperty("token", out var token) && token.GetString() is { Length: > 0 } value
            ? value : throw new InvalidOperationException("the gateway's sign-in answer has no token");
    }
}
