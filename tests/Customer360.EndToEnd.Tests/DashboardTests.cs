using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Customer360.Testing.Events;
using static Microsoft.Playwright.Assertions;

namespace Customer360.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class DashboardTests(SystemFixture system)
{
    [Fact]
    public async Task the_profile_page_updates_live_without_a_reload_after_signing_in()
    {
        await Feed.PostAsync(system.Http, Registered("W1", "w1-reg", name: "Zhou Min"), Data("W1", "w1-d1", 10));
        await using var console = await ConsolePage.OpenAsync(system.Gateway.BaseAddress);
        var page = console.Page;
        var profileReads = new ConcurrentQueue<Microsoft.Playwright.IRequest>();
        var sockets = new ConcurrentQueue<IWebSocket>();
        page.Request += (_, r) => { if (r.Url.Contains("/api/v1/customers/")) profileReads.Enqueue(r); };
        page.WebSocket += (_, ws) => sockets.Enqueue(ws);

        await console.GotoAsync("/?customers=W1");
        await Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync();
        await Expect(console.Cards).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("signin-en.png"), FullPage = true });
        await console.SignInAsync("admin");

        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("admin", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("signed-in-role")).ToHaveTextAsync("Administrator · all customers");
        var card = page.GetByTestId("customer-card-W1");
        await Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        await Expect(card.GetByTestId("version")).ToHaveTextAsync("2", new() { Timeout = 10_000 });
        await Expect(card).ToContainTextAsync("Zhou Min");

        // A navigation would reset this marker: its survival proves the page was never reloaded.
        await page.EvaluateAsync("window.__noReload = true");
        await Feed.PostAsync(system.Http, Data("W1", "w1-d2", 5));
        await Expect(card.GetByTestId("version")).ToHaveTextAsync("3", new() { Timeout = 5_000 });
        await Expect(card.GetByTestId("data-mb")).ToContainTextAsync("15");
        Assert.True(await page.EvaluateAsync<bool>("window.__noReload === true"));

        // The token goes with every profile read and with the hub's WebSocket; it is kept for this tab only.
        Assert.NotEmpty(profileReads);
        foreach (var read in profileReads)
            Assert.StartsWith("Bearer ey", await read.HeaderValueAsync("authorization") ?? "(none)");
        Assert.Contains(sockets, ws => ws.Url.Contains("/hubs/console") && ws.Url.Contains("access_token=ey"));
        Assert.Contains("\"token\":\"ey", await console.StoredSessionAsync() ?? "");
        Assert.Null(await console.StoredSessionAsync("localStorage"));
        Assert.EndsWith("?customers=W1", page.Url);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("profile-page-en.png"), FullPage = true });
    }

    [Fact]
    public async Task a_wrong_password_shows_the_error_and_no_data_and_signing_out_returns_to_the_sign_in_screen()
    {
        await Feed.PostAsync(system.Http, Registered("W2", "w2-reg", name: "Qian Hui"));
        await using var console = await ConsolePage.OpenAsync(system.Gateway.BaseAddress);
        var page = console.Page;
        var dataRequests = new ConcurrentQueue<string>();
        page.Request += (_, r) => { if (r.Url.Contains("/api/v1/customers") || r.Url.Contains("/hubs/")) dataRequests.Enqueue(r.Url); };

        await console.GotoAsync("/?customers=W2");
        await console.SignInAsync("admin", "not-the-password");
        var error = page.GetByTestId("signin-error");
        await Expect(error).ToHaveTextAsync("Wrong user name or password.", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("signin-password")).ToBeFocusedAsync();
        await Expect(console.Cards).ToHaveCountAsync(0);
        Assert.Empty(dataRequests);
        Assert.Null(await console.StoredSessionAsync());

        await page.GetByTestId("lang-zh-CN").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "登录" })).ToBeVisibleAsync();
        await Expect(error).ToHaveTextAsync("用户名或密码错误。");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("signin-zh.png"), FullPage = true });
        await page.GetByTestId("lang-en").ClickAsync();

        await page.GetByTestId("signin-password").FillAsync(ConsolePage.DemoPassword);
        await page.GetByTestId("signin-submit").ClickAsync();
        await Expect(page.GetByTestId("customer-card-W2")).ToContainTextAsync("Qian Hui", new() { Timeout = 10_000 });
        // A reload keeps the session of this tab.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("customer-card-W2")).ToContainTextAsync("Qian Hui", new() { Timeout = 10_000 });

        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signin-user")).ToHaveValueAsync("");
        await Expect(page.GetByTestId("signin-reason")).ToHaveCountAsync(0);
        await Expect(console.Cards).ToHaveCountAsync(0);
        Assert.Null(await console.StoredSessionAsync());
        Assert.EndsWith("?customers=W2", page.Url);
    }
}
