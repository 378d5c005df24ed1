using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Adas.Tests.Web;

/// <summary>What the browser tests do on the dashboard's pages.</summary>
public static class Dashboard
{
    public static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(5);

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForPathAsync("/jobs");
        await page.WaitForInteractiveAsync();
    }

    /// <summary>
    /// Waits until the address shows <paramref name="path"/>, polling it: Blazor's enhanced navigation changes the
    /// address without a load event, so a URL wait that also waits for one can miss it.
    /// </summary>
    public static Task WaitForPathAsync(this IPage page, string path) =>
        page.WaitForFunctionAsync("path => location.pathname === path", path,
            new PageWaitForFunctionOptions { Timeout = (float)BrowserFixture.ActionTimeout.TotalMilliseconds });

    /// <summary>Waits until Blazor's circuit is connected, so clicks reach the server.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) => page.WaitForSelectorAsync("main[data-interactive=true]");

    /// <summary>Opens a page of the dashboard and waits until it is interactive.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static async Task<double> CurrentTimeAsync(this IPage page, string selector) =>
        await page.EvalOnSelectorAsync<double>(selector, "v => v.currentTime");

    /// <summary>Starts a muted video and waits until its currentTime has advanced past the given seconds.</summary>
    public static async Task PlayUntilAsync(this IPage page, string selector, double seconds)
    {
        // Polled until it holds: (re)starts whichever element matches now, since a re-render may replace the element.
        await page.WaitForFunctionAsync("""
            ([selector, seconds]) => {
                const v = document.querySelector(selector);
                if (!v) return false;
                if (v.paused) { v.muted = true; v.play().catch(() => {}); }
                return v.currentTime > seconds;
            }
            """,
            new object[] { selector, seconds }, new PageWaitForFunctionOptions { Timeout = (float)BrowserFixture.ActionTimeout.TotalMilliseconds });
    }

    public static Task ScreenshotAsync(this IPage page, BrowserFixture browser, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(browser.ScreenshotDirectory, $"{name}.png"), FullPage = true });

    /// <summary>axe-core on the page as it is now; fails on any serious or critical violation, naming them.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"axe on {page.Url}:{Environment.NewLine}" + string.Join(Environment.NewLine,
            bad.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
