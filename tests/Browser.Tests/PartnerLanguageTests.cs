using Microsoft.Playwright;
using Reintegration.Browser.Tests.Support;
using Reintegration.Domain.Cases;
using static Microsoft.Playwright.Assertions;

namespace Reintegration.Browser.Tests;

/// <summary>
/// A partner reads the signed-in pages in Arabic (right to left, on a phone) and French and takes the case page's step
/// there (issue 13, item 5: French and Arabic on partner pages).
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class PartnerLanguageTests(LiveApp app)
{
    [Fact]
    public async Task Given_an_arrived_case_When_the_partner_opens_it_in_Arabic_on_a_phone_Then_it_reads_right_to_left_and_fits()
    {
        var id = "browser-partner-ar";
        await app.ArrivedAsync(id);
        var page = await app.NewPageAsync(width: 360);
        await page.SignInAsync("dev-partner-ug-key");

        await page.GotoAsync("/pages/cases?lang=ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("h1")).ToHaveTextAsync("الملفات");
        await page.ShouldFitAndBeLabelledAsync();
        await page.GotoAsync($"/pages/cases/{id}?lang=ar");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"الملف {id}");
        await Expect(page.Locator("dd[data-stage]")).ToHaveTextAsync("في انتظار الخطة");
        await Expect(page.Locator("#steps")).ToHaveTextAsync("الخطوات التالية");
        await Expect(page.Locator("#action-submit-plan h3")).ToHaveTextAsync("تقديم خطة إعادة الإدماج");
        await Expect(page.Locator("ol.events")).ToContainTextAsync("تم تأكيد الوصول");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Awaiting plan");
        await page.ShouldFitAndBeLabelledAsync();
        await ShouldDrawTextInsideItsPicturesAsync(page);
        await page.ScreenshotAsync("partner-case-ar-360");

        await page.GotoAsync("/pages/dashboard?lang=ar");
        await Expect(page.Locator("h1")).ToHaveTextAsync("لوحة المتابعة");
        await page.ShouldFitAndBeLabelledAsync();
        await ShouldDrawTextInsideItsPicturesAsync(page);
        await page.ScreenshotAsync("partner-dashboard-ar-360");
    }

    [Fact]
    public async Task Given_an_arrived_case_When_the_partner_submits_the_plan_in_French_Then_the_cap_is_said_in_French_and_the_plan_waits_for_approval()
    {
        var id = "browser-partner-fr";
        await app.ArrivedAsync(id);
        var page = await app.NewPageAsync(width: 1280);
        await page.SignInAsync("dev-partner-ug-key");
        await page.GotoAsync($"/pages/cases/{id}?lang=fr");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(page.Locator("#action-submit-plan h3")).ToHaveTextAsync("Soumettre le plan de réintégration");
        var first = page.Locator("#action-submit-plan fieldset").Nth(0);
        await first.GetByLabel("Prestation").SelectOptionAsync("education");
        await first.GetByLabel("Description").FillAsync("Frais de scolarité pour Grace");
        await first.GetByLabel("Montant en DKK").FillAsync("90000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Soumettre le plan" }).ClickAsync();

        await Expect(page.Locator("#lines-error")).ToHaveTextAsync("Le plan dépasse le plafond.");
        await Expect(page.Locator("p[role=alert]")).ToContainTextAsync("Non effectué");
        (await app.StateAsync(id)).Plan.ShouldBeNull();
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync("partner-case-fr-plan-refused-1280");
        await page.Locator("#action-submit-plan fieldset").Nth(0).GetByLabel("Montant en DKK").FillAsync("8000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Soumettre le plan" }).ClickAsync();

        await Expect(page.Locator("p[role=status]")).ToHaveTextAsync("Plan soumis pour approbation.");
        await Expect(page.Locator("dd[data-stage]")).ToHaveTextAsync("Plan en attente d'approbation");
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync("partner-case-fr-plan-submitted-1280");
        var state = await app.StateAsync(id);
        state.Stage.ShouldBe(CaseStage.PlanPendingApproval);
        state.Plan!.Total.Amount.ShouldBe(8000m);
    }

    // Right to left, text that starts where it would left to right runs out of its picture and is cut off.
    private static async Task ShouldDrawTextInsideItsPicturesAsync(IPage page)
    {
        var outside = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('svg')].flatMap(svg => {
              const box = svg.getBoundingClientRect();
              return [...svg.querySelectorAll('text')]
                .filter(t => t.textContent.trim())
                .filter(t => { const r = t.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1; })
                .map(t => t.textContent);
            })
            """);
        outside.ShouldBeEmpty($"{page.Url} draws text outside its picture");
    }
}
