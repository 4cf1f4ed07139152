using Customer360.Testing;
using static Customer360.Testing.Events;
using static Microsoft.Playwright.Assertions;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// The dashboard in Chromium when its gateway drops a backlog of notices and sends a resync instead: the console reads
/// the topics again and shows what the dropped notices announced, without a reload.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ConsoleResyncTests(SystemFixture system)
{
    [Fact]
    public async Task a_console_told_to_resync_reads_its_list_again_and_shows_the_rows_whose_notices_were_dropped()
    {
        // An outbox of one notice: a burst of notices for ten customers cannot wait in it, so the console gets at most the
        // one being sent and then a resync in place of the rest.
        await using var gateway = await TestGateway.StartAsync(system.Db, system.ClusterId, new Dictionary<string, string?> { ["ConsolePush:OutboxCapacity"] = "1" });
        using var probe = new PushMeterProbe(gateway.Services);
        // One row shown from the list's snapshot first: the ten below then reach the console by push, or not at all.
        await Feed.PostAsync(system.Http, Registered("RSY00", "RSY00-reg", msisdn: "13979009999", name: "Resync first"));
        await using var console = await ConsolePage.OpenAsync(gateway.BaseAddress);
        var page = console.Page;
        await console.GotoAsync("/");
        await console.SignInAsync("am01");
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("am01", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("am-row-RSY00")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await page.EvaluateAsync("window.__noReload = true");

        var ids = Enumerable.Range(1, 10).Select(i => $"RSY{i:00}").ToArray();
        await Feed.PostAsync(system.Http, [.. ids.Select((id, i) => Registered(id, $"{id}-reg", msisdn: $"1397900{i:0000}", name: $"Resync {i:00}"))]);

        foreach (var id in ids) await Expect(page.GetByTestId($"am-row-{id}")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.True(probe.Sum("c360.push.resyncs") > 0, "no resync was sent: the notices all fitted, so this test proved nothing");
        Assert.True(await page.EvaluateAsync<bool>("window.__noReload === true"));
    }
}
