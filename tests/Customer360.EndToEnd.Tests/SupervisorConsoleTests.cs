using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Customer360.Testing;
using Microsoft.Playwright;
using static Customer360.Testing.Events;
using static Microsoft.Playwright.Assertions;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// The supervisor's console (主管) in Chromium: the tier board of the supervisor's region, live. Other tests of
/// the collection register customers in north too, so counts are compared with what this page showed before.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class SupervisorConsoleTests(SystemFixture system)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task a_tier_change_in_the_region_appears_live_with_its_reason_and_moves_the_counts_and_another_regions_never_does()
    {
        await Feed.PostAsync(system.Http,
            Registered("SUP1", "sup1-reg", msisdn: "13912370001", name: "Sun Lan", region: "north"),
            Registered("SUP2", "sup2-reg", msisdn: "13912370002", name: "Ma Jun", region: "south", homeStoreId: "S02", accountManagerId: "AM02", phoneManagerId: "PM02"),
            Registered("SUP3", "sup3-reg", msisdn: "13912370003", name: "He Ping", region: "north"));
        await using var console = await ConsolePage.OpenAsync(system.Gateway.BaseAddress);
        var page = console.Page;
        await console.GotoAsync("/");
        await console.SignInAsync("sup-north");
        await Expect(page.GetByTestId("signed-in-role")).ToHaveTextAsync("Supervisor · region north", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("sup-board")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tier board" })).ToBeVisibleAsync();
        foreach (var tier in new[] { "Strategic", "Group mid/high", "Mid/high", "Mass" })
            await Expect(page.GetByTestId("tier-count")).ToContainTextAsync(tier);
        // Registering a customer moves the mass count only: mid/high and the base move with the tier change alone.
        var midHigh = await CountAsync(page, "tier-count-mid-high");
        var strategic = await CountAsync(page, "tier-count-strategic");
        var retention = await page.GetByTestId("sup-retention-counts").TextContentAsync();
        await page.EvaluateAsync("window.__noReload = true");

        var months = ClosedMonths(3);
        await Feed.PostAsync(system.Http, Bill("SUP1", "sup1-b1", months[0], 150), Bill("SUP1", "sup1-b2", months[1], 150), Bill("SUP1", "sup1-b3", months[2], 150));
        var row = ChangeRow(page, "SUP1");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(row).ToContainTextAsync("Sun Lan");
        await Expect(row).ToContainTextAsync("Upgrade");
        await Expect(row).ToContainTextAsync("Mass ★");
        await Expect(row.GetByTestId("tier-change-to")).ToHaveTextAsync("Mid/high");
        await Expect(row.GetByTestId("tier-change-reason")).ToHaveTextAsync("Three-month billed revenue ¥450 reaches the mid/high line ¥360");
        await WaitForCountAsync(page, "tier-count-mid-high", n => n >= midHigh + 1);
        await Expect(page.GetByTestId("tier-count-mid-high")).ToHaveClassAsync(new Regex("flash"));
        // SUP1 joins the mid/high base, still retained.
        await Expect(page.GetByTestId("sup-retention-counts")).Not.ToHaveTextAsync(retention ?? "", new() { Timeout = 10_000 });

        // A south customer's change, then another north one: by the time the second is on screen, the first
        // would be too had it been sent to this console. The gateway keeps the order of one connection's pushes.
        using var admin = await system.Gateway.CreateSignedInClientAsync("admin");
        await Feed.PostAsync(system.Http, Bill("SUP2", "sup2-b1", months[0], 150), Bill("SUP2", "sup2-b2", months[1], 150), Bill("SUP2", "sup2-b3", months[2], 150));
        await Eventually.GetAsync(async () => await admin.GetFromJsonAsync<JsonElement>("/api/v1/tiers/changes?region=south"),
            c => c.EnumerateArray().Any(x => x.GetProperty("customerId").GetString() == "SUP2"), Timeout, "SUP2's change on the south board");
        await Feed.PostAsync(system.Http, Bill("SUP3", "sup3-b1", months[0], 300), Bill("SUP3", "sup3-b2", months[1], 300), Bill("SUP3", "sup3-b3", months[2], 330));
        await Expect(ChangeRow(page, "SUP3")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("tier-change").First).ToHaveAttributeAsync("data-customer", "SUP3");
        await Expect(ChangeRow(page, "SUP3").GetByTestId("tier-change-to")).ToHaveTextAsync("Strategic");
        await WaitForCountAsync(page, "tier-count-strategic", n => n >= strategic + 1);
        await Expect(ChangeRow(page, "SUP2")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("sup-board")).Not.ToContainTextAsync("Ma Jun");
        Assert.True(await page.EvaluateAsync<bool>("window.__noReload === true"));

        await AssertNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("supervisor-console-en.png") });

        // By keyboard: the language switch, then on to the feed, which takes the focus to scroll.
        await page.GetByTestId("lang-zh-CN").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "分层看板" })).ToBeVisibleAsync();
        foreach (var term in new[] { "战略客户", "集团中高端", "普通中高端", "大众客户" })
            await Expect(page.GetByTestId("tier-count")).ToContainTextAsync(term);
        foreach (var term in new[] { "考察期", "形成期", "稳定期", "退化期", "离网" })
            await Expect(page.GetByTestId("stage-count")).ToContainTextAsync(term);
        await Expect(page.GetByTestId("sup-board")).ToContainTextAsync("中高端保有率");
        await Expect(page.GetByTestId("sup-board")).ToContainTextAsync("离网预警");
        await Expect(row.GetByTestId("tier-change-to")).ToHaveTextAsync("普通中高端");
        await Expect(row.GetByTestId("tier-change-reason")).ToHaveTextAsync("近三月出账450元，达到中高端标准360元");
        await Expect(row).ToContainTextAsync("升级");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("sign-out")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByTestId("tier-changes")).ToBeFocusedAsync();

        await page.SetViewportSizeAsync(1024, 768);
        await AssertNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("supervisor-console-zh.png") });

        // After a reload the changes come from the snapshot, with the reason as code and arguments: worded the
        // same way in both languages as the pushes were.
        await page.ReloadAsync();
        await Expect(row.GetByTestId("tier-change-reason")).ToHaveTextAsync("近三月出账450元，达到中高端标准360元", new() { Timeout = 10_000 });
        await page.GetByTestId("lang-en").ClickAsync();
        await Expect(row.GetByTestId("tier-change-reason")).ToHaveTextAsync("Three-month billed revenue ¥450 reaches the mid/high line ¥360");
        await Expect(ChangeRow(page, "SUP3").GetByTestId("tier-change-reason"))
            .ToHaveTextAsync("Silver VIP card: three-month billed revenue ¥930 reaches ¥900, a year or more with us and no arrears");
        await AssertNoHorizontalScrollAsync(page);
    }

    [Fact]
    public async Task a_burst_of_tier_changes_shows_every_one_and_rereads_the_counts_at_most_about_once_a_second()
    {
        const int customers = 40;
        var ids = Enumerable.Range(1, customers).Select(i => $"SUPB{i:D2}").ToList();
        await Feed.PostAsync(system.Http, [.. ids.Select((id, i) => Registered(id, $"{id}-reg", msisdn: $"139123711{i:D2}", name: $"Burst {i + 1}", region: "north"))]);
        await using var console = await ConsolePage.OpenAsync(system.Gateway.BaseAddress);
        var page = console.Page;
        var rereads = new ConcurrentQueue<DateTimeOffset>();
        page.Request += (_, r) => { if (r.Url.Contains("/api/v1/tiers/board")) rereads.Enqueue(DateTimeOffset.UtcNow); };
        await console.GotoAsync("/");
        await console.SignInAsync("sup-north");
        await Expect(page.GetByTestId("sup-board")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        var midHigh = await CountAsync(page, "tier-count-mid-high");

        var months = ClosedMonths(3);
        var started = DateTimeOffset.UtcNow;
        await Feed.PostAsync(system.Http, [.. ids.SelectMany(id => months.Select((m, i) => Bill(id, $"{id}-b{i}", m, 200)))]);
        // The gateway may cut a customer's three bills across two chunks: then the first lifts the stars and the
        // rest the tier, two changes. Either way, one move to mid/high each.
        foreach (var id in ids) await Expect(ChangeRow(page, id).And(page.Locator("[data-to='mid-high']"))).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await WaitForCountAsync(page, "tier-count-mid-high", n => n >= midHigh + customers);
        var elapsed = DateTimeOffset.UtcNow - started;

        // The page still answers at once, and the counts were re-read no more than the throttle allows: once a
        // second (plus the one that may have been running when the burst began).
        Assert.True(await page.EvaluateAsync<bool>("() => new Promise(r => requestAnimationFrame(() => r(true)))"));
        Assert.InRange(rereads.Count(t => t >= started), 1, (int)Math.Ceiling(elapsed.TotalSeconds) + 2);
        var sorted = rereads.Where(t => t >= started).Order().ToList();
        for (var i = 1; i < sorted.Count; i++)
            Assert.True(sorted[i] - sorted[i - 1] > TimeSpan.FromMilliseconds(900), $"re-reads {sorted[i - 1]:O} and {sorted[i]:O} less than a second apart");
    }

    private static ILocator ChangeRow(IPage page, string customerId) =>
        page.Locator($"[data-testid='tier-change'][data-customer='{customerId}']");

    private static async Task<long> CountAsync(IPage page, string testId) =>
        long.Parse(Regex.Replace(await page.GetByTestId(testId).TextContentAsync() ?? "", @"\D", ""), System.Globalization.CultureInfo.InvariantCulture);

    private static Task WaitForCountAsync(IPage page, string testId, Func<long, bool> done) =>
        Eventually.GetAsync(() => CountAsync(page, testId), done, Timeout, $"{testId} on the page");

    private static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        Assert.True(scroll <= client, $"the page scrolls sideways: {scroll} px wide in a {client} px window");
    }
}
