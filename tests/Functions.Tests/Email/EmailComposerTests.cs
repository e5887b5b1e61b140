using System.Text.RegularExpressions;
using Reintegration.Domain.Cases;
using Reintegration.Functions.Email;
using Reintegration.Functions.Links;
using Reintegration.Functions.Tests.Links;

namespace Reintegration.Functions.Tests.Email;

public class EmailComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly LinkTokens Tokens = new(LinkTokensTests.Options());

    public static EmailOptions Options()
    {
        var options = new EmailOptions
        {
            Recipients = new EmailRecipientOptions
            {
                Counsellor = "counsellors@drc.example.org",
                Agency = "caseworkers@agency.example.dk",
                ProgrammeOfficer = "officer@programme.example.eu",
            },
        };
        options.Partners["ug-reach-out"] = "team@reachout.example.ug";
        options.Partners["sn-eurp-partner"] = "accueil@partner.example.sn";
        return options;
    }

    private static readonly EmailComposer Composer = new(Options(), Tokens);

    private static CaseEffect.SendEmail Email(EmailTemplate template, RecipientRole recipient = RecipientRole.Agency, string language = "en", params LinkIntent[] links) =>
        new("case-42:7:0", "case-42", template, recipient, language, links);

    private static CaseEffect.NotifyPartner Notice(PartnerNotice notice, string language, params LinkIntent[] links) =>
        new("case-42:9:1", "case-42", "sn-eurp-partner", notice, language, links);

    private static string HtmlLanguage(EmailMessage message) => Regex.Match(message.Html, "<html lang=\"([a-z]+)\"").Groups[1].Value;

    [Theory]
    [InlineData("en")]
    [InlineData("da")]
    public void Given_every_email_template_When_composed_Then_each_is_written_in_the_language_and_names_the_case(string language)
    {
        var messages = Enum.GetValues<EmailTemplate>().Select(t => Composer.Compose(Email(t, language: language))).ToList();

        messages.ShouldAllBe(m => HtmlLanguage(m) == language && m.Subject.Contains("case-42") && m.Text.Contains("case-42") && m.Html.Contains("case-42"));
        messages.Select(m => m.Subject).Distinct().Count().ShouldBe(messages.Count);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("da")]
    [InlineData("fr")]
    [InlineData("ar")]
    public void Given_every_partner_notice_When_composed_Then_each_is_written_in_the_partners_language(string language)
    {
        var messages = Enum.GetValues<PartnerNotice>().Select(n => Composer.Compose(Notice(n, language))).ToList();

        messages.ShouldAllBe(m => HtmlLanguage(m) == language && m.To == "accueil@partner.example.sn");
        messages.Select(m => m.Subject).Distinct().Count().ShouldBe(messages.Count);
    }

    [Fact]
    public void Given_an_arabic_partner_When_notified_Then_the_html_reads_right_to_left_in_arabic()
    {
        var message = Composer.Compose(Notice(PartnerNotice.MonitoringReportDue, "ar", new LinkIntent(LinkAction.ReportMonitoring, 3, Now.AddDays(14))));

        message.Html.ShouldContain("<html lang=\"ar\" dir=\"rtl\">");
        message.Html.ShouldContain("تقرير المتابعة");
        message.Text.ShouldContain("تقرير المتابعة");
    }

    [Theory]
    [InlineData("sw", "en")]
    [InlineData("", "en")]
    [InlineData("da-DK", "da")]
    [InlineData("DA", "da")]
    [InlineData("fr", "en")]
    public void Given_a_language_without_wording_When_an_email_is_composed_Then_it_falls_back_to_english(string asked, string written)
    {
        HtmlLanguage(Composer.Compose(Email(EmailTemplate.DecisionRequested, language: asked))).ShouldBe(written);
    }

    [Fact]
    public void Given_link_intents_When_composed_Then_each_is_an_absolute_signed_url_to_the_confirmation_page()
    {
        var intent = new LinkIntent(LinkAction.DecidePlan, 2, Now.AddDays(14));

        var message = Composer.Compose(Email(EmailTemplate.PlanApprovalRequested, RecipientRole.Agency, "en", intent));

        var url = Regex.Match(message.Text, "https://cases\\.example\\.org/app/links/([A-Za-z0-9_.-]+)");
        url.Success.ShouldBeTrue();
        message.Html.ShouldContain($"<a href=\"{url.Value}?lang=en\">Approve or reject the plan</a>");
        message.Text.ShouldContain("Valid until 2026-12-06 10:00 UTC.");
        Tokens.Verify(url.Groups[1].Value, Now).ShouldBeOfType<LinkVerification.Valid>().Claims
            .ShouldBe(new LinkClaims("case-42", LinkAction.DecidePlan, 2, intent.ExpiresAt));
    }

    [Theory]
    [InlineData("da", "da")]
    [InlineData("fr", "fr")]
    [InlineData("da-DK", "da")]
    [InlineData("xx", "en")]
    public void Given_an_email_in_a_language_When_composed_Then_its_links_open_the_page_in_that_language(
        string asked, string language)
    {
        var intent = new LinkIntent(LinkAction.ReportMonitoring, 1, Now.AddDays(14));

        var message = Composer.Compose(new CaseEffect.NotifyPartner(
            "e-lang", "case-42", "sn-eurp-partner", PartnerNotice.MonitoringReportDue, asked, [intent]));

        Regex.Match(message.Text, "/links/[A-Za-z0-9_.-]+\\?lang=([a-z]+)").Groups[1].Value.ShouldBe(language);
    }

    [Fact]
    public void Given_an_email_without_links_When_composed_Then_it_has_no_link_and_no_confirmation_note()
    {
        var message = Composer.Compose(Email(EmailTemplate.ArrivalConfirmed, RecipientRole.Counsellor));

        message.Html.ShouldNotContain("<a ");
        message.Text.ShouldNotContain("/links/");
        message.Text.ShouldNotContain("confirmation page");
    }

    [Fact]
    public void Given_wording_with_markup_characters_When_rendered_Then_the_html_encodes_them()
    {
        var message = Composer.Compose(Email(EmailTemplate.CaseAlert, RecipientRole.Counsellor));

        message.Text.ShouldContain("case's timeline");
        message.Html.ShouldContain("case&#x27;s timeline");
        Regex.Replace(message.Html, "<[^>]*>", string.Empty).ShouldNotContain("'");
    }

    [Theory]
    [InlineData(RecipientRole.Counsellor, "counsellors@drc.example.org")]
    [InlineData(RecipientRole.Agency, "caseworkers@agency.example.dk")]
    [InlineData(RecipientRole.ProgrammeOfficer, "officer@programme.example.eu")]
    public void Given_a_recipient_role_When_composed_Then_the_address_comes_from_configuration(RecipientRole role, string address)
    {
        var message = Composer.Compose(Email(EmailTemplate.CaseAlert, role));

        message.To.ShouldBe(address);
        message.CaseId.ShouldBe("case-42");
        message.EffectId.ShouldBe("case-42:7:0");
        message.Text.ShouldNotContain("@");
        message.Html.ShouldNotContain("@");
    }

    [Fact]
    public void Given_no_address_for_a_partner_When_notified_Then_it_fails_naming_the_configuration_key()
    {
        var composer = new EmailComposer(new EmailOptions(), Tokens);

        Should.Throw<InvalidOperationException>(() => composer.Compose(Notice(PartnerNotice.DepartureBooked, "fr")))
            .Message.ShouldContain("Email:Partners:sn_eurp_partner");
        Should.Throw<InvalidOperationException>(() => composer.Compose(Email(EmailTemplate.DecisionMade, RecipientRole.Counsellor)))
            .Message.ShouldContain("Email:Recipients:Counsellor");
    }

    [Fact]
    public void Given_an_address_with_a_display_name_When_composed_Then_it_is_refused_without_echoing_it()
    {
        var options = Options();
        options.Recipients.Agency = "Agency <caseworkers@agency.example.dk>";

        var error = Should.Throw<InvalidOperationException>(() => new EmailComposer(options, Tokens).Compose(Email(EmailTemplate.DecisionMade)));

        error.Message.ShouldNotContain("caseworkers@");
    }

    [Fact]
    public void Given_a_timer_or_a_partner_role_When_composed_as_an_email_Then_it_is_refused()
    {
        var timer = new CaseEffect.ScheduleTimer("case-42:7:2", new CaseTimer("case-42", TimerKind.PlanReminder, 1, Now));

        Should.Throw<ArgumentException>(() => Composer.Compose(timer));
        Should.Throw<InvalidOperationException>(() => Composer.Compose(Email(EmailTemplate.CaseAlert, RecipientRole.Partner)));
    }
}
