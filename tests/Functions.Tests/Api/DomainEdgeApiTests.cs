using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Api;

/// <summary>Edges the decider refuses itself, through the API: Problem Details naming the field, never 500.</summary>
public class DomainEdgeApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.TryGetProperty("trace", out _).ShouldBeFalse();
        return problem;
    }

    private async Task<string> BookedWithoutPartnerAsync(string caseId)
    {
        var id = await app.NewCaseAsync(caseId, country: "ER");
        (await app.Agency.PostAsync($"/api/cases/{id}/decision", AppFactory.Json("""{"eligible":true}""")))
            .EnsureSuccessStatusCode();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var departure = today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var booking = AppFactory.Json($$"""{"departure":"{{departure}}"}""");
        (await app.Counsellor.PutAsync($"/api/cases/{id}/departure", booking)).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task Departure_recorded_before_the_application_is_422_naming_both_dates_and_pays_no_cash()
    {
        var id = await BookedWithoutPartnerAsync("edge-departure");
        var version = await app.VersionAsync(id);

        var answer = await app.Agency.PostAsync(
            $"/api/cases/{id}/departure-record", AppFactory.Json("""{"departedOn":"2020-01-01"}"""));

        var problem = await ProblemOf(answer, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("code").GetString().ShouldBe("departure-before-application");
        problem.GetProperty("field").GetString().ShouldBe("departedOn");
        problem.GetProperty("detail").GetString()
            .ShouldBe("The departure 2020-01-01 is before the application 2026-11-02.");
        (await app.VersionAsync(id)).ShouldBe(version);
    }

    [Theory]
    [InlineData("max", "79228162514264337593543950335")]
    [InlineData("ceiling", "100000000.01")]
    [InlineData("cents", "12.345")]
    [InlineData("negative", "-1")]
    public async Task Plan_amounts_the_domain_also_refuses_are_a_400_problem_not_a_500(string name, string amount)
    {
        var id = await app.NewCaseAsync($"edge-plan-{name}");
        var body = $$$"""
            {"lines":[
              {"lineId":"a","category":"education","description":"fee","amount":{"amount":{{{amount}}},"currency":"DKK"}},
              {"lineId":"b","category":"education","description":"books","amount":{"amount":1,"currency":"DKK"}}]}
            """;

        var answer = await app.Counsellor.PostAsync($"/api/cases/{id}/plan", AppFactory.Json(body));

        var problem = await ProblemOf(answer, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("lines[0].amount.amount", out _).ShouldBeTrue();
        (await app.VersionAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task Negative_post_arrival_estimate_is_a_400_problem()
    {
        var id = await app.NewCaseAsync("edge-estimate");
        var body = """{"services":["airport-pickup"],"estimatedValue":{"amount":-5,"currency":"DKK"}}""";

        var answer = await app.Counsellor.PostAsync($"/api/cases/{id}/post-arrival-request", AppFactory.Json(body));

        var problem = await ProblemOf(answer, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("estimatedValue.amount", out _).ShouldBeTrue();
        (await app.VersionAsync(id)).ShouldBe(1);
    }
}
