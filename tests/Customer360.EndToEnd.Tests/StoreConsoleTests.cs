using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Customer360.EndToEnd.Tests.FrontlineConsole;
using static Customer360.Testing.Events;
using static Microsoft.Playwright.Assertions;

namespace Customer360.EndToEnd.Tests;

/// <summary>The store console (门店店员) in Chromium: a walk-in looked up by number, walk-ins and work orders live.</summary>
[Collection(SystemCollection.Name)]
public sealed class StoreConsoleTests(SystemFixture system)
{
    [Fact]
    public async Task a_walk_in_looked_up_by_number_shows_the_masked_context_card_and_the_full_number_nowhere()
    {
        var months = ClosedMonths(3);
        await Feed.PostAsync(system.Http, Registered("STC1", "stc1-reg", msisdn: "13870001001", name: "Zhao Lei"),
            Bill("STC1", "stc1-b1", months[0], 150), Bill("STC1", "stc1-b2", months[1], 160), Bill("STC1", "stc1-b3", months[2], 170),
            Complaint("STC1", "stc1-c1"));
        await using var console = await SignedInAsync(system, "store01");
        var page = console.Page;

        await page.GetByTestId("lookup-msisdn").FillAsync("12");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("lookup-message")).ToHaveTextAsync("Enter the phone number: 5 to 15 digits.");
        await page.GetByTestId("lookup-msisdn").FillAsync("13870009999");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("lookup-message")).ToHaveTextAsync("No customer you may identify at this store has this number.", new() { Timeout = 10_000 });

        await page.GetByTestId("lookup-msisdn").FillAsync("13870001001");
        await page.Keyboard.PressAsync("Enter");
        var card = page.GetByTestId("context-card");
        await Expect(card).ToHaveAttributeAsync("data-customer", "STC1", new() { Timeout = 10_000 });
        await Expect(card.GetByTestId("card-msisdn")).ToHaveTextAsync("138****1001");
        await Expect(card.GetByTestId("card-name")).ToHaveTextAsync("Z*******");
        await Expect(card.GetByTestId("tier")).ToHaveTextAsync("Mid/high");
        await Expect(card.GetByTestId("card-alert-complaint")).Not.ToBeEmptyAsync();
        await Expect(card.GetByTestId("card-actions").Locator("li").First).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("lookup-msisdn")).ToHaveValueAsync("");
        await Expect(page.GetByTestId("walk-in-STC1")).ToBeVisibleAsync(Live);

        await card.GetByTestId("touchpoint-kind").SelectOptionAsync("campaign-offered");
        await card.GetByTestId("touchpoint-score").SelectOptionAsync("5");
        await card.GetByTestId("touchpoint-note").FillAsync("offered the family plan");
        await card.GetByTestId("touchpoint-submit").ClickAsync();
        await Expect(card.GetByTestId("touchpoint-message")).ToHaveTextAsync("Contact recorded.", new() { Timeout = 10_000 });

        var html = await page.ContentAsync();
        var text = await page.Locator("body").InnerTextAsync();
        foreach (var secret in new[] { "13870001001", "Zhao Lei" })
        {
            Assert.DoesNotContain(secret, html);
            Assert.DoesNotContain(secret, text);
        }

        await ScreenshotAsync(page, "store-console-en.png");
        await LanguageAsync(page, "zh-CN", "门店柜台");
        await Expect(card.GetByTestId("tier")).ToHaveTextAsync("普通中高端");
        await Expect(card.GetByTestId("touchpoint-message")).ToHaveTextAsync("接触已记录。");
        await Expect(card.GetByTestId("touchpoint-kind")).ToHaveValueAsync("campaign-offered");
        await ScreenshotAsync(page, "store-console-zh.png");
        await LanguageAsync(page, "en", "Store counter");
        await AssertFitsAsync(page, 1024);
        await ScreenshotAsync(page, "store-console-1024-en.png");
        await AssertFitsAsync(page, 1366);
    }

    [Fact]
    public async Task a_walk_in_recorded_elsewhere_appears_live_and_opens_its_card()
    {
        await Feed.PostAsync(system.Http, Registered("STC2", "stc2-reg", msisdn: "13870001002", name: "Qin Yue"));
        await using var console = await SignedInAsync(system, "store01");
        var page = console.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Today’s walk-ins" })).ToBeVisibleAsync();

        using var colleague = await system.Gateway.CreateSignedInClientAsync("store01");
        using var walkIn = await colleague.PostAsJsonAsync("/api/v1/stores/S01/walk-ins", new { msisdn = "13870001002" });
        Assert.Equal(HttpStatusCode.OK, walkIn.StatusCode);

        var row = page.GetByTestId("walk-in-STC2");
        await Expect(row).ToBeVisibleAsync(Live);
        await Expect(row).ToContainTextAsync("Q******");
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("context-card").GetByTestId("card-msisdn")).ToHaveTextAsync("138****1002", new() { Timeout = 10_000 });
        Assert.DoesNotContain("13870001002", await page.ContentAsync());
    }

    [Fact]
    public async Task the_store_completes_a_work_order_dispatched_by_the_phone_manager_who_sees_it_done()
    {
        await Feed.PostAsync(system.Http, Registered("STC3", "stc3-reg", msisdn: "13870001003", name: "Lu Hao"));
        using var pmApi = await system.Gateway.CreateSignedInClientAsync("pm01");
        await using var pm = await SignedInAsync(system, "pm01");
        await using var store = await SignedInAsync(system, "store01");

        var id = await DispatchToS01Async(pmApi, "STC3");
        var order = store.Page.GetByTestId("store-work-orders").GetByTestId($"work-order-{id}");
        await Expect(order).ToBeVisibleAsync(Live);
        await Expect(order).ToContainTextAsync("Device swap");
        await Expect(order).ToContainTextAsync("wants the new model");
        await order.GetByTestId("work-order-accept").ClickAsync();
        await Expect(order).ToHaveAttributeAsync("data-state", "accepted", new() { Timeout = 10_000 });

        // Completing needs the outcome.
        await order.GetByTestId("work-order-complete").ClickAsync();
        await Expect(order.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Say what was done before completing.");
        await order.GetByTestId("work-order-outcome").FillAsync("new handset handed over");
        await store.Page.Keyboard.PressAsync("Enter");
        await Expect(order).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 10_000 });
        await Expect(order.GetByTestId("work-order-message")).ToHaveTextAsync("Work order completed.");

        var seen = pm.Page.GetByTestId("work-orders").GetByTestId($"work-order-{id}");
        await Expect(seen).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 10_000 });
        await Expect(seen).ToContainTextAsync("Outcome: new handset handed over");
    }
}
