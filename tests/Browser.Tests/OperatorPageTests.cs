using Microsoft.Playwright;
using Reintegration.Browser.Tests.Support;
using Reintegration.Functions.Localization;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Security;
using static Microsoft.Playwright.Assertions;

namespace Reintegration.Browser.Tests;

/// <summary>
/// A programme officer, on a phone and on a desktop, in English and Danish: opens the operations page from the
/// navigation, opens a running case by its id, is refused a blank reason beside the field, terminates the case with
/// a reason and retries it, seeing each outcome and the audit rows on the page.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class OperatorPageTests(LiveApp app)
{
    [Theory]
    [InlineData(360, "en")]
    [InlineData(1280, "en")]
    [InlineData(360, "da")]
    [InlineData(1280, "da")]
    public async Task Given_a_running_case_When_the_officer_terminates_and_retries_it_with_reasons_Then_each_outcome_shows(
        int width, string language)
    {
        var caseId = $"browser-ops-{width}-{language}";
        await app.ArrivedAsync(caseId);
        var w = OfficeTexts.Texts.In(language);
        var page = await app.NewPageAsync(width);
        await page.SignInAsync("dev-officer-key");

        await page.GotoAsync($"/pages/cases?lang={language}");
        await page.GetByRole(AriaRole.Link, new() { Name = w["nav.operations"], Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(w["ops.title"]);
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"operations-{width}-{language}");

        await page.GetByLabel(w["ops.open"]).FillAsync(caseId);
        await page.GetByRole(AriaRole.Button, new() { Name = w["ops.open.button"] }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(w.Format("ops.case.title", caseId));
        await Expect(page.Locator("dd[data-status]")).ToHaveTextAsync(w["ops.status.running"]);

        var terminate = page.Locator("form[data-action=terminate]");
        await terminate.Locator("textarea").FillAsync("   ");
        await terminate.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#terminate-error")).ToHaveTextAsync(w["ops.reason.missing"]);
        await Expect(page.Locator("#terminate-reason")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.Locator("#terminate-reason").FillAsync("Investigating the mail account");
        await terminate.GetByRole(AriaRole.Button, new() { Name = w["ops.terminate"] }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync(w["ops.done.terminate"]);
        await Expect(page.Locator("dd[data-status]")).ToHaveTextAsync(w["ops.status.terminated"]);
        (await app.Get<ICaseOrchestrations>().GetAsync(caseId)).Status.ShouldBe(CaseInstanceStatus.Terminated);
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"operations-case-terminated-{width}-{language}");

        await page.Locator("#retry-reason").FillAsync("Mail account fixed");
        await page.Locator("form[data-action=retry]").GetByRole(AriaRole.Button, new() { Name = w["ops.retry"] })
            .ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync(w["ops.done.retry"]);
        await Expect(page.Locator("table[data-audit] tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("table[data-audit]")).ToContainTextAsync("Investigating the mail account");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"operations-case-retried-{width}-{language}");

        (await app.Get<IAuditTrail>().ForCaseAsync(caseId, default)).Where(a => a.Action != AuditEntry.Read)
            .Select(a => a.Action).ShouldBe(["terminate", "retry"], ignoreOrder: true);
        (await app.Get<ICaseOrchestrations>().GetAsync(caseId)).Status
            .ShouldBeOneOf(CaseInstanceStatus.Running, CaseInstanceStatus.Pending);
    }
}
