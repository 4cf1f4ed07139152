using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Customer360.EndToEnd.Tests;

/// <summary>One browser page on the dashboard, signed in through its form as a user would.</summary>
internal sealed class ConsolePage : IAsyncDisposable
{
    public const string DemoPassword = "demo123";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _gateway;

    public IPage Page { get; }

    /// <summary>Every card on the page, whatever its customer.</summary>
    public ILocator Cards => Page.Locator("[data-testid^='customer-card-']");

    private ConsolePage(IPlaywright playwright, IBrowser browser, IPage page, Uri gateway) =>
        (_playwright, _browser, Page, _gateway) = (playwright, browser, page, gateway);

    /// <summary>A new browser with one page, in English, not yet on the dashboard.</summary>
    public static async Task<ConsolePage> OpenAsync(Uri gateway)
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "en-US" });
        return new ConsolePage(playwright, browser, page, gateway);
    }

    public Task GotoAsync(string pathAndQuery) => Page.GotoAsync(new Uri(_gateway, pathAndQuery).ToString());

    /// <summary>With the keyboard only: the form has the focus, Tab moves to the password, Enter submits.</summary>
    public async Task SignInAsync(string userName, string password = DemoPassword)
    {
        var user = Page.GetByTestId("signin-user");
        await Expect(user).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(userName);
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByTestId("signin-password")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(password);
        await Page.Keyboard.PressAsync("Enter");
    }

    public Task<string?> StoredSessionAsync(string storage = "sessionStorage") =>
        Page.EvaluateAsync<string?>($"{storage}.getItem('c360.session')");

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
