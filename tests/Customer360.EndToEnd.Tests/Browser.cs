using Microsoft.Playwright;

namespace Customer360.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium, driven headless by Playwright. The browser is the one the test command installs with apt
/// (env <c>C360_CHROMIUM</c>, default /usr/bin/chromium); Playwright never downloads its own.
/// </summary>
public static class Browser
{
    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("C360_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";
            return File.Exists(path) ? path
                : throw new InvalidOperationException($"Chromium not found at {path}. Run the tests with ./test.sh, which installs it.");
        }
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Without these Chromium keeps trying to reach its vendor's services, which this network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go: <c>artifacts/screenshots</c> at the checkout's root.</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(Testing.RepoRoot.Path, "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
