using Reintegration.Domain;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Links;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Pages;

/// <summary>
/// Every page, in every language it is offered in, with cases at each stage: no word falls back to English or to its
/// key, and no raw code of the domain shows (issue 13, item 5). The agency side reads its pages in English and Danish;
/// partners read their signed-in pages and link pages in French and Arabic too, and so does the sign-in page.
/// </summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class EveryPageInEveryLanguageTests(AzuriteApp azurite)
{
    private static readonly string[] Office = ["en", "da"];
    private static readonly string[] Partner = ["en", "da", "fr", "ar"];

    private AppFactory App => azurite.App;

    private DateTimeOffset Now => App.Clock.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public async Task Every_signed_in_page_says_every_word_in_each_language_of_its_reader_and_shows_no_raw_code()
    {
        var cases = await CasesAtEveryStageAsync("words-office");
        var faults = new List<string>();
        var anonymous = App.CreateClient();
        foreach (var language in Partner)
        {
            faults.AddRange(await FaultsAsync(anonymous, $"/sign-in?lang={language}", "sign-in", language));
        }

        var readers = new (string Key, string[] Languages)[]
        {
            ("dev-counsellor-key", Office), ("dev-agency-key", Office), ("dev-officer-key", Office),
            ("dev-partner-ug-key", Partner),
        };
        foreach (var (key, languages) in readers)
        {
            var client = await App.SignedInAsync(key);
            foreach (var language in languages)
            {
                faults.AddRange(await FaultsAsync(client, $"/pages/cases?lang={language}", $"case list ({key})", language));
                faults.AddRange(await FaultsAsync(
                    client, $"/pages/cases?stage=monitoring&lang={language}", $"filtered list ({key})", language));
                faults.AddRange(await FaultsAsync(client, $"/pages/dashboard?lang={language}", $"dashboard ({key})", language));
                faults.AddRange(await FaultsAsync(client, $"/dev/outbox?lang={language}", $"outbox ({key})", language));
                if (key == "dev-officer-key")
                {
                    faults.AddRange(await OperatorPagesFaultsAsync(client, cases["monitoring"], language));
                }

                foreach (var (stage, id) in cases)
                {
                    faults.AddRange(await FaultsAsync(
                        client, $"/pages/cases/{id}?lang={language}", $"case page at {stage} ({key})", language));
                }
            }
        }

        faults.ShouldBeEmpty(string.Join(Environment.NewLine, faults));
    }

    [Theory]
    [InlineData("dev-counsellor-key")]
    [InlineData("dev-agency-key")]
    [InlineData("dev-officer-key")]
    public async Task Given_a_reader_on_the_agency_side_When_a_page_is_asked_for_in_French_or_Arabic_Then_it_is_English_or_Danish(
        string key)
    {
        var client = await App.SignedInAsync(key);
        foreach (var language in new[] { "fr", "ar" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/pages/cases?lang={language}");
            request.Headers.AcceptLanguage.ParseAdd($"{language}, da;q=0.5");
            var page = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

            page.ShouldContain("<html lang=\"da\" dir=\"ltr\"", Case.Sensitive, $"{key} asking for {language}, then da");
            page.ShouldNotContain($"hreflang=\"{language}\"", Case.Sensitive, $"{key} is offered {language}");
            var plain = await (await client.GetAsync($"/pages/dashboard?lang={language}")).Content.ReadAsStringAsync();
            plain.ShouldContain("<html lang=\"en\" dir=\"ltr\"", Case.Sensitive, $"{key} asking for {language} alone");
        }
    }

    [Fact]
    public async Task Every_link_page_says_every_word_in_each_of_its_languages_and_shows_no_raw_code()
    {
        var cases = await CasesAtEveryStageAsync("words-links");
        var links = new (string What, string Token, string[] Languages)[]
        {
            ("eligibility decision", Issue(cases["awaiting-decision"], LinkAction.DecideEligibility, 1), Office),
            ("plan approval", Issue(cases["plan-pending"], LinkAction.DecidePlan, 1), Office),
            ("plan already decided", Issue(cases["monitoring"], LinkAction.DecidePlan, 1), Office),
            ("arrival", Issue(cases["departure-booked"], LinkAction.ConfirmArrival, 1), Partner),
            ("arrival after it was confirmed", Issue(cases["monitoring"], LinkAction.ConfirmArrival, 1), Partner),
            ("monitoring form", Issue(cases["monitoring"], LinkAction.ReportMonitoring, 2), Partner),
            ("monitoring form already sent", Issue(cases["monitoring"], LinkAction.ReportMonitoring, 1), Partner),
            ("closed case", Issue(cases["closed"], LinkAction.ReportMonitoring, 1), Partner),
            ("expired link", App.Get<LinkTokens>().Issue(
                new LinkClaims(cases["monitoring"], LinkAction.ReportMonitoring, 3, Now.AddDays(-1))), Partner),
            ("tampered link", "eyJ2IjoxfQ.AAAA", Partner),
        };
        var faults = new List<string>();
        var client = App.CreateClient();
        foreach (var (what, token, languages) in links)
        {
            foreach (var language in languages)
            {
                faults.AddRange(await FaultsAsync(client, $"/links/{token}?lang={language}", what, language));
            }
        }

        foreach (var language in Partner)
        {
            var form = new MultipartFormDataContent { { new StringContent("excellent"), "economic" } };
            var refused = await client.PostAsync(
                $"/links/{Issue(cases["monitoring"], LinkAction.ReportMonitoring, 2)}?lang={language}", form);
            faults.AddRange(await PageWordsSupport.FaultsAsync(refused, "monitoring form refused", language));
        }

        faults.ShouldBeEmpty(string.Join(Environment.NewLine, faults));
    }

    /// <summary>The operator pages: the list, a case with an operator action on it, and each outcome message.</summary>
    private async Task<IReadOnlyList<string>> OperatorPagesFaultsAsync(HttpClient client, string caseId, string language)
    {
        var officer = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new(System.Security.Claims.ClaimTypes.NameIdentifier, "dev-officer"),
            new(System.Security.Claims.ClaimTypes.Role, "ProgrammeOfficer"),
        ], "test"));
        await App.Get<Reintegration.Functions.Security.AuditLog>().OperatedAsync(officer, caseId, "retry", "-", default);
        var faults = new List<string>();
        faults.AddRange(await FaultsAsync(client, $"/pages/operations?lang={language}", "operations", language));
        foreach (var said in new[] { "", "&done=retry", "&done=skip", "&done=terminate", "&done=pending",
            "&refused=case-not-running", "&refused=case-not-rehydrated", "&refused=effect-not-pending", "&refused=effect-not-skippable", "&refused=other" })
        {
            faults.AddRange(await FaultsAsync(
                client, $"/pages/operations/{caseId}?lang={language}{said}", $"operations case{said}", language));
        }

        return faults;
    }

    private async Task<IReadOnlyList<string>> FaultsAsync(HttpClient client, string path, string what, string language)
    {
        var response = await client.GetAsync(path);
        await response.ShouldBeOkAsync(what);
        return await PageWordsSupport.FaultsAsync(response, what, language);
    }

    private string Issue(string caseId, LinkAction action, int round) =>
        App.Get<LinkTokens>().Issue(new LinkClaims(caseId, action, round, Now.AddDays(14)));

    /// <summary>Cases at each stage a page shows differently, with every kind of person, service and finding.</summary>
    private async Task<Dictionary<string, string>> CasesAtEveryStageAsync(string prefix)
    {
        var cases = new Dictionary<string, string>();
        async Task<string> Start(string stage, string programme = "drc-denmark", string country = "UG", Conviction conviction = Conviction.None)
        {
            var id = $"{prefix}-{cases.Count}";
            cases[stage] = id;
            var family = new[]
            {
                new Person("Omar", new DateOnly(1988, 1, 2), Relationship.Spouse, false),
                new Person("Grace", Today.AddYears(-9), Relationship.Child, false),
                new Person("Halima", new DateOnly(1950, 5, 6), Relationship.Parent, false),
                new Person("Yusuf", new DateOnly(1995, 7, 8), Relationship.Sibling, false),
                new Person("Sara", new DateOnly(1999, 9, 10), Relationship.Other, false),
            };
            await DoAsync(new CaseCommand.SubmitApplication(
                id, $"{id}-intake", Now, programme, new Person("Amina", new DateOnly(1990, 3, 14), Relationship.Applicant, false),
                family, country, country, ReturnType.Voluntary, null, true,
                EligibilityFacts.Clean() with { Conviction = conviction }, null, "Counselling note"));
            return id;
        }

        async Task<string> Arrived(string stage, string programme = "drc-denmark", string country = "UG")
        {
            var id = await Start(stage, programme, country);
            await DoAsync(new CaseCommand.DecideEligibility(id, $"{id}-decide", Now, true, null));
            await DoAsync(new CaseCommand.BookDeparture(id, $"{id}-book", Now, Today, "TK 1953"));
            await DoAsync(new CaseCommand.ConfirmArrival(id, $"{id}-arrive", Now, Today));
            return id;
        }

        BudgetLine[] Lines(Currency currency, decimal amount) =>
        [
            new("school", ServiceCategory.Education, "School fees", new Money(amount, currency)),
            new("shop", ServiceCategory.SmallBusiness, "Market stall", new Money(amount, currency)),
            new("travel", currency == Currency.DKK ? ServiceCategory.TravelCash : ServiceCategory.PsychosocialSupport, "Bus", new Money(amount, currency)),
        ];

        await Start("awaiting-decision", conviction: Conviction.Minor);
        var failing = await Start("pre-check-failed", country: "AL", conviction: Conviction.Serious);
        await DoAsync(new CaseCommand.DecideEligibility(failing, $"{failing}-decide", Now, false, "Visa-free country"));
        var eligible = await Start("awaiting-departure");
        await DoAsync(new CaseCommand.DecideEligibility(eligible, $"{eligible}-decide", Now, true, null));
        var booked = await Start("departure-booked");
        await DoAsync(new CaseCommand.DecideEligibility(booked, $"{booked}-decide", Now, true, null));
        await DoAsync(new CaseCommand.BookDeparture(booked, $"{booked}-book", Now, Today.AddDays(20), "TK 1953"));
        await DoAsync(new CaseCommand.RequestPostArrival(booked, $"{booked}-package", Now,
            Enum.GetValues<PostArrivalService>().Where(s => s != PostArrivalService.FamilyReunification).ToList(),
            new Money(400m, Currency.DKK), "Meet at gate B"));
        await Arrived("awaiting-plan");
        var overCap = await Arrived("plan-pending", "eu-eurp", "SN");
        await DoAsync(new CaseCommand.SubmitPlan(overCap, $"{overCap}-plan", Now, Lines(Currency.EUR, 3000m)));
        var rejected = await Arrived("plan-rejected");
        await DoAsync(new CaseCommand.SubmitPlan(rejected, $"{rejected}-plan", Now, Lines(Currency.DKK, 1000m)));
        await DoAsync(new CaseCommand.RejectPlan(rejected, $"{rejected}-reject", Now, 1, "Too little for the shop"));
        var monitoring = await Arrived("monitoring");
        await DoAsync(new CaseCommand.SubmitPlan(monitoring, $"{monitoring}-plan", Now, Lines(Currency.DKK, 1000m)));
        await DoAsync(new CaseCommand.ApprovePlan(monitoring, $"{monitoring}-approve", Now, 1, "Fine"));
        // Commands carry their time: month 1's report is sent on its day (the app's clock stays where it is).
        await DoAsync(new CaseCommand.SubmitMonitoringReport(monitoring, $"{monitoring}-m1", Now.AddDays(30),
            new MonitoringReport(1, Situation.Good, Situation.Fair, Situation.Poor, "Settling in", [])));
        var closed = await Start("closed");
        await DoAsync(new CaseCommand.CloseCase(closed, $"{closed}-close", Now, ClosureReason.Withdrawn));
        return cases;
    }

    private async Task DoAsync(CaseCommand command) =>
        (await App.Get<ICaseCommands>().HandleAsync(command, null)).Rejection.ShouldBeNull(command.GetType().Name);
}
