using Microsoft.Playwright;
using Reintegration.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Reintegration.Browser.Tests;

[Collection(LiveAppCollection.Name)]
public sealed class DashboardTests(LiveApp app)
{
    [Fact]
    public async Task Given_cases_When_the_programme_officer_opens_the_dashboard_and_filters_the_list_Then_charts_and_matching_cases_show()
    {
        await app.PlanWaitingForApprovalAsync("browser-dashboard");
        // The budget chart draws approved plans: this test approves its own, whatever ran before it.
        await app.PlanWaitingForApprovalAsync("browser-dashboard-approved");
        await app.DoAsync(new Reintegration.Domain.Cases.CaseCommand.ApprovePlan(
            "browser-dashboard-approved", "browser-dashboard-approve", app.Clock.GetUtcNow(), 1, "Approved for the dashboard"));
        var page = await app.NewPageAsync();
        (await page.GotoAsync("/pages/dashboard"))!.Url.ShouldContain("/sign-in");
        await page.SignInAsync("dev-officer-key");

        await page.GotoAsync("/pages/dashboard");
        foreach (var chart in new[] { "stages", "week", "budget" })
        {
            await Expect(page.Locator($"svg[data-chart='{chart}'] title")).ToHaveCountAsync(1);
        }

        await Expect(page.Locator("svg[data-chart='stages'] desc")).ToContainTextAsync("Plan pending approval");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync("dashboard-360");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cases" }).ClickAsync();
        await page.GetByLabel("Stage").SelectOptionAsync("plan-pending-approval");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "browser-dashboard" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Amina");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync("case-list-360");
    }

    [Fact]
    public async Task Given_a_wrong_key_When_signing_in_Then_the_page_says_so_and_no_session_starts()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Your access key").FillAsync("not-a-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("This key is not known");
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "reintegration.session");

        // A cross-site style POST without the form's antiforgery token signs nobody in.
        var forged = page.Context.APIRequest.CreateFormData();
        forged.Set("key", "dev-officer-key");
        (await page.Context.APIRequest.PostAsync("/sign-in", new() { Form = forged })).Status.ShouldBe(400);
        (await page.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "reintegration.session");
    }
}
