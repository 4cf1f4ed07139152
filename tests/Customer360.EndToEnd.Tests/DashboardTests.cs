using Microsoft.Playwright;
using static Customer360.Testing.Events;
using static Microsoft.Playwright.Assertions;

namespace Customer360.EndToEnd.Tests;

[Collection(SystemCollection.Name)]
public sealed class DashboardTests(SystemFixture system)
{
    [Fact]
    public async Task the_profile_page_updates_live_without_a_reload()
    {
        await Feed.PostAsync(system.Http, Registered("W1", "w1-reg", name: "Zhou Min"), Data("W1", "w1-d1", 10));
        var (playwright, browser) = await Browser.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "en-US" });

        await page.GotoAsync(new Uri(system.Gateway.BaseAddress, "/?customers=W1").ToString());
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

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("profile-page-en.png"), FullPage = true });
    }
}
