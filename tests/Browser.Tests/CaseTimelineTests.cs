using Microsoft.Playwright;
using Reintegration.Browser.Tests.Support;
using Reintegration.Domain.Cases;
using static Microsoft.Playwright.Assertions;

namespace Reintegration.Browser.Tests;

[Collection(LiveAppCollection.Name)]
public sealed class CaseTimelineTests(LiveApp app)
{
    [Fact]
    public async Task Given_month_one_reported_When_the_clock_passes_month_two_Then_the_timeline_shows_one_done_two_due_and_the_rest_upcoming()
    {
        const string id = "browser-timeline";
        var arrived = await app.ArrivedAsync(id);
        var page = await app.NewPageAsync(width: 1024);
        await app.AdvanceToAsync(page, arrived.AddMonths(1));
        await app.DoAsync(new CaseCommand.SubmitMonitoringReport(id, $"{id}-m1", app.Clock.GetUtcNow(), new MonitoringReport(1, Situation.Fair, Situation.Good, Situation.Fair, null, [])));
        await app.AdvanceToAsync(page, arrived.AddMonths(2).AddDays(1));

        await page.SignInAsync("dev-counsellor-key");
        await page.GotoAsync($"/pages/cases/{id}");
        var months = page.Locator("svg.timeline g.month");
        await Expect(months).ToHaveCountAsync(12);
        await Expect(page.Locator("g.month[data-month='1']")).ToHaveAttributeAsync("data-status", "done");
        await Expect(page.Locator("g.month[data-month='2']")).ToHaveAttributeAsync("data-status", "due");
        await Expect(page.Locator("g.month[data-status='upcoming']")).ToHaveCountAsync(10);
        await Expect(page.Locator("svg.timeline desc")).ToContainTextAsync("due: 2;");
        await Expect(page.Locator("svg.timeline desc")).ToContainTextAsync("done: 1.");
        await Expect(page.Locator("main")).ToContainTextAsync("Confidential: counselling note");
        await page.ScreenshotAsync("case-timeline-en");
    }

    [Fact]
    public async Task Given_a_case_When_the_counsellor_reads_it_in_Danish_on_a_phone_Then_texts_are_Danish_and_nothing_scrolls_sideways()
    {
        const string id = "browser-danish";
        await app.PlanWaitingForApprovalAsync(id);
        var page = await app.NewPageAsync();
        await page.SignInAsync("dev-counsellor-key");

        await page.GotoAsync($"/pages/cases/{id}?lang=da");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Sag {id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tidslinje" })).ToBeVisibleAsync();
        await Expect(page.Locator("dd[data-stage]")).ToHaveTextAsync("Plan afventer godkendelse");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync("case-da-360");
    }

    [Fact]
    public async Task Given_a_partner_When_it_opens_a_case_of_another_partner_Then_it_is_not_found_and_the_counselling_note_never_shows()
    {
        const string id = "browser-partner-scope";
        await app.ArrivedAsync(id);
        var page = await app.NewPageAsync();
        await page.SignInAsync("dev-partner-sn-key");
        (await page.GotoAsync($"/pages/cases/{id}"))!.Status.ShouldBe(404);

        await page.SignInAsync("dev-partner-ug-key");
        (await page.GotoAsync($"/pages/cases/{id}"))!.Status.ShouldBe(200);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Confidential");
    }
}
