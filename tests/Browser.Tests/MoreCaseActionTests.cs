using System.Globalization;
using Microsoft.Playwright;
using Reintegration.Browser.Tests.Support;
using Reintegration.Domain.Cases;
using static Microsoft.Playwright.Assertions;

namespace Reintegration.Browser.Tests;

/// <summary>
/// The case page's other steps in Chromium (issue 13, item 4): cancel a departure and close a case (counsellor),
/// record a departure where there is no partner (agency caseworker), confirm an arrival (partner, also in French).
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class MoreCaseActionTests(LiveApp app)
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    [Theory]
    [InlineData(360, "en", "Cancel departure", "Departure cancelled.", "moved", "Close case", "Case closed.")]
    [InlineData(1280, "da", "Aflys afrejse", "Afrejsen er aflyst.", "moved", "Luk sag", "Sagen er lukket.")]
    public async Task Given_a_booked_departure_When_the_counsellor_cancels_it_and_closes_the_case_as_moved_Then_both_are_done(
        int width, string lang, string cancel, string cancelled, string reason, string close, string closed)
    {
        var id = $"browser-act-cancel-{width}";
        await app.EligibleAsync(id);
        await app.DoAsync(new CaseCommand.BookDeparture(id, $"{id}-book", app.Clock.GetUtcNow(), Today.AddDays(20), "TK 1953"));
        var page = await app.NewPageAsync(width: width);
        await page.SignInAsync("dev-counsellor-key");
        await page.GotoAsync($"/pages/cases/{id}?lang={lang}");

        await page.GetByRole(AriaRole.Button, new() { Name = cancel }).ClickAsync();
        await Expect(page.Locator("p[role=status]")).ToHaveTextAsync(cancelled);
        await Expect(page.Locator("dd[data-stage]")).ToHaveAttributeAsync("data-stage", "awaiting-departure");
        await page.Locator("#action-close select").SelectOptionAsync(reason);
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"case-action-cancelled-{lang}-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = close }).ClickAsync();

        await Expect(page.Locator("p[role=status]")).ToHaveTextAsync(closed);
        var state = await app.StateAsync(id);
        (state.Stage, state.Closure).ShouldBe((CaseStage.Closed, ClosureReason.Moved));
    }

    [Theory]
    [InlineData(360, "da", "Registrér afrejse", "Afrejsen er registreret.")]
    [InlineData(1280, "en", "Record departure", "Departure recorded.")]
    public async Task Given_a_case_with_no_partner_When_the_agency_caseworker_records_the_departure_Then_the_case_has_departed(
        int width, string lang, string record, string recorded)
    {
        var id = $"browser-act-departed-{width}";
        await app.EligibleAsync(id, country: "GH");
        await app.DoAsync(new CaseCommand.BookDeparture(id, $"{id}-book", app.Clock.GetUtcNow(), Today, "ET 921"));
        var page = await app.NewPageAsync(width: width);
        await page.SignInAsync("dev-agency-key");
        await page.GotoAsync($"/pages/cases/{id}?lang={lang}");

        await Expect(page.Locator("#action-request-post-arrival")).ToHaveCountAsync(0);
        await page.Locator("#f-departedOn").FillAsync(Iso(Today));
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"case-action-record-departure-{lang}-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = record }).ClickAsync();

        await Expect(page.Locator("p[role=status]")).ToHaveTextAsync(recorded);
        (await app.StateAsync(id)).Stage.ShouldBe(CaseStage.Departed);
    }

    [Theory]
    [InlineData(360, "fr", "Confirmer l'arrivée", "Arrivée confirmée.")]
    [InlineData(1280, "da", "Bekræft ankomst", "Ankomsten er bekræftet.")]
    public async Task Given_a_booked_departure_When_the_partner_confirms_the_arrival_on_the_case_page_Then_the_case_waits_for_a_plan(
        int width, string lang, string confirm, string confirmed)
    {
        var id = $"browser-act-arrival-{width}";
        await app.EligibleAsync(id);
        await app.DoAsync(new CaseCommand.BookDeparture(id, $"{id}-book", app.Clock.GetUtcNow(), Today, "TK 1953"));
        var page = await app.NewPageAsync(width: width);
        await page.SignInAsync("dev-partner-ug-key");
        await page.GotoAsync($"/pages/cases/{id}?lang={lang}");

        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"case-action-arrival-{lang}-{width}");
        await page.Locator("#f-arrivedOn").FillAsync(Iso(Today));
        await page.GetByRole(AriaRole.Button, new() { Name = confirm }).ClickAsync();

        await Expect(page.Locator("p[role=status]")).ToHaveTextAsync(confirmed);
        (await app.StateAsync(id)).Stage.ShouldBe(CaseStage.AwaitingPlan);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
