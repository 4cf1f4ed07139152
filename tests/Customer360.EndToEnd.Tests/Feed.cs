using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Customer360.EndToEnd.Tests;

/// <summary>Posts events the way producers do and reads the answers.</summary>
internal static class Feed
{
    public static async Task<JsonElement> PostAsync(HttpClient http, params JsonNode[] events)
    {
        var response = await http.PostAsJsonAsync("/api/v1/events", new JsonArray(events.Select(e => e.DeepClone()).ToArray()));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> PostRawAsync(HttpClient http, string body, string contentType = "application/json") =>
        http.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, contentType));

    public static async Task<JsonElement> ProfileAsync(HttpClient http, string customerId)
    {
        var response = await http.GetAsync($"/api/v1/customers/{customerId}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
