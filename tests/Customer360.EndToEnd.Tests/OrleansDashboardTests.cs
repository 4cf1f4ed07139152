using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Customer360.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Orleans' dashboard on the gateway: administrators only, by bearer token or by the cookie an admin's
/// <c>POST /api/v1/orleans-dashboard/session</c> sets; no live log stream, no grain state; in Chromium an admin
/// opens it from the console and sees the silo.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class OrleansDashboardTests(SystemFixture system)
{
    private const string Page = "/orleans-dashboard/";
    private const string Counters = "/orleans-dashboard/DashboardCounters";
    private const string Session = "/api/v1/orleans-dashboard/session";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>The address of an active silo, once the dashboard's counters list one.</summary>
    private static async Task<string> ActiveSiloAsync(HttpClient admin)
    {
        var counters = await Eventually.GetAsync(async () => await admin.GetFromJsonAsync<JsonElement>(Counters),
            c => c.GetProperty("hosts").EnumerateArray().Any(h => h.GetProperty("status").GetString() == "Active"), Wait, "an active silo in the dashboard's counters");
        return counters.GetProperty("hosts").EnumerateArray().First(h => h.GetProperty("status").GetString() == "Active")
            .GetProperty("siloAddress").GetString()!;
    }

    [Fact]
    public async Task an_admin_gets_the_dashboard_page_and_its_counters_list_the_active_silo()
    {
        using var page = await system.Admin.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Orleans Dashboard", await page.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(await ActiveSiloAsync(system.Admin)));

        // Its page may set style attributes and load data: fonts; the consoles' policy stays without either.
        var dashboardPolicy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("style-src-attr 'unsafe-inline'", dashboardPolicy);
        Assert.Contains("script-src 'self';", dashboardPolicy);
        Assert.Contains("frame-ancestors 'none'", dashboardPolicy);
        using var consoles = await system.Admin.GetAsync("/");
        var consolesPolicy = string.Join(";", consoles.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", consolesPolicy);
        Assert.DoesNotContain("data:;", consolesPolicy.Replace("img-src 'self' data:;", "", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("OrleansDashboard:Path", "orleans", "OrleansDashboard:Path must start with '/'")]
    [InlineData("OrleansDashboard:Path", "/api/orleans", "OrleansDashboard:Path must not be under /api")]
    [InlineData("OrleansDashboard:SessionLifetime", "1.00:00:00", "OrleansDashboard:SessionLifetime must be above zero and at most 8 hours")]
    public async Task a_bad_setting_is_refused_at_start_naming_it(string setting, string value, string message)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestGateway.StartAsync(system.Db, system.ClusterId,
            new Dictionary<string, string?> { [setting] = value }));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task a_disabled_admins_dashboard_cookie_is_refused()
    {
        var name = await UserAdmin.CreateAsync(system.Admin, "ops", "admin");
        using var admin = UserAdmin.Client(system.Gateway, await UserAdmin.TokenAsync(system.Gateway, name));
        using var opened = await admin.PostAsync(Session, null);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        using var browser = system.Gateway.CreateHttpClient();
        browser.DefaultRequestHeaders.Add("Cookie", Assert.Single(opened.Headers.GetValues("Set-Cookie")).Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Counters)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await system.Admin.PostAsync($"/api/v1/users/{name}/disable", null)).StatusCode);

        // Within Auth:UserStateRefresh (15 s here), as for their bearer tokens.
        await Eventually.GetAsync(async () => (await browser.GetAsync(Counters)).StatusCode, s => s == HttpStatusCode.Unauthorized,
            Wait, "the disabled admin's dashboard cookie refused");
    }

    [Theory]
    [InlineData("am01")]
    [InlineData("store01")]
    [InlineData("sup-north")]
    public async Task other_roles_are_forbidden_the_dashboard_and_its_session(string user)
    {
        using var client = await system.Gateway.CreateSignedInClientAsync(user);
        foreach (var path in new[] { Page, Counters, "/orleans-dashboard/ClusterStats" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} GET {path}: {(int)response.StatusCode}");
        }
        using var session = await client.PostAsync(Session, null);
        Assert.Equal(HttpStatusCode.Forbidden, session.StatusCode);
        Assert.False(session.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task anonymous_callers_and_producers_get_401()
    {
        using var anonymous = system.Gateway.CreateHttpClient();
        foreach (var path in new[] { "/orleans-dashboard", Page, Counters, "/orleans-dashboard/index.min.js" })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"anonymous GET {path}: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(Session, null)).StatusCode);
        // A producer's API key is no person's sign-in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Http.GetAsync(Counters)).StatusCode);
    }

    [Fact]
    public async Task not_even_an_admin_gets_the_live_log_stream_or_a_grain_state()
    {
        using var trace = await system.Admin.GetAsync("/orleans-dashboard/Trace");
        Assert.Equal(HttpStatusCode.Forbidden, trace.StatusCode);
        using var state = await system.Admin.GetAsync("/orleans-dashboard/GrainState?grainId=ODS1&grainType=Customer360.Grains.Customers.CustomerGrain");
        Assert.Equal(HttpStatusCode.Forbidden, state.StatusCode);
        Assert.Contains("personal data", await state.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task the_session_cookie_opens_the_dashboard_only_it_is_http_only_strict_and_the_api_refuses_it()
    {
        using var response = await system.Admin.PostAsync(Session, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var opened = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Page, opened.GetProperty("url").GetString());
        var expiresAt = opened.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddMinutes(25), DateTimeOffset.UtcNow.AddMinutes(31));

        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("c360_orleans_dashboard=", setCookie);
        foreach (var attribute in new[] { "path=/orleans-dashboard", "httponly", "samesite=strict" })
            Assert.Contains(attribute, setCookie, StringComparison.OrdinalIgnoreCase);
        var token = setCookie.Split(';')[0]["c360_orleans_dashboard=".Length..];

        // A browser: the cookie and no Authorization header.
        using var browser = system.Gateway.CreateHttpClient();
        browser.DefaultRequestHeaders.Add("Cookie", $"c360_orleans_dashboard={token}");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Counters)).StatusCode);
        // The cookie is no API credential, as a cookie or as a bearer token; nor is a tampered one a dashboard credential.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/users")).StatusCode);
        using var asBearer = system.Gateway.CreateHttpClient();
        asBearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await asBearer.GetAsync("/api/v1/users")).StatusCode);
        using var tampered = system.Gateway.CreateHttpClient();
        tampered.DefaultRequestHeaders.Add("Cookie", $"c360_orleans_dashboard={token[..^4]}AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await tampered.GetAsync(Counters)).StatusCode);
        // A console's token in the cookie is not a dashboard token either (another audience).
        using var consoleToken = system.Gateway.CreateHttpClient();
        consoleToken.DefaultRequestHeaders.Add("Cookie", $"c360_orleans_dashboard={system.Admin.DefaultRequestHeaders.Authorization!.Parameter}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await consoleToken.GetAsync(Counters)).StatusCode);

        // Recorded in the background (no customer's data is answered): it arrives soon after.
        await Eventually.GetAsync(() => system.Db.ScalarAsync<long>(
                "select count(*) from c360_audit where through = 'POST /api/v1/orleans-dashboard/session' and kind = 'other' and user_name = 'admin'"),
            n => n > 0, Wait, "the opening of the dashboard in the audit log");
    }

    [Fact]
    public async Task in_chromium_an_admin_opens_the_dashboard_from_the_console_and_sees_the_silo_with_no_policy_violation()
    {
        var silo = await ActiveSiloAsync(system.Admin);
        await using var console = await ConsolePage.OpenAsync(system.Gateway.BaseAddress);
        await console.GotoAsync("/");
        await console.SignInAsync("admin");
        var open = console.Page.GetByTestId("open-orleans-dashboard");
        await Expect(open).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // On the context, so that the new tab's first messages (while it loads) are caught too.
        var messages = new ConcurrentQueue<string>();
        console.Page.Context.Console += (_, m) => messages.Enqueue(m.Text);
        console.Page.Context.WebError += (_, e) => messages.Enqueue(e.Error);
        var dashboard = await console.Page.Context.RunAndWaitForPageAsync(() => open.ClickAsync(), new() { Timeout = 15_000 });
        // The URL, not the load event: the tab starts as about:blank and is sent on once the cookie is set.
        await Expect(dashboard).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/orleans-dashboard/"), new() { Timeout = 30_000 });
        await Expect(dashboard.GetByText("Active Silos")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await dashboard.GetByRole(AriaRole.Link, new() { Name = "Silos", Exact = true }).ClickAsync();
        await Expect(dashboard.Locator($"a[href='#/host/{silo}']").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await dashboard.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("orleans-dashboard.png") });

        var bad = messages.Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
            || m.Contains("Refused to", StringComparison.Ordinal) || m.Contains("Error connecting", StringComparison.Ordinal)).ToList();
        Assert.True(bad.Count == 0, string.Join(Environment.NewLine, bad));
    }
}
