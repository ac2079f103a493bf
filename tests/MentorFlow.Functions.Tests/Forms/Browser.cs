using MentorFlow.Testing;
using Microsoft.Playwright;

namespace MentorFlow.Functions.Tests.Forms;

/// <summary>Debian's Chromium, headless, through Playwright: a phone-sized page for each test.</summary>
internal sealed class Browser : IAsyncDisposable
{
    // Chromium here has no network beyond loopback: keep it from reaching out at start.
    private static readonly string[] OfflineChromiumArgs =
    [
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var chromium = RealComponents.Chromium.Setting;
        if (!File.Exists(chromium))
        {
            throw RealComponents.Chromium.Missing($"{chromium} does not exist");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = OfflineChromiumArgs });
        return new Browser(playwright, browser);
    }

    /// <summary>A new page 360 px wide, as on a phone.</summary>
    public Task<IPage> PhoneAsync() =>
        _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });

    /// <summary>A new page <paramref name="width"/> px wide in a context of its own; <paramref name="withScripts"/> lets a test add its own script (the pages' policy allows none).</summary>
    public async Task<IPage> PageAsync(int width, bool withScripts = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 740 : 900 },
            BypassCSP = withScripts,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
