using Adas.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Adas.Tests.Web;

/// <summary>
/// Debian's chromium driven by Playwright (which cannot download its own browsers here), headless, closed when the
/// tests end; and the folder the tests save their screenshots to (ADAS_SCREENSHOT_DIR, else `web-screenshots` beside the test binaries, replaced on each run, so nothing piles up in /tmp).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(30);
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("ADAS_SCREENSHOT_DIR") is { Length: > 0 } dir
        ? Directory.CreateDirectory(dir).FullName
        : Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "web-screenshots")).FullName;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"{ChromiumPath} is missing; scripts/setup installs Debian's chromium.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = (float)ActionTimeout.TotalMilliseconds,
            // Muted videos may play without a click; the tests start playback themselves.
            Args = ["--autoplay-policy=no-user-gesture-required", "--mute-audio"],
        });
    }

    /// <summary>A fresh browser profile (own cookies) with the tests' timeouts.</summary>
    public async Task<IPage> NewPageAsync(Uri baseUrl)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)ActionTimeout.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}
