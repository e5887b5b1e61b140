using Microsoft.Playwright;
using Reintegration.Browser.Tests.Support;
using Reintegration.Domain.Cases;
using static Microsoft.Playwright.Assertions;

namespace Reintegration.Browser.Tests;

[Collection(LiveAppCollection.Name)]
public sealed class PlanApprovalTests(LiveApp app)
{
    [Fact]
    public async Task Given_a_plan_waiting_for_approval_When_the_caseworker_follows_the_outbox_link_and_approves_Then_the_case_is_in_monitoring()
    {
        const string id = "browser-plan-approve";
        await app.PlanWaitingForApprovalAsync(id);
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/dev/outbox?caseId={id}");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync("outbox");
        await page.Locator("article.mail", new() { HasText = "Godkend eller afvis planen" }).Locator("a[href*='/links/']").First.ClickAsync();

        // The Danish e-mail opens the page in Danish; the caseworker switches to English on the page.
        await Expect(page.Locator("h1")).ToHaveTextAsync("Godkendelse af reintegrationsplan");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Reintegration plan approval");
        await Expect(page.Locator("main")).ToContainTextAsync("School fees for Grace");
        await Expect(page.Locator("main")).ToContainTextAsync("The plan is within the caps.");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Confidential");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync("plan-approval-360");
        await page.GetByLabel("Comment").FillAsync("Good plan, approved.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Thank you");
        await Expect(page.Locator("[data-stage]")).ToHaveAttributeAsync("data-stage", "monitoring");
        await page.ScreenshotAsync("plan-approved");
        var state = await app.StateAsync(id);
        state.Stage.ShouldBe(CaseStage.Monitoring);
        state.Plan!.Comment.ShouldBe("Good plan, approved.");
    }

    [Fact]
    public async Task Given_a_plan_link_When_a_mail_scanner_sends_GET_and_HEAD_Then_nothing_is_approved()
    {
        const string id = "browser-plan-scanner";
        await app.PlanWaitingForApprovalAsync(id);
        var version = (await app.StateAsync(id)).Version;
        var page = await app.NewPageAsync();
        await page.GotoAsync($"/dev/outbox?caseId={id}");
        var link = await page.Locator("article.mail", new() { HasText = "Godkend eller afvis planen" }).Locator("a[href*='/links/']").First.GetAttributeAsync("href");

        var scanner = await page.Context.APIRequest.GetAsync(link!);
        scanner.Status.ShouldBe(200);
        (await scanner.TextAsync()).ShouldContain("<form method=\"post\"");
        (await page.Context.APIRequest.HeadAsync(link!)).Status.ShouldBe(200);
        (await page.Context.APIRequest.GetAsync(link! + "?decision=approve")).Status.ShouldBe(200);

        var state = await app.StateAsync(id);
        state.Stage.ShouldBe(CaseStage.PlanPendingApproval);
        state.Version.ShouldBe(version);
    }
}
