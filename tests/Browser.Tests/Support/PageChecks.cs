using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Reintegration.Browser.Tests.Support;

/// <summary>
/// What every page must pass: no sideways scrolling, a label on every field, picture text of at least 12 px as drawn,
/// no serious or critical accessibility violation by axe-core, and a screenshot to look at.
/// </summary>
public static class PageChecks
{
    public static async Task ShouldFitAndBeLabelledAsync(this IPage page)
    {
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue($"{page.Url} scrolls sideways");
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => !e.labels || e.labels.length === 0).map(e => e.name)");
        unlabelled.ShouldBeEmpty($"{page.Url} has fields without a label");
        // Chart and timeline text as drawn: its size in the picture times the picture's scale on screen.
        var tiny = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('svg')].flatMap(svg => {
              const box = svg.viewBox.baseVal;
              const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
              return [...svg.querySelectorAll('text')]
                .map(t => [t.textContent, parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize) * scale])
                .filter(([text, px]) => text.trim() && px < 12)
                .map(([text, px]) => `${text} (${px.toFixed(1)} px)`);
            })
            """);
        tiny.ShouldBeEmpty($"{page.Url} draws text smaller than 12 px");
        await page.ShouldPassAxeAsync();
    }

    /// <summary>axe-core's rules on the page as it stands: no violation of serious or critical impact.</summary>
    public static async Task ShouldPassAxeAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target))}")
            .ToList();
        serious.ShouldBeEmpty($"{page.Url} fails axe-core");
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(LiveApp.Screenshots, name + ".png"), FullPage = true });

    public static async Task SignInAsync(this IPage page, string key)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Your access key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
