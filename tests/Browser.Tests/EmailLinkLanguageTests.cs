using Microsoft.Playwright;
using Reintegration.Browser.Tests.Support;
using Reintegration.Domain;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using static Microsoft.Playwright.Assertions;

namespace Reintegration.Browser.Tests;

/// <summary>
/// An e-mail link opens its page in the recipient's language, whatever the browser's (issue 13, item 5): the
/// agency's Danish e-mail a Danish decision page, a French partner's link a French arrival page; the language switch
/// on the page still works.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class EmailLinkLanguageTests(LiveApp app)
{
    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Given_a_Danish_decision_email_When_its_link_is_opened_in_an_English_browser_Then_the_page_is_Danish(int width)
    {
        var id = $"browser-link-da-{width}";
        var now = app.Clock.GetUtcNow();
        await app.DoAsync(new CaseCommand.SubmitApplication(id, $"{id}-intake", now, "drc-denmark",
            new Person("Amina Test", new DateOnly(1990, 3, 14), Relationship.Applicant, false),
            [new Person("Grace Test", new DateOnly(2016, 9, 9), Relationship.Child, false)],
            "UG", "UG", ReturnType.Voluntary, null, true, EligibilityFacts.Clean() with { Conviction = Conviction.Minor }, null, null));
        var page = await app.NewPageAsync(width: width);

        await page.GotoAsync($"/dev/outbox?caseId={id}");
        await page.Locator("article.mail", new() { HasText = "Træf afgørelse om berettigelse" }).Locator("a[href*='/links/']").First.ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Afgørelse om berettigelse");
        await Expect(page.Locator("main")).ToContainTextAsync("Markeret Alvorlig kriminalitet: fundet en mindre dom");
        await Expect(page.Locator("main")).ToContainTextAsync("Barn: Grace Test");
        await Expect(page.Locator("main")).ToContainTextAsync("DRC Danmark");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Berettiget", Exact = true })).ToBeVisibleAsync();
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"email-link-da-eligibility-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Eligibility decision");
        await Expect(page.Locator("main")).ToContainTextAsync("Flagged Serious crime: found a minor conviction");
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Given_a_French_partner_When_it_opens_the_arrival_link_in_a_Danish_browser_Then_the_page_is_French(int width)
    {
        var id = $"browser-link-fr-{width}";
        var now = app.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await app.DoAsync(new CaseCommand.SubmitApplication(id, $"{id}-intake", now, "eu-eurp",
            new Person("Moussa Test", new DateOnly(1988, 2, 3), Relationship.Applicant, false), [],
            "SN", "SN", ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, null));
        await app.DoAsync(new CaseCommand.DecideEligibility(id, $"{id}-decide", now, true, null));
        await app.DoAsync(new CaseCommand.BookDeparture(id, $"{id}-book", now, today.AddDays(20), "AF 718"));
        await app.DoAsync(new CaseCommand.RequestPostArrival(id, $"{id}-package", now,
            [PostArrivalService.AirportPickup, PostArrivalService.OnwardTransport], new Money(615m, Currency.EUR), null));
        var page = await app.NewPageAsync(width: width, locale: "da-DK");

        await page.GotoAsync($"/dev/outbox?caseId={id}");
        await page.Locator("article.mail", new() { HasText = "Confirmer l'arrivée" }).Locator("a[href*='/links/']").First.ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Confirmer l'arrivée");
        await Expect(page.Locator("main")).ToContainTextAsync("Accueil à l'aéroport");
        await Expect(page.Locator("main")).ToContainTextAsync("Transport vers la destination");
        await Expect(page.Locator("main")).ToContainTextAsync("Programme de réintégration de l'UE");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("AirportPickup");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"email-link-fr-arrival-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("h1")).ToHaveTextAsync("تأكيد الوصول");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"email-link-ar-arrival-{width}");
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task Given_a_case_in_monitoring_When_a_caseworker_reads_it_in_Danish_Then_events_deadline_plan_and_people_are_Danish(int width)
    {
        var id = $"browser-case-da-{width}";
        await app.PlanWaitingForApprovalAsync(id);
        var page = await app.NewPageAsync(width: width);
        await page.SignInAsync("dev-counsellor-key");

        await page.GotoAsync($"/pages/cases/{id}?lang=da");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await Expect(page.Locator("main")).ToContainTextAsync("Planversion 1: afventer godkendelse");
        await Expect(page.Locator("main")).ToContainTextAsync("Ansøgning indsendt");
        await Expect(page.Locator("main")).ToContainTextAsync("godkendelse af planversion 1");
        await Expect(page.Locator("main")).ToContainTextAsync("Barn");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Application submitted");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"case-page-da-{width}");
    }
}
