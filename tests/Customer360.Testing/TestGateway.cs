using System.Net.Http.Json;
using Customer360.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Customer360.Testing;

/// <summary>
/// The gateway with its production wiring, on a free loopback port, serving the built dashboard from
/// <c>gateway/wwwroot</c> of this checkout.
/// </summary>
public sealed class TestGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    public Uri BaseAddress { get; }

    /// <summary>
    /// The key of this gateway's own producer in <c>X-Api-Key</c> (role ingest, every grant, stores S01 to S10). A test
    /// adds producers of its own with <see cref="TestProducer.Settings"/> in <c>settings</c>.
    /// </summary>
    public string IngestApiKey { get; }

    /// <summary>The key this gateway signs tokens with; another gateway of the same cluster needs the same one.</summary>
    public string SigningKey { get; }

    /// <summary>The management listener (<c>/metrics</c>, <c>/health/live</c>, <c>/health/ready</c>) on 127.0.0.1.</summary>
    public Uri ManagementAddress { get; }

    /// <summary>The gateway's services, for tests that look at its instruments.</summary>
    public IServiceProvider Services => _app.Services;

    private TestGateway(WebApplication app, Uri baseAddress, string ingestApiKey, string signingKey, Uri managementAddress)
    {
        _app = app;
        ManagementAddress = managementAddress;
        BaseAddress = baseAddress;
        IngestApiKey = ingestApiKey;
        SigningKey = signingKey;
    }

    public static async Task<TestGateway> StartAsync(TestDatabase db, string clusterId, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = Path.Combine(RepoRoot.Path, "gateway"),
        });
        // Mutual TLS with the test CA, as in production; a test's own settings may replace it.
        builder.Configuration.AddInMemoryCollection(TestCertificates.Cluster.Settings);
        var producer = new TestProducer("test-feed", TestProducer.AllGrants, TestProducer.DemoStores);
        var ingestApiKey = producer.Key;
        var managementPort = FreePort.Next();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Customer360"] = db.GatewayConnectionString,
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:ServiceId"] = clusterId,
            ["Urls"] = "http://127.0.0.1:0",
            ["Management:Urls"] = $"http://127.0.0.1:{managementPort}",
            ["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            // The demo users of gateway/appsettings.Demo.json (password demo123) sign every test in; a test that
            // needs production behaviour sets Auth:DemoMode to false.
            ["Auth:DemoMode"] = "true",
            // In process: a stop that overruns must not end the test run with it.
            ["Shutdown:EndProcess"] = "false",
            // Every test signs in from 127.0.0.1, many times for the same demo users: the sign-in rate limits would
            // throttle the suite. Tests of the limits themselves set them low again.
            ["Auth:SignIn:PerAddressPermits"] = "100000",
            ["Auth:SignIn:PerUserPermits"] = "100000",
        });
        builder.Configuration.AddInMemoryCollection(producer.SettingsAt(0));
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddCustomer360Gateway();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapCustomer360Gateway();
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestGateway(app, new Uri(address), ingestApiKey, builder.Configuration["Auth:SigningKey"]!,
            new Uri($"http://127.0.0.1:{managementPort}"));
    }

    /// <summary>Signs in as one of the demo users of <c>gateway/appsettings.Demo.json</c> (password demo123).</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string userName)
    {
        var http = CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await SignInAsync(userName));
        return http;
    }

    /// <summary>Signs in as a demo user and returns the bearer token.</summary>
    public async Task<string> SignInAsync(string userName)
    {
        using var http = CreateHttpClient();
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = "demo123" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>A producer: every request carries this gateway's ingest API key.</summary>
    public HttpClient CreateIngestClient()
    {
        var http = CreateHttpClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", IngestApiKey);
        return http;
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        try { await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30)); } catch (Exception) { /* best effort */ }
        await _app.DisposeAsync();
    }
}
