using Deque.AxeCore.Commons;
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

    /// <summary>axe-core's own script, as the Deque package bundles it.</summary>
    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// axe-core's rules on the page as it stands: no violation of serious or critical impact. axe-core is loaded into the
    /// page once and run there (<c>axe.run</c>, violations only). The package's <c>RunAxe</c> ran the same rules in its
    /// frame-by-frame mode, which finishes each run in a new page with axe loaded again: 3.3 s a check on this machine
    /// against 0.14 s, half of the browser tests' time. These pages have no frames, which is all that mode adds.
    /// </summary>
    public static async Task ShouldPassAxeAsync(this IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeScript.Value);
        }

        // Each violation as "impact id: help at the first three targets".
        var violations = await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v =>
              `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)
            """);
        var serious = violations.Where(v => v.StartsWith("serious ", StringComparison.Ordinal) || v.StartsWith("critical ", StringComparison.Ordinal)).ToList();
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
