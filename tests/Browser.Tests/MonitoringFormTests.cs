using Microsoft.Playwright;
using Reintegration.Browser.Tests.Support;
using Reintegration.Storage.Documents;
using static Microsoft.Playwright.Assertions;

namespace Reintegration.Browser.Tests;

[Collection(LiveAppCollection.Name)]
public sealed class MonitoringFormTests(LiveApp app)
{
    /// <summary>A 1×1 PNG: a photo of a receipt, as far as the form can tell.</summary>
    private static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Given_month_one_is_due_When_the_partner_sends_the_report_with_a_photo_on_a_360px_phone_Then_the_report_and_its_encrypted_photo_are_stored()
    {
        const string id = "browser-monitoring";
        var arrived = await app.ArrivedAsync(id);
        var page = await app.NewPageAsync(width: 360, height: 740);
        await app.AdvanceToAsync(page, arrived.AddMonths(1));

        await page.GotoAsync($"/dev/outbox?caseId={id}");
        await page.Locator("article.mail", new() { HasText = "Fill in the monitoring report" }).Locator("a[href*='/links/']").First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Monthly monitoring report");
        await page.GetByLabel("Economic situation").SelectOptionAsync("fair");
        await page.GetByRole(AriaRole.Combobox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Social situation") }).SelectOptionAsync("good");
        await page.GetByLabel("Psychosocial situation").SelectOptionAsync("poor");
        await page.GetByLabel("Notes").FillAsync("The stall opened; Grace started school. Sleep is still poor.");
        await page.GetByLabel("Attachments").SetInputFilesAsync(new FilePayload { Name = "receipt.png", MimeType = "image/png", Buffer = Photo });
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync("monitoring-form-360");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("Thank you");
        await page.ScreenshotAsync("monitoring-sent-360");
        var report = (await app.StateAsync(id)).MonitoringReports[1];
        report.Notes.ShouldStartWith("The stall opened");
        var attachment = report.AttachmentIds.ShouldHaveSingleItem();
        var vault = app.Get<DocumentVault>();
        (await vault.GetAsync(id, attachment))!.Value.Content.ShouldBe(Photo);
        (await vault.RawAsync(id, attachment, "image/png"))!.ShouldNotBe(Photo);
    }

    [Fact]
    public async Task Given_an_Arabic_speaking_partner_When_it_opens_the_monitoring_link_Then_the_page_is_Arabic_and_right_to_left_and_French_on_request()
    {
        const string id = "browser-arabic";
        var arrived = await app.ArrivedAsync(id, country: "IQ");
        var page = await app.NewPageAsync(locale: "ar-IQ");
        await app.AdvanceToAsync(page, arrived.AddMonths(1));
        await page.GotoAsync($"/dev/outbox?caseId={id}");
        var link = await page.Locator("article.mail", new() { HasText = "تعبئة تقرير المتابعة" }).Locator("a[href*='/links/']").First.GetAttributeAsync("href");

        await page.GotoAsync(link!);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("h1")).ToHaveTextAsync("تقرير المتابعة الشهري");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "إرسال التقرير" })).ToBeVisibleAsync();
        await page.ShouldFitAndBeLabelledAsync();
        await page.ScreenshotAsync("monitoring-form-ar-360");

        await page.GetByRole(AriaRole.Link, new() { Name = "Français" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Rapport de suivi mensuel");
        await page.ScreenshotAsync("monitoring-form-fr-360");
    }
}
