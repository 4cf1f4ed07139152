using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Customer360.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Tokens of an external OpenID Connect provider (Auth:Oidc), with a provider the test runs itself: a discovery
/// document and a key set on a loopback port, and tokens it signs with its own RSA key.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class OidcTests(SystemFixture system)
{
    private const string Audience = "customer360-test";

    [Fact]
    public async Task a_providers_token_signs_in_with_the_mapped_role_and_scope_and_bad_ones_are_refused()
    {
        using var key = RSA.Create(2048);
        await using var provider = await StartProviderAsync(key);
        var authority = Issuer(provider);
        await using var gateway = await TestGateway.StartAsync(system.Db, system.ClusterId, new Dictionary<string, string?>
        {
            ["Auth:Oidc:Authority"] = authority,
            ["Auth:Oidc:Audience"] = Audience,
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
            ["Auth:Oidc:RoleMap:c360-regional-leads"] = "supervisor",
        });
        var signing = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256);
        string Token(object roles, string? region = "north", string audience = Audience, SigningCredentials? credentials = null) =>
            new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = authority,
                Audience = audience,
                Expires = DateTime.UtcNow.AddMinutes(10),
                Claims = new Dictionary<string, object> { ["preferred_username"] = "lead.north", ["roles"] = roles, ["c360_region"] = region! }
                    .Where(c => c.Value is not null).ToDictionary(),
                SigningCredentials = credentials ?? signing,
            });

        var good = Token(new[] { "c360-regional-leads", "unrelated-app-role" });
        using var lead = UserAdmin.Client(gateway, good);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/api/v1/tiers/changes?region=north")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/v1/tiers/changes?region=south")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/v1/users")).StatusCode);

        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway.BaseAddress, "/hubs/console"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(good))
            .Build();
        await using (hub)
        {
            await hub.StartAsync().WaitAsync(TimeSpan.FromSeconds(15));
            var snapshot = await hub.InvokeAsync<System.Text.Json.JsonElement>("Subscribe", "tiers:north").WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal("tiers:north", snapshot.GetProperty("topic").GetString());
        }

        using var otherKey = RSA.Create(2048);
        string[] refused =
        [
            Token("c360-regional-leads", credentials: new SigningCredentials(new RsaSecurityKey(otherKey) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256)),
            Token("c360-regional-leads", audience: "another-app"),
            Token("unrelated-app-role"),
            Token("ingest"),
            Token("c360-regional-leads", region: null),
        ];
        foreach (var token in refused)
        {
            using var http = UserAdmin.Client(gateway, token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/tiers/changes?region=north")).StatusCode);
        }

        // The gateway's own tokens keep working beside the provider's.
        using var own = await gateway.CreateSignedInClientAsync("sup-north");
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/api/v1/tiers/changes?region=north")).StatusCode);
    }

    /// <summary>A provider on a loopback port: its discovery document and its key set, nothing else.</summary>
    private static async Task<WebApplication> StartProviderAsync(RSA key)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var publicKey = key.ExportParameters(false);
        app.MapGet("/.well-known/openid-configuration", (HttpContext http) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer(app),
            ["jwks_uri"] = Issuer(app) + "/jwks",
        }));
        app.MapGet("/jwks", () => Results.Json(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["kid"] = "k1", ["alg"] = "RS256",
                    ["n"] = Base64UrlEncoder.Encode(publicKey.Modulus), ["e"] = Base64UrlEncoder.Encode(publicKey.Exponent),
                },
            },
        }));
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return app;
    }

    private static string Issuer(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
