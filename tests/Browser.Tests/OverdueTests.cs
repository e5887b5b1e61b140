using Reintegration.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Reintegration.Browser.Tests;

/// <summary>
/// A month passes without its monitoring report: the case list, the case page and the dashboard mark it overdue while
/// the next deadline moves on, at phone and desk widths, in English and Danish.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class OverdueTests(LiveApp app)
{
    [Theory]
    [InlineData(360, "en", "Overdue", "Overdue now")]
    [InlineData(1280, "da", "Overskredet", "Overskredet nu")]
    public async Task Given_a_monitoring_month_passed_unreported_When_the_officer_looks_Then_it_is_marked_overdue_everywhere(
        int width, string language, string overdue, string overdueBar)
    {
        var id = $"browser-overdue-{width}";
        var arrived = await app.ArrivedAsync(id);
        await app.DoAsync(new Domain.Cases.CaseCommand.SubmitPlan(id, $"{id}-plan", app.Clock.GetUtcNow(),
            [new Domain.Budget.BudgetLine("shop", Domain.Budget.ServiceCategory.SmallBusiness, "Market stall",
                new Domain.Money(12000m, Domain.Currency.DKK))]));
        await app.DoAsync(new Domain.Cases.CaseCommand.ApprovePlan(id, $"{id}-approve", app.Clock.GetUtcNow(), 1, "ok"));
        var page = await app.NewPageAsync(width);
        // The session lives on the app's clock: sign in after the clock moved.
        await app.AdvanceToAsync(page, arrived.AddDays(45));
        await page.SignInAsync("dev-officer-key");

        await page.GotoAsync($"/pages/cases?lang={language}");
        var row = page.Locator("tr", new() { Has = page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = id }) });
        await Expect(row.Locator(".overdue")).ToContainTextAsync(overdue);
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"overdue-list-{width}-{language}");

        await page.GotoAsync($"/pages/cases/{id}?lang={language}");
        await Expect(page.Locator("ul.overdue li")).ToHaveCountAsync(1);
        await Expect(page.Locator("svg.timeline desc")).ToContainTextAsync(language == "da" ? "overskredet" : "passed unmet");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"overdue-case-{width}-{language}");

        await page.GotoAsync($"/pages/dashboard?lang={language}");
        await Expect(page.Locator("svg[data-chart='week'] desc")).ToContainTextAsync(overdueBar);
        await Expect(page.Locator("main li", new() { HasText = id }).Locator(".overdue")).ToBeVisibleAsync();
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"overdue-dashboard-{width}-{language}");
    }
}
