using MentorFlow.Functions.Tests.Hosting;
using MentorFlow.Testing;
using Microsoft.Playwright;

namespace MentorFlow.Functions.Tests.Components;

public sealed class BrowserTests
{
    // Chromium here has no network beyond loopback: keep it from reaching out at start.
    private static readonly string[] OfflineChromiumArgs =
    [
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    [Fact]
    public async Task Headless_Chromium_reads_the_page_the_app_serves()
    {
        var chromium = RealComponents.Chromium.Setting;
        if (!File.Exists(chromium))
        {
            throw RealComponents.Chromium.Missing($"{chromium} does not exist");
        }

        await using var app = await AppProcess.LaunchOnFreePortAsync();
        Assert.True(app.IsRunning, app.Output);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = OfflineChromiumArgs,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });

        var response = await page.GotoAsync(app.BaseAddress.ToString());

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal("Home · MentorFlow", await page.TitleAsync());
        Assert.Equal("MentorFlow", await page.Locator("h1").InnerTextAsync());
    }
}
