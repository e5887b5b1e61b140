using System.Net;
using System.Text.RegularExpressions;
using Reintegration.Domain;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Pages;

/// <summary>
/// Steps taken from the case page (issue 13, item 4): the form posts with its antiforgery token and form id, the same
/// step the API takes decides it, a refusal comes back beside the field at fault with nothing changed, and a second
/// press of the same form is a duplicate.
/// </summary>
public sealed partial class CaseActionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private DateTimeOffset Now => app.Clock.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public async Task Given_an_eligible_case_When_the_counsellor_books_the_departure_on_the_page_Then_it_is_booked_and_the_page_says_so()
    {
        var id = await EligibleAsync("act-book");
        var client = await app.SignedInAsync("dev-counsellor-key", followRedirects: false);
        var form = await FormAsync(client, id, "book-departure");

        var posted = await client.PostAsync(form.Action, form.With(("departure", Iso(Today.AddDays(20))), ("flight", "TK 1953")));

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldBe($"/pages/cases/{id}?lang=en&done=book-departure#steps");
        (await StateAsync(id)).Stage.ShouldBe(CaseStage.DepartureBooked);
        (await StateAsync(id)).Flight.ShouldBe("TK 1953");
        var page = await client.GetStringAsync($"/pages/cases/{id}?lang=en&done=book-departure");
        page.ShouldContain("<p class=\"ok\" role=\"status\">Departure booked.</p>");
        page.ShouldContain("id=\"action-request-post-arrival\"");
    }

    [Fact]
    public async Task Given_an_input_name_nested_past_any_form_When_it_is_posted_Then_it_is_ignored_and_the_step_is_taken()
    {
        // 70 parts would make JSON deeper than the serializer's limit of 64: that was a 500.
        var id = await EligibleAsync("act-deep");
        var client = await app.SignedInAsync("dev-counsellor-key", followRedirects: false);
        var form = await FormAsync(client, id, "book-departure");

        var posted = await client.PostAsync(form.Action, form.With(
            ("departure", Iso(Today.AddDays(20))), (string.Join('.', Enumerable.Repeat("a", 70)), "x")));

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StateAsync(id)).Stage.ShouldBe(CaseStage.DepartureBooked);
    }

    [Fact]
    public async Task Given_a_departure_in_the_past_When_it_is_booked_on_the_page_Then_the_reason_stands_beside_the_date_and_nothing_changed()
    {
        var id = await EligibleAsync("act-past");
        var client = await app.SignedInAsync("dev-counsellor-key");
        var before = await StateAsync(id);
        var form = await FormAsync(client, id, "book-departure", "da");

        var posted = await client.PostAsync(form.Action, form.With(("departure", Iso(Today.AddDays(-3)))));

        posted.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await posted.Content.ReadAsStringAsync();
        page.ShouldContain("aria-invalid=\"true\" aria-describedby=\"f-departure-error\"");
        page.ShouldContain("<p class=\"field-error\" id=\"f-departure-error\">Afrejsedatoen ligger i fortiden.</p>");
        page.ShouldContain($"value=\"{Iso(Today.AddDays(-3))}\"");
        (await StateAsync(id)).Version.ShouldBe(before.Version);
    }

    [Fact]
    public async Task Given_an_empty_date_When_the_form_is_sent_Then_it_is_refused_as_required_beside_the_field_and_nothing_changed()
    {
        var id = await EligibleAsync("act-empty");
        var client = await app.SignedInAsync("dev-counsellor-key");
        var before = await StateAsync(id);
        var form = await FormAsync(client, id, "book-departure");

        var posted = await client.PostAsync(form.Action, form.With(("departure", ""), ("flight", "TK 1")));

        posted.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await posted.Content.ReadAsStringAsync();
        page.ShouldContain("<p class=\"field-error\" id=\"f-departure-error\">This is required.</p>");
        page.ShouldContain("value=\"TK 1\"");
        (await StateAsync(id)).Version.ShouldBe(before.Version);
    }

    [Fact]
    public async Task Given_a_form_without_its_antiforgery_token_When_it_is_sent_Then_it_is_refused_and_nothing_changed()
    {
        var id = await EligibleAsync("act-csrf");
        var client = await app.SignedInAsync("dev-counsellor-key");
        var before = await StateAsync(id);

        var posted = await client.PostAsync($"/pages/cases/{id}/actions/book-departure", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["departure"] = Iso(Today.AddDays(20)) }));

        posted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await StateAsync(id)).Version.ShouldBe(before.Version);
    }

    [Fact]
    public async Task Given_a_step_of_another_role_When_it_is_posted_Then_it_is_forbidden_and_the_page_does_not_offer_it()
    {
        var id = await EligibleAsync("act-role");
        var agency = await app.SignedInAsync("dev-agency-key");
        var counsellorForm = await FormAsync(await app.SignedInAsync("dev-counsellor-key"), id, "book-departure");
        (await agency.GetStringAsync($"/pages/cases/{id}")).ShouldNotContain("action-book-departure");
        var agencyToken = Csrf().Match(await agency.GetStringAsync($"/pages/cases/{id}")).Groups[1].Value;

        var posted = await agency.PostAsync(counsellorForm.Action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = WebUtility.HtmlDecode(agencyToken),
            ["departure"] = Iso(Today.AddDays(20)),
        }));

        posted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await StateAsync(id)).Stage.ShouldBe(CaseStage.AwaitingDeparture);
    }

    [Fact]
    public async Task Given_the_same_form_sent_twice_When_the_second_arrives_Then_it_is_a_duplicate_and_the_case_moved_once()
    {
        var id = await EligibleAsync("act-twice");
        var client = await app.SignedInAsync("dev-counsellor-key", followRedirects: false);
        var form = await FormAsync(client, id, "book-departure");
        var body = form.With(("departure", Iso(Today.AddDays(20))));
        (await client.PostAsync(form.Action, body)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var version = (await StateAsync(id)).Version;

        var again = await client.PostAsync(form.Action, form.With(("departure", Iso(Today.AddDays(20)))));

        again.Headers.Location!.ToString().ShouldContain("done=duplicate");
        (await StateAsync(id)).Version.ShouldBe(version);
    }

    [Fact]
    public async Task Given_an_arrived_case_When_the_counsellor_submits_a_plan_with_a_blank_row_and_a_bad_amount_Then_the_amount_is_refused_in_its_row()
    {
        var id = await ArrivedAsync("act-plan");
        var client = await app.SignedInAsync("dev-counsellor-key");
        var form = await FormAsync(client, id, "submit-plan");

        var refused = await client.PostAsync(form.Action, form.With(
            ("lines[0].category", "education"), ("lines[0].description", "School fees"), ("lines[0].amount.amount", "8000"),
            ("lines[2].category", "small-business"), ("lines[2].description", "Stall"), ("lines[2].amount.amount", "12,5x")));

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("id=\"f-lines-2--amount-amount-error\"");
        (await StateAsync(id)).Plan.ShouldBeNull();

        form = await FormAsync(client, id, "submit-plan");
        var accepted = await client.PostAsync(form.Action, form.With(
            ("lines[0].category", "education"), ("lines[0].description", "School fees"), ("lines[0].amount.amount", "8000"),
            ("lines[2].category", "small-business"), ("lines[2].description", "Stall"), ("lines[2].amount.amount", "11000.50")));

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.Content.ReadAsStringAsync()).ShouldContain("Plan submitted for approval.");
        var plan = (await StateAsync(id)).Plan!;
        plan.Lines.Select(l => (l.Category, l.Amount.Amount)).ShouldBe([(ServiceCategory.Education, 8000m), (ServiceCategory.SmallBusiness, 11000.50m)]);
        plan.Status.ShouldBe(PlanStatus.Pending);
    }

    [Fact]
    public async Task Given_a_booked_case_When_the_post_arrival_request_names_no_service_Then_the_domain_says_so_beside_the_services()
    {
        var id = await EligibleAsync("act-package");
        await DoAsync(new CaseCommand.BookDeparture(id, $"{id}-book", Now, Today.AddDays(20), "TK 1953"));
        var client = await app.SignedInAsync("dev-counsellor-key");
        var form = await FormAsync(client, id, "request-post-arrival");

        var posted = await client.PostAsync(form.Action, form.With(("notes", "Meet at gate B")));

        posted.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var page = await posted.Content.ReadAsStringAsync();
        page.ShouldContain("id=\"f-services-error\"");
        page.ShouldContain("Meet at gate B");
        (await StateAsync(id)).PostArrival.ShouldBeNull();
    }

    private async Task<string> EligibleAsync(string id)
    {
        await DoAsync(new CaseCommand.SubmitApplication(id, $"{id}-intake", Now, "drc-denmark",
            new Person("Amina Test", new DateOnly(1990, 3, 14), Relationship.Applicant, false), [], "UG", "UG",
            ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, null));
        await DoAsync(new CaseCommand.DecideEligibility(id, $"{id}-decide", Now, true, null));
        return id;
    }

    private async Task<string> ArrivedAsync(string id)
    {
        await EligibleAsync(id);
        await DoAsync(new CaseCommand.BookDeparture(id, $"{id}-book", Now, Today, "TK 1953"));
        await DoAsync(new CaseCommand.ConfirmArrival(id, $"{id}-arrive", Now, Today));
        return id;
    }

    private async Task DoAsync(CaseCommand command) =>
        (await app.Get<ICaseCommands>().HandleAsync(command, null)).Rejection.ShouldBeNull(command.GetType().Name);

    private async Task<CaseState> StateAsync(string id) => (await app.Get<ICaseReadModel>().ReadAsync(id))!;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A step's form on the case page: where it posts and its hidden fields.</summary>
    private static async Task<StepForm> FormAsync(HttpClient client, string id, string step, string language = "en")
    {
        var page = await client.GetStringAsync($"/pages/cases/{id}?lang={language}");
        var form = Regex.Match(page, $"<form class=\"card\" id=\"action-{step}\" method=\"post\" action=\"([^\"]+)\".*?</form>", RegexOptions.Singleline);
        form.Success.ShouldBeTrue($"no {step} form on the page");
        var hidden = Regex.Matches(form.Value, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
            .Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        return new StepForm(WebUtility.HtmlDecode(form.Groups[1].Value), hidden);
    }

    private sealed record StepForm(string Action, IReadOnlyList<(string Name, string Value)> Hidden)
    {
        public FormUrlEncodedContent With(params (string Name, string Value)[] typed) =>
            new(Hidden.Concat(typed).Select(f => KeyValuePair.Create(f.Name, f.Value)));
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex Csrf();
}
