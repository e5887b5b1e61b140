using System.Globalization;
using Microsoft.Playwright;
using Reintegration.Browser.Tests.Support;
using Reintegration.Domain.Cases;
using static Microsoft.Playwright.Assertions;

namespace Reintegration.Browser.Tests;

/// <summary>
/// Steps taken from the case page in Chromium (issue 13, item 4), at phone and desktop width, in English and Danish:
/// the forms a role may use in the case's stage, the outcome said at the top, and a refusal beside its field.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class CaseActionTests(LiveApp app)
{
    private static readonly Dictionary<string, Dictionary<string, string>> Say = new()
    {
        ["en"] = new()
        {
            ["book"] = "Book departure", ["booked"] = "Departure booked.", ["pickup"] = "airport pick-up", ["value"] = "Estimated value in DKK (optional)",
            ["send"] = "Send the request", ["requested"] = "Post-arrival package requested.", ["past"] = "is in the past",
            ["withdraw"] = "Withdraw case", ["withdrawn"] = "Case withdrawn.", ["erase"] = "Erase personal data", ["erased"] = "Personal data erased.",
            ["submit"] = "Submit plan", ["submitted"] = "Plan submitted for approval.", ["over"] = "over its caps",
            ["category"] = "Service", ["description"] = "Description", ["amount"] = "Amount in DKK",
        },
        ["da"] = new()
        {
            ["book"] = "Book afrejse", ["booked"] = "Afrejse booket.", ["pickup"] = "afhentning i lufthavnen", ["value"] = "Anslået værdi i DKK (valgfrit)",
            ["send"] = "Send anmodningen", ["requested"] = "Pakken ved ankomst er anmodet.", ["past"] = "Afrejsedatoen ligger i fortiden.",
            ["withdraw"] = "Træk sagen tilbage", ["withdrawn"] = "Sagen er trukket tilbage.", ["erase"] = "Slet personoplysninger", ["erased"] = "Personoplysningerne er slettet.",
            ["submit"] = "Indsend plan", ["submitted"] = "Planen er sendt til godkendelse.", ["over"] = "Planen overstiger loftet.",
            ["category"] = "Ydelse", ["description"] = "Beskrivelse", ["amount"] = "Beløb i DKK",
        },
    };

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    [Theory]
    [InlineData(360, "en")]
    [InlineData(1280, "da")]
    public async Task Given_an_eligible_case_When_the_counsellor_books_the_departure_and_requests_the_package_on_the_page_Then_both_are_done(int width, string lang)
    {
        var id = $"browser-act-book-{width}";
        await app.EligibleAsync(id);
        var page = await app.NewPageAsync(width: width);
        await page.SignInAsync("dev-counsellor-key");
        await page.GotoAsync($"/pages/cases/{id}?lang={lang}");
        var say = Say[lang];

        await page.Locator("#f-departure").FillAsync(Iso(Today.AddDays(20)));
        await page.Locator("#f-flight").FillAsync("TK 1953");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"case-action-book-{lang}-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = say["book"] }).ClickAsync();

        await Expect(page.Locator("p[role=status]")).ToHaveTextAsync(say["booked"]);
        await Expect(page.Locator("dd[data-stage]")).ToHaveAttributeAsync("data-stage", "departure-booked");
        await page.GetByLabel(say["pickup"]).CheckAsync();
        await page.GetByLabel(say["value"]).FillAsync("400");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"case-action-package-{lang}-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = say["send"] }).ClickAsync();

        await Expect(page.Locator("p[role=status]")).ToHaveTextAsync(say["requested"]);
        var state = await app.StateAsync(id);
        state.Departure.ShouldBe(Today.AddDays(20));
        state.PostArrival!.Services.ShouldBe([PostArrivalService.AirportPickup]);
    }

    [Theory]
    [InlineData(360, "da")]
    [InlineData(1280, "en")]
    public async Task Given_a_departure_in_the_past_When_it_is_booked_on_the_page_Then_the_reason_stands_beside_the_date_and_nothing_changed(int width, string lang)
    {
        var id = $"browser-act-past-{width}";
        await app.EligibleAsync(id);
        var version = (await app.StateAsync(id)).Version;
        var page = await app.NewPageAsync(width: width);
        await page.SignInAsync("dev-counsellor-key");
        await page.GotoAsync($"/pages/cases/{id}?lang={lang}");

        await page.Locator("#f-departure").FillAsync(Iso(Today.AddDays(-2)));
        await page.GetByRole(AriaRole.Button, new() { Name = Say[lang]["book"] }).ClickAsync();

        await Expect(page.Locator("#f-departure-error")).ToContainTextAsync(Say[lang]["past"]);
        await Expect(page.Locator("#f-departure")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("p[role=alert] a")).ToHaveAttributeAsync("href", "#action-book-departure");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"case-action-refused-{lang}-{width}");
        (await app.StateAsync(id)).Version.ShouldBe(version);
    }

    [Theory]
    [InlineData(360, "en")]
    [InlineData(1280, "da")]
    public async Task Given_an_arrived_case_When_the_partner_submits_a_plan_over_the_cap_and_then_within_it_Then_the_cap_is_said_and_the_plan_waits_for_approval(int width, string lang)
    {
        var id = $"browser-act-plan-{width}";
        await app.ArrivedAsync(id);
        var page = await app.NewPageAsync(width: width);
        await page.SignInAsync("dev-partner-ug-key");
        await page.GotoAsync($"/pages/cases/{id}?lang={lang}");
        var say = Say[lang];

        var first = page.Locator("#action-submit-plan fieldset").Nth(0);
        await first.GetByLabel(say["category"]).SelectOptionAsync("education");
        await first.GetByLabel(say["description"]).FillAsync("School fees for Grace");
        await first.GetByLabel(say["amount"]).FillAsync("90000");
        await page.GetByRole(AriaRole.Button, new() { Name = say["submit"] }).ClickAsync();

        await Expect(page.Locator("#lines-error")).ToContainTextAsync(say["over"]);
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"case-action-plan-over-cap-{lang}-{width}");
        (await app.StateAsync(id)).Plan.ShouldBeNull();

        await page.Locator("#action-submit-plan fieldset").Nth(0).GetByLabel(say["amount"]).FillAsync("8000");
        await page.GetByRole(AriaRole.Button, new() { Name = say["submit"] }).ClickAsync();

        await Expect(page.Locator("p[role=status]")).ToHaveTextAsync(say["submitted"]);
        var state = await app.StateAsync(id);
        state.Stage.ShouldBe(CaseStage.PlanPendingApproval);
        state.Plan!.Total.Amount.ShouldBe(8000m);
    }

    [Theory]
    [InlineData(1280, "en")]
    [InlineData(360, "da")]
    public async Task Given_an_eligible_case_When_the_counsellor_withdraws_it_and_erases_its_personal_data_Then_no_name_is_left(int width, string lang)
    {
        var id = $"browser-act-erase-{width}";
        await app.EligibleAsync(id);
        var page = await app.NewPageAsync(width: width);
        await page.SignInAsync("dev-counsellor-key");
        await page.GotoAsync($"/pages/cases/{id}?lang={lang}");
        var say = Say[lang];

        await page.GetByRole(AriaRole.Button, new() { Name = say["withdraw"] }).ClickAsync();
        await Expect(page.Locator("p[role=status]")).ToHaveTextAsync(say["withdrawn"]);
        await Expect(page.Locator("dd[data-stage]")).ToHaveAttributeAsync("data-stage", "closed");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync($"case-action-withdrawn-{lang}-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = say["erase"] }).ClickAsync();

        await Expect(page.Locator("p[role=status]")).ToHaveTextAsync(say["erased"]);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Amina Test");
        await Expect(page.Locator("#action-erase")).ToHaveCountAsync(0);
        (await app.StateAsync(id)).PersonalDataErasedAt.ShouldNotBeNull();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
