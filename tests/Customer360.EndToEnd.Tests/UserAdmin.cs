using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Customer360.Testing;

namespace Customer360.EndToEnd.Tests;

/// <summary>Users made through the admin API for one test each (unique names), and signing in as them.</summary>
internal static class UserAdmin
{
    public const string Password = "correct horse battery staple";

    public static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Creates a user through <c>POST /api/v1/users</c> (password <see cref="Password"/>) and returns its name.</summary>
    public static async Task<string> CreateAsync(HttpClient admin, string prefix, string role, string? storeId = null, string? managerId = null,
        string? region = null, string[]? grants = null, string[]? stores = null)
    {
        var name = NewName(prefix);
        using var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { userName = name, password = Password, role, storeId, managerId, region, grants, stores });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create {name}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return name;
    }

    public static async Task<HttpResponseMessage> SignInAsync(TestGateway gateway, string userName, string password)
    {
        using var http = gateway.CreateHttpClient();
        return await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
    }

    public static async Task<string> TokenAsync(TestGateway gateway, string userName, string password = Password)
    {
        using var response = await SignInAsync(gateway, userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"sign-in {userName}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public static HttpClient Client(TestGateway gateway, string token)
    {
        var http = gateway.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>The claims of a token's payload (read, not verified: the gateway verified it when it issued it).</summary>
    public static JsonElement Payload(string token)
    {
        var part = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part))).RootElement;
    }

    /// <summary>A claim that may hold one value or an array, as a list.</summary>
    public static string[] Values(JsonElement payload, string claim) => !payload.TryGetProperty(claim, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : [value.GetString()!];

    public static Task<long> AuditCountAsync(TestDatabase db, string userName, string through) =>
        db.ScalarAsync<long>($"select count(*) from c360_audit where user_name = '{userName}' and through = '{through}'");
}
