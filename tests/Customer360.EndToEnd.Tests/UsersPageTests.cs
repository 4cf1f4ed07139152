using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// The administrator's Users page in Debian's Chromium: create a user, that user signs in in another browser,
/// the administrator disables them and their open console goes back to the sign-in form.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class UsersPageTests(SystemFixture system)
{
    [Fact]
    public async Task an_administrator_creates_a_user_who_signs_in_and_is_signed_out_when_disabled()
    {
        var name = UserAdmin.NewName("clerk");
        await using var admin = await ConsolePage.OpenAsync(system.Gateway.BaseAddress);
        var page = admin.Page;
        await admin.GotoAsync("/?customers=UP1");
        await admin.SignInAsync("admin");
        await page.GetByTestId("admin-tab-users").ClickAsync(new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("users-page")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("user-row-am01")).ToBeVisibleAsync(new() { Timeout = 10_000 });

        // A password below the policy is refused with the gateway's reason.
        await page.GetByTestId("user-create-name").FillAsync(name);
        await page.GetByTestId("user-create-password").FillAsync("short");
        await page.GetByTestId("user-create-role").SelectOptionAsync("store");
        await page.GetByTestId("user-create-storeId").FillAsync("S05");
        await page.GetByTestId("user-create-region").FillAsync("south");
        await page.GetByTestId("user-create-submit").ClickAsync();
        await Expect(page.GetByTestId("users-notice")).ToContainTextAsync("password must be 12 to 256 characters");

        await page.GetByTestId("user-create-password").FillAsync(UserAdmin.Password);
        await page.GetByTestId("user-create-submit").ClickAsync();
        await Expect(page.GetByTestId("users-notice")).ToHaveTextAsync($"User {name} created.");
        var row = page.GetByTestId($"user-row-{name}");
        await Expect(row).ToContainTextAsync("store S05, region south");
        await Expect(row).ToHaveAttributeAsync("data-disabled", "false");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("users-page-en.png"), FullPage = true });

        await using var clerk = await ConsolePage.OpenAsync(system.Gateway.BaseAddress);
        await clerk.GotoAsync("/");
        await clerk.SignInAsync(name, UserAdmin.Password);
        await Expect(clerk.Page.GetByTestId("signed-in-user")).ToHaveTextAsync(name, new() { Timeout = 10_000 });
        await Expect(clerk.Page.GetByTestId("signed-in-role")).ToHaveTextAsync("Store staff · store S05, region south");
        await Expect(clerk.Page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });

        await page.GetByTestId($"user-disable-{name}").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-disabled", "true");
        await Expect(page.GetByTestId($"user-status-{name}")).ToHaveTextAsync("Disabled");
        // The gateway refreshes user states every 15 s (Auth:UserStateRefresh): the console is closed within that, and
        // its reconnection is refused, which brings back the sign-in form.
        await Expect(clerk.Page.GetByTestId("signin-form")).ToBeVisibleAsync(new() { Timeout = 45_000 });
        await Expect(clerk.Page.GetByTestId("signin-reason")).ToBeVisibleAsync();

        await page.GetByTestId("lang-zh-CN").ClickAsync();
        await Expect(page.GetByTestId($"user-status-{name}")).ToHaveTextAsync("已停用");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("users-page-zh.png"), FullPage = true });
        await page.GetByTestId("lang-en").ClickAsync();
    }
}
