using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Customer360.Testing.Events;
using static Microsoft.Playwright.Assertions;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// The account manager's console (客户经理) in Chromium: the live portfolio, the full profile, manual tags and
/// visits, and what another manager's customers never show.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AccountManagerConsoleTests(SystemFixture system)
{
    private const int LiveTimeoutMs = 5_000;

    [Fact]
    public async Task the_portfolio_changes_live_an_alert_moves_its_row_up_and_another_managers_customer_never_shows()
    {
        await Feed.PostAsync(system.Http,
            Registered("AMC1", "amc1-reg", msisdn: "13654710001", name: "AM Peer"),
            Registered("AMC2", "amc2-reg", msisdn: "13654710002", name: "AM Target"),
            Registered("AMC9", "amc9-reg", msisdn: "13654710009", name: "AM Elsewhere", accountManagerId: "AM02", phoneManagerId: "PM02"));
        await using var console = await SignedInAsync("am01");
        var page = console.Page;
        await Expect(Row(page, "AMC2")).ToContainTextAsync("AM Target", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("signed-in-role")).ToHaveTextAsync("Account manager · manager AM01");
        await page.EvaluateAsync("window.__noReload = true");

        // Registered for AM01 while the console is open: the row arrives by push.
        await Feed.PostAsync(system.Http, Registered("AMC3", "amc3-reg", msisdn: "13654710003", name: "AM Newcomer"));
        await Expect(Row(page, "AMC3")).ToContainTextAsync("AM Newcomer", new() { Timeout = LiveTimeoutMs });

        // Identified at a store's counter: the row says where and when.
        using (var store = await system.Gateway.CreateSignedInClientAsync("store01"))
        {
            var walkIn = await store.PostAsJsonAsync("/api/v1/stores/S01/walk-ins", new { msisdn = "13654710003" });
            Assert.True(walkIn.IsSuccessStatusCode, await walkIn.Content.ReadAsStringAsync());
        }
        await Expect(Row(page, "AMC3").GetByTestId("walk-in")).ToContainTextAsync("Walked in at store S01", new() { Timeout = LiveTimeoutMs });

        // Equal attention sorts by name: the peer first. A complaint raises an alert on the target, which puts it
        // ahead, with its count of open alerts.
        await WaitForOrderAsync(page, "AMC1", "AMC2");
        var counts = Row(page, "AMC2").GetByTestId("alert-counts");
        var before = await counts.CountAsync() == 0 ? 0 : int.Parse(await counts.GetAttributeAsync("data-total") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await Feed.PostAsync(system.Http, Complaint("AMC2", "amc2-complaint", "T-AMC2"));
        await Expect(counts).ToHaveAttributeAsync("data-total", $"{before + 1}", new() { Timeout = LiveTimeoutMs });
        await WaitForOrderAsync(page, "AMC2", "AMC1");

        // Another manager's customer: not in the list, and the search within scope does not find it either.
        await Feed.PostAsync(system.Http, Voice("AMC9", "amc9-v1", 60));
        await Expect(Row(page, "AMC9")).ToHaveCountAsync(0);
        await SearchAsync(page, "AMC9");
        await Expect(page.GetByTestId("am-empty")).ToHaveTextAsync("No customer in your portfolio matches “AMC9”.", new() { Timeout = LiveTimeoutMs });
        await Expect(page.Locator("[data-testid^='am-row-']")).ToHaveCountAsync(0);
        await SearchAsync(page, "AM Elsewhere");
        await Expect(page.GetByTestId("am-empty")).ToHaveTextAsync("No customer in your portfolio matches “AM Elsewhere”.", new() { Timeout = LiveTimeoutMs });
        // The same search box finds a customer in scope, so the empty answers above are the scope at work.
        await SearchAsync(page, "AMC2");
        await Expect(Row(page, "AMC2")).ToBeVisibleAsync(new() { Timeout = LiveTimeoutMs });
        await Expect(page.Locator("[data-testid^='am-row-']")).ToHaveCountAsync(1);
        await page.GetByTestId("am-search-clear").ClickAsync();
        await Expect(Row(page, "AMC3")).ToBeVisibleAsync();
        await Expect(Row(page, "AMC9")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("window.__noReload === true"));
    }

    [Fact]
    public async Task a_manual_tag_added_in_the_profile_appears_live_on_the_admins_card()
    {
        await Feed.PostAsync(system.Http, RichCustomer("AMC5", "13654710005", "AM Chen Jing"));
        // Neighbours of other tiers and stages, for the screenshots: mass with stars, strategic, declining.
        var months = ClosedMonths(3);
        await Feed.PostAsync(system.Http,
            [
                Registered("AMC6", "amc6-reg", msisdn: "13654710006", name: "AM Gao Fei"),
                .. months.Select(m => Bill("AMC6", $"amc6-bill-{m}", m, 40)),
                Registered("AMC7", "amc7-reg", msisdn: "13654710007", name: "AM Zhao Lei", joinedOn: "2020-05-01"),
                .. months.Select(m => Bill("AMC7", $"amc7-bill-{m}", m, 350)),
                Registered("AMC8", "amc8-reg", msisdn: "13654710008", name: "AM Sun Li"),
                Event("AMC8", "amc8-port", "touchpoint", new JsonObject { ["channel"] = "call-centre", ["kind"] = "port-out-inquiry" }),
            ]);
        await using var admin = await SignedInAsync("admin", "/?customers=AMC5");
        var card = admin.Page.GetByTestId("customer-card-AMC5");
        await Expect(card).ToContainTextAsync("AM Chen Jing", new() { Timeout = 10_000 });

        await using var console = await SignedInAsync("am01");
        var page = console.Page;
        // By keyboard: search, then on the list Home goes to the first row and Enter opens its profile.
        await SearchAsync(page, "AMC5");
        await Expect(Row(page, "AMC5")).ToBeVisibleAsync(new() { Timeout = LiveTimeoutMs });
        await page.GetByTestId("am-list").FocusAsync();
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("Enter");
        var profile = page.GetByTestId("profile-view");
        await Expect(profile).ToHaveAttributeAsync("data-status", "found", new() { Timeout = LiveTimeoutMs });
        await Expect(profile).ToHaveAttributeAsync("data-customer", "AMC5");
        await page.GetByTestId("am-search-clear").ClickAsync();
        await Expect(profile.GetByTestId("tier")).ToHaveAttributeAsync("data-tier", "mid-high");
        await Expect(profile.GetByTestId("bills-chart").Locator("g.bar")).ToHaveCountAsync(6);
        await Expect(profile.GetByTestId("meter-data-pct")).ToHaveTextAsync("50%");

        await profile.GetByTestId("tag-input").FillAsync("golf-club");
        await profile.GetByTestId("tag-add").ClickAsync();
        await Expect(profile.Locator("[data-tag='golf-club']")).ToHaveAttributeAsync("data-source", "manual", new() { Timeout = LiveTimeoutMs });
        await Expect(card).ToContainTextAsync("golf-club", new() { Timeout = LiveTimeoutMs });

        // The rules own automatic tags: the refusal says why.
        await profile.GetByTestId("tag-input").FillAsync("data-heavy");
        await profile.GetByTestId("tag-add").ClickAsync();
        await Expect(profile.GetByTestId("tag-message")).ToContainTextAsync("is an automatic tag", new() { Timeout = LiveTimeoutMs });

        await profile.GetByTestId("contact-note").FillAsync("Discussed the family plan over tea");
        await profile.GetByTestId("contact-submit").ClickAsync();
        await Expect(profile.GetByTestId("contact-status")).ToHaveTextAsync("Recorded. It is on the timeline.", new() { Timeout = LiveTimeoutMs });
        await Expect(profile.GetByTestId("timeline").Locator("li[data-type='touchpoint']").First)
            .ToContainTextAsync("Discussed the family plan over tea", new() { Timeout = LiveTimeoutMs });

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("account-manager-console-en.png") });
        await page.GetByTestId("lang-zh-CN").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的客户" })).ToBeVisibleAsync();
        await Expect(profile.GetByTestId("tier")).ToHaveTextAsync("普通中高端");
        // The reasons are read again in Chinese.
        await Expect(profile.Locator(".pv-reasons")).ToContainTextAsync("中高端", new() { Timeout = LiveTimeoutMs });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("account-manager-console-zh.png") });
        Assert.False(await HasHorizontalScrollAsync(page), "horizontal scroll at 1366×768");

        // A tablet: the profile folds into one column, and still nothing scrolls sideways.
        await page.SetViewportSizeAsync(1024, 768);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("account-manager-console-zh-1024.png") });
        Assert.False(await HasHorizontalScrollAsync(page), "horizontal scroll at 1024×768");
    }

    private static Task<bool> HasHorizontalScrollAsync(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");

    private static ILocator Row(IPage page, string customerId) => page.GetByTestId($"am-row-{customerId}");

    private async Task<ConsolePage> SignedInAsync(string userName, string path = "/")
    {
        var console = await ConsolePage.OpenAsync(system.Gateway.BaseAddress);
        await console.GotoAsync(path);
        await console.SignInAsync(userName);
        await Expect(console.Page.GetByTestId("signed-in-user")).ToHaveTextAsync(userName, new() { Timeout = 10_000 });
        return console;
    }

    private static async Task SearchAsync(IPage page, string q)
    {
        await page.GetByTestId("am-search-input").FillAsync(q);
        await page.GetByTestId("am-search-input").PressAsync("Enter");
    }

    /// <summary>Waits until <paramref name="first"/> is listed above <paramref name="second"/>.</summary>
    private static Task WaitForOrderAsync(IPage page, string first, string second) =>
        page.WaitForFunctionAsync(
            """
            ([a, b]) => {
              const ids = [...document.querySelectorAll("[data-testid='am-list'] [role='option']")].map(e => e.dataset.customer);
              return ids.includes(a) && ids.includes(b) && ids.indexOf(a) < ids.indexOf(b);
            }
            """,
            new[] { first, second }, new() { Timeout = LiveTimeoutMs });

    private static JsonObject Complaint(string customerId, string eventId, string reference) =>
        Event(customerId, eventId, "touchpoint", new JsonObject { ["channel"] = "call-centre", ["kind"] = "complaint", ["reference"] = reference });

    /// <summary>A customer with a plan, a handset, six closed months (A3 480: mid/high) and half the data allowance used.</summary>
    private static JsonObject[] RichCustomer(string id, string msisdn, string name)
    {
        var months = ClosedMonths(6);
        return
        [
            Registered(id, $"{id}-reg", msisdn: msisdn, name: name, joinedOn: "2022-03-01"),
            Event(id, $"{id}-plan", "product.changed", new JsonObject
            {
                ["planName"] = "Family 128", ["monthlyFee"] = 128, ["paymentMode"] = "postpaid", ["voiceMinutes"] = 500, ["dataMb"] = 20480,
                ["sms"] = 100, ["broadband"] = false, ["contractEnd"] = "2027-06-30", ["autoPay"] = true,
            }),
            Event(id, $"{id}-device", "device.changed", new JsonObject
            {
                ["brand"] = "Xiaomi", ["model"] = "14", ["priceBand"] = "high", ["dualSim"] = true, ["inUseSince"] = "2025-02-01",
            }),
            .. months.Select((month, i) => Bill(id, $"{id}-bill-{month}", month, 120 + 10 * i)),
            Data(id, $"{id}-data", 10240),
            Voice(id, $"{id}-voice", 125 * 60),
        ];
    }

    private static JsonObject Event(string customerId, string eventId, string type, JsonObject payload) => new()
    {
        ["eventId"] = eventId,
        ["customerId"] = customerId,
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O"),
        ["type"] = type,
        ["payload"] = payload,
    };
}
