using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Customer360.Testing.Events;
using static Microsoft.Playwright.Assertions;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// How the dashboard ends a session and handles refusals. The gateway's own access checks are not needed for
/// these: the browser's requests are answered the way the gateway answers when it refuses.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class DashboardSessionTests(SystemFixture system)
{
    [Fact]
    public async Task a_session_that_runs_out_returns_to_the_sign_in_screen_saying_it_expired()
    {
        await using var console = await ConsolePage.OpenAsync(system.Gateway.BaseAddress);
        var page = console.Page;
        // The gateway's tokens last 8 hours: this one is said to end a few seconds after it is issued.
        await page.RouteAsync("**/api/v1/auth/token", async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!;
            body["expiresAt"] = DateTimeOffset.UtcNow.AddSeconds(6).ToString("O");
            await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
        });

        await console.GotoAsync("/?customers=W3");
        await console.SignInAsync("am01");
        await Expect(page.GetByTestId("signed-in-role")).ToHaveTextAsync("Account manager · manager AM01");

        await Expect(page.GetByTestId("signin-reason")).ToHaveTextAsync("Your session expired. Sign in again to continue.", new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("signin-user")).ToHaveValueAsync("am01");
        await Expect(page.GetByTestId("signin-password")).ToBeFocusedAsync();
        await Expect(console.Cards).ToHaveCountAsync(0);
        Assert.Null(await console.StoredSessionAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("signin-expired-en.png"), FullPage = true });
    }

    [Fact]
    public async Task a_refused_customer_shows_not_allowed_and_a_401_returns_to_the_sign_in_screen()
    {
        await Feed.PostAsync(system.Http, Registered("W4", "w4-reg", name: "Sun Li"), Registered("W5", "w5-reg"));
        await using var console = await ConsolePage.OpenAsync(system.Gateway.BaseAddress);
        var page = console.Page;
        var readsOfW5 = 0;
        await page.RouteAsync("**/api/v1/customers/W5", route =>
        {
            Interlocked.Increment(ref readsOfW5);
            return route.FulfillAsync(new() { Status = 403, ContentType = "application/problem+json", Body = """{"status":403}""" });
        });
        var refusedSubscriptions = new ConcurrentQueue<string>();
        await page.RouteWebSocketAsync("**/hubs/console**", ws => RefuseSubscription(ws, "customer:W6", refusedSubscriptions));

        await console.GotoAsync("/?customers=W4,W5,W6");
        await console.SignInAsync("admin");
        var (w4, w5, w6) = (page.GetByTestId("customer-card-W4"), page.GetByTestId("customer-card-W5"), page.GetByTestId("customer-card-W6"));
        await Expect(w4).ToContainTextAsync("Sun Li", new() { Timeout = 10_000 });
        await Expect(w5).ToHaveAttributeAsync("data-status", "forbidden");
        await Expect(w5).ToContainTextAsync("Not allowed");
        await Expect(w6).ToHaveAttributeAsync("data-status", "forbidden", new() { Timeout = 10_000 });
        await Expect(w6).ToContainTextAsync("You are not allowed to see customer W6.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("not-allowed-en.png"), FullPage = true });

        // No retry loop: a change of the refused customer fetches nothing. W4's change, sent after it, shows
        // that pushes are flowing.
        await Feed.PostAsync(system.Http, Data("W5", "w5-d1", 1));
        await Feed.PostAsync(system.Http, Data("W4", "w4-d1", 1));
        await Expect(w4.GetByTestId("version")).ToHaveTextAsync("2", new() { Timeout = 10_000 });
        Assert.Equal(1, Volatile.Read(ref readsOfW5));
        Assert.Single(refusedSubscriptions);

        // Any API call answered 401 ends the session.
        await page.RouteAsync("**/api/v1/customers/**", route => route.FulfillAsync(new() { Status = 401 }));
        await page.GetByTestId("add-customer-input").FillAsync("W7");
        await page.GetByTestId("add-customer-input").PressAsync("Enter");
        await Expect(page.GetByTestId("signin-reason")).ToHaveTextAsync("Your session expired. Sign in again to continue.", new() { Timeout = 10_000 });
        await Expect(console.Cards).ToHaveCountAsync(0);
        Assert.Null(await console.StoredSessionAsync());
        Assert.EndsWith("?customers=W4,W5,W6,W7", page.Url);
    }

    /// <summary>
    /// Passes the hub's WebSocket through, but answers a Subscribe to <paramref name="topic"/> the way SignalR
    /// answers when the hub method throws a HubException (the server never sees that invocation).
    /// </summary>
    private static void RefuseSubscription(IWebSocketRoute ws, string topic, ConcurrentQueue<string> refused)
    {
        const char recordSeparator = '\u001e';
        var server = ws.ConnectToServer();
        ws.OnMessage(frame =>
        {
            var passOn = new List<string>();
            foreach (var message in (frame.Text ?? "").Split(recordSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var node = JsonNode.Parse(message);
                if (node?["target"]?.GetValue<string>() == "Subscribe" && node["arguments"]?[0]?.GetValue<string>() == topic)
                {
                    refused.Enqueue(topic);
                    ws.Send(new JsonObject
                    {
                        ["type"] = 3,
                        ["invocationId"] = node["invocationId"]!.GetValue<string>(),
                        ["error"] = $"An unexpected error occurred invoking 'Subscribe' on the server. HubException: not allowed to follow {topic}",
                    }.ToJsonString() + recordSeparator);
                }
                else
                {
                    passOn.Add(message + recordSeparator);
                }
            }
            if (passOn.Count > 0) server.Send(string.Concat(passOn));
        });
    }
}
