using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Api;

/// <summary>docs/API.md: a refused request does not use up its Idempotency-Key; an accepted one does.</summary>
public class IdempotencyKeyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private HttpClient AgencyWithKey(string key)
    {
        var client = app.Agency;
        client.DefaultRequestHeaders.Add("Idempotency-Key", key);
        return client;
    }

    private static async Task<string> OutcomeOf(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString()!;
    }

    [Fact]
    public async Task Refused_request_then_a_corrected_one_with_the_same_key_is_accepted()
    {
        var id = await app.NewCaseAsync("key-corrected");
        var client = AgencyWithKey("decide-corrected");

        var refused = await client.PostAsync($"/api/cases/{id}/decision", AppFactory.Json("""{"eligible":false}"""));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await app.VersionAsync(id)).ShouldBe(1);

        var corrected = AppFactory.Json("""{"eligible":false,"reason":"no travel document"}""");
        (await OutcomeOf(await client.PostAsync($"/api/cases/{id}/decision", corrected))).ShouldBe("accepted");
        (await app.VersionAsync(id)).ShouldBe(2);
    }

    [Fact]
    public async Task Accepted_request_then_other_content_with_the_same_key_is_a_duplicate_that_changes_nothing()
    {
        var id = await app.NewCaseAsync("key-reused");
        var client = AgencyWithKey("decide-reused");
        var first = AppFactory.Json("""{"eligible":true}""");
        (await OutcomeOf(await client.PostAsync($"/api/cases/{id}/decision", first))).ShouldBe("accepted");

        var other = AppFactory.Json("""{"eligible":false,"reason":"changed mind"}""");
        var resend = await client.PostAsync($"/api/cases/{id}/decision", other);

        (await OutcomeOf(resend)).ShouldBe("duplicate");
        (await app.VersionAsync(id)).ShouldBe(2);
        var view = await app.Counsellor.GetFromJsonAsync<JsonElement>($"/api/cases/{id}");
        view.GetProperty("stage").GetString().ShouldBe("awaiting-departure");
    }
}
