using Microsoft.Playwright;
using static Customer360.EndToEnd.Tests.FrontlineConsole;
using static Customer360.Testing.Events;
using static Microsoft.Playwright.Assertions;

namespace Customer360.EndToEnd.Tests;

/// <summary>The phone manager's console (电话经理) in Chromium: the live alert queue, the actions on an alert, dispatch watched live.</summary>
[Collection(SystemCollection.Name)]
public sealed class PhoneManagerConsoleTests(SystemFixture system)
{
    private static ILocator RowOf(IPage page, string customerId) => page.Locator($"[data-testid^='alert-row-'][data-customer='{customerId}']");

    [Fact]
    public async Task an_alert_appears_live_is_acknowledged_then_resolved_with_an_outcome_and_leaves_the_queue_while_another_managers_never_shows()
    {
        var months = ClosedMonths(3);
        await Feed.PostAsync(system.Http, Registered("PMC1", "pmc1-reg", msisdn: "13870000001", name: "Sun Li"),
            Bill("PMC1", "pmc1-b1", months[0], 150), Bill("PMC1", "pmc1-b2", months[1], 160), Bill("PMC1", "pmc1-b3", months[2], 170),
            Registered("PMC2", "pmc2-reg", msisdn: "13870000002", name: "Hu Jun", phoneManagerId: "PM02"));
        await using var console = await SignedInAsync(system, "pm01");
        var page = console.Page;
        await Expect(page.GetByTestId("alert-count")).ToBeVisibleAsync(Live);

        // Another manager's customer first: had it reached pm01's queue, it would be there before PMC1's.
        await Feed.PostAsync(system.Http, Complaint("PMC2", "pmc2-c1"));
        await Feed.PostAsync(system.Http, Complaint("PMC1", "pmc1-c1"));
        var row = RowOf(page, "PMC1");
        await Expect(row).ToBeVisibleAsync(Live);
        await Expect(row).ToContainTextAsync("Complaint");
        await Expect(row).ToContainTextAsync("Sun Li");
        await Expect(row).ToContainTextAsync("Mid/high");
        await Expect(RowOf(page, "PMC2")).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Hu Jun");

        // Keyboard: the row is a button; Enter opens the customer with the alert's reason.
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var pane = page.GetByTestId("customer-pane");
        await Expect(pane).ToHaveAttributeAsync("data-customer", "PMC1", new() { Timeout = 10_000 });
        await Expect(pane.GetByTestId("alert-reason").First).Not.ToBeEmptyAsync();

        // A refusal says why.
        await pane.GetByTestId("alert-snooze-until").FillAsync("2020-01-01T10:00");
        await pane.GetByTestId("alert-snooze").ClickAsync();
        await Expect(pane.GetByTestId("alert-message")).ToContainTextAsync("Refused: snooze time must be in the future", new() { Timeout = 10_000 });

        await pane.GetByTestId("alert-ack").ClickAsync();
        await Expect(pane.GetByTestId("alert-message")).ToHaveTextAsync("Alert acknowledged.", new() { Timeout = 10_000 });
        await Expect(row.GetByTestId("alert-state")).ToHaveAttributeAsync("data-state", "acknowledged", new() { Timeout = 10_000 });

        await pane.GetByTestId("call-note").FillAsync("Explained the refund; customer calmer");
        await pane.GetByTestId("call-score").SelectOptionAsync("4");
        await pane.GetByTestId("call-submit").ClickAsync();
        await Expect(pane.GetByTestId("call-message")).ToHaveTextAsync("Call logged.", new() { Timeout = 10_000 });

        await ScreenshotAsync(page, "phone-manager-console-en.png");
        await LanguageAsync(page, "zh-CN", "预警队列");
        await Expect(row).ToContainTextAsync("投诉");
        // The reasons are read again in Chinese; what the forms said stays.
        await Expect(pane.GetByTestId("alert-reason").First).ToContainTextAsync("投诉", new() { Timeout = 10_000 });
        await Expect(pane.GetByTestId("call-message")).ToHaveTextAsync("通话已记录。");
        await ScreenshotAsync(page, "phone-manager-console-zh.png");
        await LanguageAsync(page, "en", "Alert queue");
        await AssertFitsAsync(page, 1024);
        await ScreenshotAsync(page, "phone-manager-console-1024-en.png");
        await AssertFitsAsync(page, 1366);

        // Resolving needs an outcome; then the row leaves the queue.
        await pane.GetByTestId("alert-resolve").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Say what the outcome was before resolving.");
        await pane.GetByTestId("alert-outcome").FillAsync("refund agreed on the phone");
        await page.Keyboard.PressAsync("Enter");
        await Expect(pane.GetByTestId("alert-message")).ToHaveTextAsync("Alert resolved.", new() { Timeout = 10_000 });
        await Expect(row).ToHaveCountAsync(0, new() { Timeout = 10_000 });
        await Expect(RowOf(page, "PMC2")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task a_work_order_dispatched_to_the_home_store_moves_live_as_the_store_accepts_and_completes_it()
    {
        await Feed.PostAsync(system.Http, Registered("PMC3", "pmc3-reg", msisdn: "13870000003", name: "Ma Tao"));
        await using var pm = await SignedInAsync(system, "pm01");
        await Feed.PostAsync(system.Http, Complaint("PMC3", "pmc3-c1"));
        var row = RowOf(pm.Page, "PMC3");
        await row.ClickAsync(new() { Timeout = 10_000 });
        var pane = pm.Page.GetByTestId("customer-pane");
        await Expect(pane).ToHaveAttributeAsync("data-customer", "PMC3", new() { Timeout = 10_000 });

        await Expect(pane.GetByTestId("dispatch-to-store")).ToBeCheckedAsync();
        await pane.GetByTestId("dispatch-kind").SelectOptionAsync("device-swap");
        await pane.GetByTestId("dispatch-notes").FillAsync("Screen cracked; bring the old handset");
        await pane.GetByTestId("dispatch-submit").ClickAsync();
        await Expect(pane.GetByTestId("dispatch-message")).ToHaveTextAsync("Work order dispatched.", new() { Timeout = 10_000 });
        var mine = pm.Page.GetByTestId("work-orders").Locator("[data-customer='PMC3']");
        await Expect(mine).ToHaveAttributeAsync("data-state", "dispatched", new() { Timeout = 10_000 });
        await Expect(mine).ToContainTextAsync("Store S01");

        await using var store = await SignedInAsync(system, "store01");
        var theirs = store.Page.GetByTestId("store-work-orders").Locator("[data-customer='PMC3']");
        await theirs.GetByTestId("work-order-accept").ClickAsync(new() { Timeout = 10_000 });
        await Expect(mine).ToHaveAttributeAsync("data-state", "accepted", new() { Timeout = 10_000 });
        await Expect(mine.GetByTestId("work-order-state")).ToHaveTextAsync("Accepted");

        await theirs.GetByTestId("work-order-outcome").FillAsync("handset swapped at the counter");
        await theirs.GetByTestId("work-order-complete").ClickAsync();
        await Expect(mine).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 10_000 });
        await Expect(mine).ToContainTextAsync("Outcome: handset swapped at the counter");
    }

    [Fact]
    public async Task a_burst_of_alerts_fills_the_queue_in_order_of_severity_and_waiting_time_and_the_page_stays_responsive()
    {
        await using var console = await SignedInAsync(system, "pm01");
        var page = console.Page;
        await Expect(page.GetByTestId("alert-count")).ToBeVisibleAsync(Live);

        const int burst = 60;
        var events = Enumerable.Range(1, burst).SelectMany(i => new[]
        {
            Registered($"PMB{i:00}", $"pmb{i:00}-reg", msisdn: $"138710000{i:00}", name: $"Burst {i:00}"),
            Complaint($"PMB{i:00}", $"pmb{i:00}-c1"),
        }).ToArray();
        await Feed.PostAsync(system.Http, events);
        var rows = page.Locator("[data-testid^='alert-row-'][data-customer^='PMB']");
        await Expect(rows).ToHaveCountAsync(burst, new() { Timeout = 20_000 });

        // Most severe first; within a severity the longest waiting first; snoozed ones last.
        var order = await page.Locator("[data-testid^='alert-row-']").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.severity, r.dataset.raisedAt, r.dataset.state])");
        string[] severities = ["critical", "high", "medium", "low"];
        var active = order.Where(r => r[2] != "snoozed").ToList();
        for (var i = 1; i < active.Count; i++)
        {
            var (before, after) = (Array.IndexOf(severities, active[i - 1][0]), Array.IndexOf(severities, active[i][0]));
            Assert.True(before < after || (before == after && DateTimeOffset.Parse(active[i - 1][1]) <= DateTimeOffset.Parse(active[i][1])),
                $"row {i} ({string.Join(' ', active[i])}) is out of order after {string.Join(' ', active[i - 1])}");
        }

        // Still answering: the last row opens its customer at once.
        await rows.Last.ClickAsync();
        await Expect(page.GetByTestId("customer-pane")).ToHaveAttributeAsync("data-customer", new System.Text.RegularExpressions.Regex("^PMB"), new() { Timeout = 5_000 });
    }
}
