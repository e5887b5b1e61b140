using Microsoft.Playwright;

namespace Reintegration.Browser.Tests.Support;

/// <summary>What every page must pass: no sideways scrolling, a label on every field, and a screenshot to look at.</summary>
public static class PageChecks
{
    public static async Task ShouldFitAndBeLabelledAsync(this IPage page)
    {
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue($"{page.Url} scrolls sideways");
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(e => !e.labels || e.labels.length === 0).map(e => e.name)");
        unlabelled.ShouldBeEmpty($"{page.Url} has fields without a label");
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
