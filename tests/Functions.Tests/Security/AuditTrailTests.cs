using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Security;

[Collection(AzuriteAppCollection.Name)]
public sealed class AuditTrailTests(AzuriteApp azurite)
{
    [Fact]
    public async Task Every_read_of_a_case_is_in_its_audit_trail_for_the_programme_officer()
    {
        var app = azurite.App;
        var id = await app.NewCaseAsync("audit-1");
        (await app.Counsellor.GetAsync($"/api/cases/{id}")).EnsureSuccessStatusCode();
        (await app.Agency.GetAsync($"/api/cases/{id}")).EnsureSuccessStatusCode();
        (await app.PartnerUganda.GetAsync($"/api/cases/{id}")).EnsureSuccessStatusCode();
        (await app.PartnerSenegal.GetAsync($"/api/cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var trail = await app.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/audit");
        trail.EnumerateArray().Select(e => (e.GetProperty("caller").GetString(), e.GetProperty("role").GetString()))
            .ShouldBe([("dev-partner-uganda", "partner"), ("dev-agency", "agency"), ("dev-counsellor", "counsellor")], ignoreOrder: true);
        (await app.Counsellor.GetAsync($"/api/cases/{id}/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
