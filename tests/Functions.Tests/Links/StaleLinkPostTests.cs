using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reintegration.Domain;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Links;

/// <summary>
/// A link whose round the case has moved past is refused on POST as well as on GET: 409, and the case keeps its
/// version. One test per link action, each reaching the stale round the way a real case would.
/// </summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class StaleLinkPostTests(AzuriteApp azurite)
{
    private AppFactory App => azurite.App;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task AdvanceDaysAsync(int days) =>
        (await App.CreateClient().PostAsync($"/dev/clock/advance?days={days}", null)).EnsureSuccessStatusCode();

    private async Task<string> StageAsync(string caseId) =>
        (await App.Counsellor.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("stage").GetString()!;

    private async Task<HttpResponseMessage> PostStaleAsync(string caseId, string token, params (string, string)[] form)
    {
        var version = await App.VersionAsync(caseId);
        var client = App.CreateClient();
        (await client.GetAsync($"/links/{token}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var answer = await client.PostAsync($"/links/{token}", Form(form));
        answer.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await App.VersionAsync(caseId)).ShouldBe(version);
        return answer;
    }

    private async Task DoAsync(CaseCommand command) =>
        (await App.Get<ICaseCommands>().HandleAsync(command, null)).Rejection.ShouldBeNull();

    [Fact]
    public async Task Round_1_eligibility_reminder_link_posted_after_a_lapse_and_reopening_is_409_and_changes_nothing()
    {
        var id = await App.NewCaseAsync("stale-eligibility");
        await AdvanceDaysAsync(5);
        var reminder = await azurite.LinkTokenAsync(id, "Påmindelse");
        await AdvanceDaysAsync(9);
        (await StageAsync(id)).ShouldBe("closed");
        (await App.Counsellor.PostAsync($"/api/cases/{id}/reopening", null)).EnsureSuccessStatusCode();

        var refused = await PostStaleAsync(id, reminder, ("decision", "eligible"));
        (await refused.Content.ReadAsStringAsync()).ShouldContain("no longer open");
        (await StageAsync(id)).ShouldBe("awaiting-decision");

        var round2 = await azurite.LinkTokenAsync(id, "/links/");
        round2.ShouldNotBe(reminder);
        (await App.CreateClient().PostAsync($"/links/{round2}", Form(("decision", "eligible")))).StatusCode
            .ShouldBe(HttpStatusCode.OK);
        (await StageAsync(id)).ShouldBe("awaiting-departure");
    }

    [Fact]
    public async Task Arrival_link_of_a_cancelled_booking_posted_after_a_rebooking_is_409_and_changes_nothing()
    {
        var id = await App.NewCaseAsync("stale-arrival");
        var departure = Iso(Today.AddDays(6));
        var eligible = AppFactory.Json("""{"eligible":true}""");
        (await App.Agency.PostAsync($"/api/cases/{id}/decision", eligible)).EnsureSuccessStatusCode();
        var booking = AppFactory.Json($$"""{"departure":"{{departure}}","flight":"TK 1953"}""");
        (await App.Counsellor.PutAsync($"/api/cases/{id}/departure", booking)).EnsureSuccessStatusCode();
        var package = AppFactory.Json("""{"services":["airport-pickup"]}""");
        (await App.Counsellor.PostAsync($"/api/cases/{id}/post-arrival-request", package)).EnsureSuccessStatusCode();
        var arrival = await azurite.LinkTokenAsync(id, "Post-arrival package requested");
        (await App.Counsellor.DeleteAsync($"/api/cases/{id}/departure")).EnsureSuccessStatusCode();
        var rebooking = AppFactory.Json($$"""{"departure":"{{departure}}","flight":"TK 1955"}""");
        (await App.Counsellor.PutAsync($"/api/cases/{id}/departure", rebooking)).EnsureSuccessStatusCode();
        await AdvanceDaysAsync(6);

        var refused = await PostStaleAsync(id, arrival, ("arrivedOn", departure));
        (await refused.Content.ReadAsStringAsync()).ShouldContain("the departure changed");
        (await StageAsync(id)).ShouldBe("departure-booked");

        // The API, which sends no booking, confirms the arrival of the booking as it stands.
        var arrived = AppFactory.Json($$"""{"arrivedOn":"{{departure}}"}""");
        (await App.PartnerUganda.PostAsync($"/api/cases/{id}/arrival", arrived)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Plan_link_posted_after_the_agency_approved_that_version_by_api_is_409_and_changes_nothing()
    {
        var id = await App.NewCaseAsync("stale-plan");
        var now = App.Clock.GetUtcNow();
        await DoAsync(new CaseCommand.DecideEligibility(id, "d", now, true, null));
        await DoAsync(new CaseCommand.BookDeparture(id, "b", now, Today, null));
        await DoAsync(new CaseCommand.ConfirmArrival(id, "a", now, Today));
        await DoAsync(new CaseCommand.SubmitPlan(id, "p1", now,
            [new BudgetLine("l1", ServiceCategory.Education, "school", new Money(5000m, Currency.DKK))]));
        var plan = await azurite.LinkTokenAsync(id, "Reintegrationsplan");
        (await App.Agency.PostAsync($"/api/cases/{id}/plan/1/decision", AppFactory.Json("""{"approve":true}""")))
            .EnsureSuccessStatusCode();

        var refused = await PostStaleAsync(id, plan, ("decision", "reject"), ("comment", "too late"));
        (await refused.Content.ReadAsStringAsync()).ShouldContain("already decided");
        (await StageAsync(id)).ShouldBe("monitoring");
    }

    [Fact]
    public async Task Monitoring_link_posted_after_the_partner_reported_that_month_by_api_is_409_and_changes_nothing()
    {
        var id = await App.NewCaseAsync("stale-monitoring");
        var now = App.Clock.GetUtcNow();
        await DoAsync(new CaseCommand.DecideEligibility(id, "d", now, true, null));
        await DoAsync(new CaseCommand.BookDeparture(id, "b", now, Today, null));
        await DoAsync(new CaseCommand.ConfirmArrival(id, "a", now, Today));
        await AdvanceDaysAsync(31);
        var month1 = await azurite.LinkTokenAsync(id, "Monthly monitoring report due");
        var report = AppFactory.Json("""{"month":1,"economic":"fair","social":"good","psychosocial":"fair"}""");
        (await App.PartnerUganda.PostAsync($"/api/cases/{id}/monitoring-reports", report)).EnsureSuccessStatusCode();

        var refused = await PostStaleAsync(
            id, month1, ("economic", "good"), ("social", "good"), ("psychosocial", "good"), ("notes", "second report"));
        (await refused.Content.ReadAsStringAsync()).ShouldContain("month 1 was already sent");
    }
}
