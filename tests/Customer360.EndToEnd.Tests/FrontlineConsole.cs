using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Customer360.EndToEnd.Tests;

/// <summary>What the phone-manager and store console tests share: a page signed in and live, the events and calls they set up with, the layout checks.</summary>
internal static class FrontlineConsole
{
    /// <summary>How long a push may take to show on a page: a second is the target, the rest is this machine.</summary>
    public static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 10_000 };

    /// <summary>A browser on the dashboard, signed in through the form with the keyboard, its connection live.</summary>
    public static async Task<ConsolePage> SignedInAsync(SystemFixture system, string userName)
    {
        var console = await ConsolePage.OpenAsync(system.Gateway.BaseAddress);
        await console.GotoAsync("/");
        await console.SignInAsync(userName);
        await Expect(console.Page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        return console;
    }

    /// <summary>A complaint from the call centre: it raises a complaint alert owned by the customer's phone manager.</summary>
    public static JsonObject Complaint(string customerId, string eventId) => new()
    {
        ["eventId"] = eventId,
        ["customerId"] = customerId,
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"),
        ["type"] = "touchpoint",
        ["payload"] = new JsonObject { ["channel"] = "call-centre", ["kind"] = "complaint", ["reference"] = $"T-{eventId}" },
    };

    /// <summary>Has <paramref name="dispatcher"/> dispatch a device swap for the customer to store S01; returns the order id.</summary>
    public static async Task<string> DispatchToS01Async(HttpClient dispatcher, string customerId)
    {
        using var response = await dispatcher.PostAsJsonAsync("/api/v1/work-orders", new
        {
            customerId,
            addressee = new { kind = "store", id = "S01" },
            kind = "device-swap",
            dueAt = DateTimeOffset.UtcNow.AddHours(4).ToString("O"),
            notes = "wants the new model",
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Switches the page to a language and waits for a heading in it.</summary>
    public static async Task LanguageAsync(IPage page, string locale, string heading)
    {
        await page.GetByTestId($"lang-{locale}").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
    }

    /// <summary>At the laptop and tablet sizes nothing needs a horizontal scroll (every column fits).</summary>
    public static async Task AssertFitsAsync(IPage page, int width)
    {
        await page.SetViewportSizeAsync(width, 768);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        Assert.True(scroll <= client, $"at {width}×768 the page is {scroll} px wide in a {client} px window");
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath(name) });
}
