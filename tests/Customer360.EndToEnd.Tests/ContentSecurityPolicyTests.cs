using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Customer360.EndToEnd.Tests;

/// <summary>The built dashboard works under the gateway's Content-Security-Policy, in Debian's Chromium.</summary>
[Collection(SystemCollection.Name)]
public sealed class ContentSecurityPolicyTests(SystemFixture system)
{
    [Theory]
    [InlineData("store01")]
    [InlineData("am01")]
    public async Task a_console_loads_signs_in_and_goes_live_over_a_websocket_with_no_policy_violation(string user)
    {
        await using var console = await ConsolePage.OpenAsync(system.Gateway.BaseAddress);
        var page = console.Page;
        var messages = new ConcurrentQueue<string>();
        var frames = new ConcurrentQueue<string>();
        page.Console += (_, m) => messages.Enqueue(m.Text);
        page.PageError += (_, e) => messages.Enqueue(e);
        page.WebSocket += (_, ws) => { if (ws.Url.Contains("/hubs/console")) ws.FrameReceived += (_, f) => frames.Enqueue(f.Text ?? ""); };

        var document = await page.GotoAsync(system.Gateway.BaseAddress.ToString());
        Assert.Contains("script-src 'self'", await document!.HeaderValueAsync("content-security-policy") ?? "(none)");
        await console.SignInAsync(user);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(user, new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("connection-state")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });

        // The hub's WebSocket is open and talking (SignalR's handshake answer and pings come as frames).
        Assert.NotEmpty(frames);
        Assert.DoesNotContain(messages, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal));
    }
}
