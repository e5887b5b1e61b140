using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Api;

public class CaseApiTests : IClassFixture<AppFactory>
{
    private readonly AppFactory app;

    public CaseApiTests(AppFactory app) => this.app = app;

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.TryGetProperty("trace", out _).ShouldBeFalse();
        return problem;
    }

    [Fact]
    public async Task Counselling_note_is_shown_to_the_counsellor_only()
    {
        var id = await app.NewCaseAsync("api-note");
        (await app.Counsellor.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).GetProperty("counsellingNote").GetString().ShouldStartWith("Confidential");
        (await app.Agency.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).TryGetProperty("counsellingNote", out _).ShouldBeFalse();
        (await app.PartnerUganda.GetFromJsonAsync<JsonElement>($"/api/cases/{id}")).TryGetProperty("counsellingNote", out _).ShouldBeFalse();
        var officer = await app.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        officer.TryGetProperty("people", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Get_case_returns_its_version_and_an_etag_that_moves_with_each_event()
    {
        var id = await app.NewCaseAsync("api-version");
        var before = await app.Counsellor.GetAsync($"/api/cases/{id}");
        (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64().ShouldBe(1);
        before.Headers.ETag!.Tag.ShouldBe("\"1\"");
        before.Headers.ETag.IsWeak.ShouldBeFalse();

        var decision = AppFactory.Json("""{"eligible":true}""");
        (await app.Agency.PostAsync($"/api/cases/{id}/decision", decision)).EnsureSuccessStatusCode();
        var after = await app.Agency.GetAsync($"/api/cases/{id}");
        (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64().ShouldBe(2);
        after.Headers.ETag!.Tag.ShouldBe("\"2\"");
    }

    [Fact]
    public async Task Partner_sees_only_its_own_cases_with_consent()
    {
        var own = await app.NewCaseAsync("api-own");
        var unconsented = await app.NewCaseAsync("api-unconsented", consent: false);
        (await app.PartnerUganda.GetAsync($"/api/cases/{own}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ProblemOf(await app.PartnerSenegal.GetAsync($"/api/cases/{own}"), HttpStatusCode.NotFound);
        await ProblemOf(await app.PartnerUganda.GetAsync($"/api/cases/{unconsented}"), HttpStatusCode.NotFound);

        var list = await app.PartnerSenegal.GetFromJsonAsync<JsonElement>("/api/cases?partner=ug-reach-out");
        list.GetProperty("cases").EnumerateArray().ShouldBeEmpty();
        var ugList = await app.PartnerUganda.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=200");
        ugList.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()).ShouldNotContain(unconsented);
    }

    [Fact]
    public async Task Anonymous_and_unknown_keys_are_refused()
    {
        (await app.CreateClient().GetAsync("/api/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.As("nope").GetAsync("/api/cases")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_role_is_forbidden_and_changes_nothing()
    {
        var id = await app.NewCaseAsync("api-role");
        var problem = await ProblemOf(await app.Counsellor.PostAsync($"/api/cases/{id}/decision", AppFactory.Json("""{"eligible":true}""")), HttpStatusCode.Forbidden);
        problem.GetProperty("code").GetString().ShouldBe("forbidden");
        (await app.VersionAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task Decision_by_the_agency_moves_the_case_on_and_a_repeat_with_the_same_key_is_a_duplicate()
    {
        var id = await app.NewCaseAsync("api-decide");
        var client = app.Agency;
        client.DefaultRequestHeaders.Add("Idempotency-Key", "decide-1");
        var first = await client.PostAsync($"/api/cases/{id}/decision", AppFactory.Json("""{"eligible":true}"""));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString().ShouldBe("awaiting-departure");
        var second = await client.PostAsync($"/api/cases/{id}/decision", AppFactory.Json("""{"eligible":true}"""));
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString().ShouldBe("duplicate");
        (await app.VersionAsync(id)).ShouldBe(2);
    }

    [Theory]
    [InlineData("{\"eligible\":", "malformed-json", "$")]
    [InlineData("[1,2]", "malformed-json", "$")]
    [InlineData("{\"eligible\":\"yes\"}", "invalid-request", "eligible")]
    [InlineData("{}", "invalid-request", "eligible")]
    public async Task Bad_bodies_are_refused_naming_the_field(string body, string code, string field)
    {
        var id = await app.NewCaseAsync($"api-bad-{Math.Abs(body.GetHashCode(StringComparison.Ordinal))}");
        var problem = await ProblemOf(await app.Agency.PostAsync($"/api/cases/{id}/decision", AppFactory.Json(body)), HttpStatusCode.BadRequest);
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("field").GetString().ShouldBe(field);
        (await app.VersionAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task Wrong_content_type_and_huge_bodies_are_refused()
    {
        var id = await app.NewCaseAsync("api-size");
        await ProblemOf(await app.Agency.PostAsync($"/api/cases/{id}/decision", new StringContent("eligible=true")), HttpStatusCode.UnsupportedMediaType);
        var huge = "{\"eligible\":true,\"reason\":\"" + new string('x', 70_000) + "\"}";
        await ProblemOf(await app.Agency.PostAsync($"/api/cases/{id}/decision", AppFactory.Json(huge)), HttpStatusCode.RequestEntityTooLarge);
        (await app.VersionAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_case_is_404()
    {
        await ProblemOf(await app.Agency.PostAsync("/api/cases/no-such-case/decision", AppFactory.Json("""{"eligible":true}""")), HttpStatusCode.NotFound);
        await ProblemOf(await app.Agency.GetAsync("/api/cases/no-such-case"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Departure_in_the_past_and_a_too_late_post_arrival_request_are_422_with_the_reason()
    {
        var id = await app.NewCaseAsync("api-departure");
        (await app.Agency.PostAsync($"/api/cases/{id}/decision", AppFactory.Json("""{"eligible":true}"""))).EnsureSuccessStatusCode();
        var past = await ProblemOf(await app.Counsellor.PutAsync($"/api/cases/{id}/departure", AppFactory.Json("""{"departure":"2026-10-01"}""")), HttpStatusCode.UnprocessableEntity);
        (past.GetProperty("code").GetString(), past.GetProperty("field").GetString()).ShouldBe(("departure-in-past", "departure"));

        (await app.Counsellor.PutAsync($"/api/cases/{id}/departure", AppFactory.Json("""{"departure":"2026-11-05","flight":"TK 1"}"""))).EnsureSuccessStatusCode();
        var version = await app.VersionAsync(id);
        var late = await ProblemOf(await app.Counsellor.PostAsync($"/api/cases/{id}/post-arrival-request", AppFactory.Json("""{"services":["airport-pickup"]}""")), HttpStatusCode.UnprocessableEntity);
        late.GetProperty("detail").GetString().ShouldBe("the post-arrival package must be requested at least 5 days before departure: departure 2026-11-05, latest request 2026-10-31");
        (await app.VersionAsync(id)).ShouldBe(version);
    }

    [Fact]
    public async Task Invalid_dates_currencies_and_enums_are_named()
    {
        var id = await app.NewCaseAsync("api-fields");
        var problem = await ProblemOf(await app.Counsellor.PostAsync($"/api/cases/{id}/post-arrival-request",
            AppFactory.Json("""{"services":["airport-pickup","teleport"],"estimatedValue":{"amount":-5,"currency":"USD"}}""")), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("services[1]", out _).ShouldBeTrue();
        errors.TryGetProperty("estimatedValue.amount", out _).ShouldBeTrue();
        errors.TryGetProperty("estimatedValue.currency", out _).ShouldBeTrue();

        var date = await ProblemOf(await app.Counsellor.PutAsync($"/api/cases/{id}/departure", AppFactory.Json("""{"departure":"2026-02-30"}""")), HttpStatusCode.BadRequest);
        date.GetProperty("field").GetString().ShouldBe("departure");
    }
}

public class StatisticsApiTests : IClassFixture<AppFactory>
{
    private readonly AppFactory app;

    public StatisticsApiTests(AppFactory app) => this.app = app;

    [Fact]
    public async Task Statistics_group_cases_and_a_partner_sees_only_its_own()
    {
        await app.NewCaseAsync("stats-ug");
        await app.NewCaseAsync("stats-so", country: "SO");
        var all = await app.Officer.GetFromJsonAsync<JsonElement>("/api/statistics?groupBy=country");
        all.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()).ShouldBe(["SO", "UG"]);
        var partner = await app.PartnerUganda.GetFromJsonAsync<JsonElement>("/api/statistics?groupBy=partner");
        partner.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("group").GetString()).ShouldBe(["ug-reach-out"]);
        (await app.Officer.GetAsync("/api/statistics?groupBy=planet")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

public class PathBaseTests : IClassFixture<AppFactory>
{
    private readonly AppFactory app;

    public PathBaseTests(AppFactory app) => this.app = app;

    [Theory]
    [InlineData("/api/cases")]
    [InlineData("/cases")]
    [InlineData("/api/health")]
    [InlineData("/health")]
    public async Task Routes_answer_with_and_without_the_hosts_api_prefix(string path) =>
        (await app.Counsellor.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
}

public class ErasureApiTests : IClassFixture<AppFactory>
{
    private readonly AppFactory app;

    public ErasureApiTests(AppFactory app) => this.app = app;

    [Fact]
    public async Task Counsellor_erases_a_closed_case_and_the_agency_may_not()
    {
        var id = await app.NewCaseAsync("erase-api");
        (await app.Counsellor.PostAsync($"/api/cases/{id}/erasure", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.Counsellor.PostAsync($"/api/cases/{id}/withdrawal", null)).EnsureSuccessStatusCode();
        (await app.Agency.PostAsync($"/api/cases/{id}/erasure", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Counsellor.PostAsync($"/api/cases/{id}/erasure", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await app.Counsellor.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        view.GetProperty("people").GetProperty("persons")[0].GetProperty("name").GetString().ShouldBe("(erased)");
        view.TryGetProperty("counsellingNote", out _).ShouldBeFalse();
    }
}
