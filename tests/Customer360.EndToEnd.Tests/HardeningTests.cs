using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Customer360.Testing;
using static Customer360.Testing.Events;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// The gateway's HTTP hardening over real HTTP: authenticated by default, security headers on every answer,
/// no-store on personal data, small staff bodies, OpenAPI behind sign-in and switchable, HTTPS with HSTS when a
/// certificate is configured.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class HardeningTests(SystemFixture system)
{
    [Theory]
    [InlineData("/api/v1/rules")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/v1/customers/HX1")]
    [InlineData("/api/v1/no-such-route")]
    public async Task anonymous_callers_get_401_from_the_api_and_the_openapi_document(string path)
    {
        using var anonymous = system.Gateway.CreateHttpClient();
        using var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("store01")]
    [InlineData("sup-north")]
    [InlineData("admin")]
    public async Task signed_in_staff_read_the_rules_and_the_openapi_document(string user)
    {
        using var http = await system.Gateway.CreateSignedInClientAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task an_unknown_api_path_is_404_for_a_signed_in_caller()
    {
        using var response = await system.Admin.GetAsync("/api/v1/no-such-route");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/console/anything")]
    public async Task health_the_dashboard_and_its_page_for_any_path_stay_anonymous(string path)
    {
        using var anonymous = system.Gateway.CreateHttpClient();
        using var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task signing_in_stays_anonymous() =>
        Assert.StartsWith("ey", await system.Gateway.SignInAsync("store01"));

    public static TheoryData<string, string?, HttpStatusCode> Answers => new()
    {
        { "/api/v1/customers/HX1", "admin", HttpStatusCode.OK },
        { "/api/v1/customers/HX1/timeline", "admin", HttpStatusCode.OK },
        { "/api/v1/customers/HX1", null, HttpStatusCode.Unauthorized },
        { "/api/v1/customers/HX1", "am01", HttpStatusCode.Forbidden },
        { "/api/v1/customers/NOBODY-HX", "admin", HttpStatusCode.NotFound },
        { "/api/v1/customers?page=zero", "admin", HttpStatusCode.BadRequest },
        { "/", null, HttpStatusCode.OK },
        { "/health/live", null, HttpStatusCode.OK },
        { "/assets/no-such-file.js", "admin", HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task every_answer_carries_the_security_headers_and_api_answers_are_not_to_be_stored(string path, string? user, HttpStatusCode status)
    {
        await Feed.PostAsync(system.Http, Registered("HX1", "hx1-reg", msisdn: "13912349001", region: "south", homeStoreId: "S02",
            accountManagerId: "AM02", phoneManagerId: "PM02"));
        using var http = user is null ? system.Gateway.CreateHttpClient() : await system.Gateway.CreateSignedInClientAsync(user);
        using var response = await http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
        if (path.StartsWith("/api/", StringComparison.Ordinal)) Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }

    [Fact]
    public async Task the_hub_answers_with_the_security_headers_and_no_store()
    {
        using var http = await system.Gateway.CreateSignedInClientAsync("store01");
        using var negotiate = await http.PostAsync("/hubs/console/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        AssertSecurityHeaders(negotiate);
        Assert.True(negotiate.Headers.CacheControl?.NoStore);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "(missing)";
        var csp = Header("Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("no-referrer", Header("Referrer-Policy"));
    }

    public static TheoryData<string, string, string> StaffRequests => new()
    {
        { "am01", "POST", "/api/v1/customers/HX2/touchpoints" },
        { "am01", "POST", "/api/v1/customers/HX2/tags" },
        { "pm01", "POST", "/api/v1/alerts/some-alert/resolve" },
        { "store01", "POST", "/api/v1/stores/S01/walk-ins" },
        { "pm01", "POST", "/api/v1/work-orders" },
        { "store01", "POST", "/api/v1/work-orders/WO-1/complete" },
        { "admin", "PUT", "/api/v1/rules" },
    };

    [Theory]
    [MemberData(nameof(StaffRequests))]
    public async Task a_staff_body_above_64_kib_is_refused_with_413(string user, string method, string path)
    {
        using var http = await system.Gateway.CreateSignedInClientAsync(user);
        var body = $$"""{"note":"{{new string('x', 70 * 1024)}}"}""";
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task a_staff_body_of_unknown_length_above_64_kib_is_refused_with_413_too()
    {
        using var http = await system.Gateway.CreateSignedInClientAsync("am01");
        var bytes = Encoding.UTF8.GetBytes($$"""{"channel":"app","kind":"note","note":"{{new string('x', 70 * 1024)}}"}""");
        // A stream of unknown length goes chunked: no Content-Length to refuse it by, so the read itself must stop.
        using var content = new StreamContent(new UnseekableStream(bytes));
        content.Headers.ContentType = new("application/json");
        using var response = await http.PostAsync("/api/v1/customers/HX2/touchpoints", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task event_batches_keep_their_own_larger_limit()
    {
        var events = new JsonArray([.. Enumerable.Range(0, 500).Select(i => (JsonNode)Data("HX3", $"hx3-d{i}-{new string('p', 100)}", 1))]);
        var body = events.ToJsonString();
        Assert.True(body.Length > 64 * 1024);
        using var response = await system.Http.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task with_a_certificate_the_gateway_redirects_to_https_but_health_and_sends_hsts_and_openapi_can_be_switched_off()
    {
        var dir = Directory.CreateTempSubdirectory("c360-tls-");
        try
        {
            var pfx = Path.Combine(dir.FullName, "gateway.pfx");
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=c360.test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                var san = new SubjectAlternativeNameBuilder();
                san.AddDnsName("c360.test");
                san.AddIpAddress(IPAddress.Loopback);
                request.CertificateExtensions.Add(san.Build());
                using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
                await File.WriteAllBytesAsync(pfx, cert.Export(X509ContentType.Pfx, "test-only"));
            }
            int https = FreePort.Next(), http = FreePort.Next();
            await using var gateway = await TestGateway.StartAsync(system.Db, system.ClusterId, new Dictionary<string, string?>
            {
                ["Urls"] = $"https://127.0.0.1:{https};http://127.0.0.1:{http}",
                ["Kestrel:Certificates:Default:Path"] = pfx,
                ["Kestrel:Certificates:Default:Password"] = "test-only",
                ["OpenApi:Enabled"] = "false",
            });
            using var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            };
            using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

            using var plain = await client.GetAsync($"http://127.0.0.1:{http}/api/v1/rules");
            Assert.True(plain.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"{plain.StatusCode}");
            Assert.Equal($"https://127.0.0.1:{https}/api/v1/rules", plain.Headers.Location?.ToString());
            // Load balancers may probe health over plain HTTP.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"http://127.0.0.1:{http}/health/live")).StatusCode);

            // HSTS is not sent to localhost names (browsers would pin them); ask under a real host name.
            using var secure = new HttpRequestMessage(HttpMethod.Get, $"https://127.0.0.1:{https}/health/live");
            secure.Headers.Host = "c360.test";
            using var answer = await client.SendAsync(secure);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.StartsWith("max-age=31536000", string.Join(",", answer.Headers.GetValues("Strict-Transport-Security")));

            var token = await SignInAsync(client, $"https://127.0.0.1:{https}");
            using var openApi = new HttpRequestMessage(HttpMethod.Get, $"https://127.0.0.1:{https}/openapi/v1.json");
            openApi.Headers.Authorization = new("Bearer", token);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(openApi)).StatusCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<string> SignInAsync(HttpClient client, string origin)
    {
        using var response = await client.PostAsJsonAsync($"{origin}/api/v1/auth/token", new { userName = "admin", password = "demo123" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>A stream that will not say its length, so HttpClient sends it chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
