using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Links;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Links;

/// <summary>What opening a link page reads, and what it shows once the case is closed.</summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class LinkReadTests(AzuriteApp azurite)
{
    private AppFactory App => azurite.App;

    [Fact]
    public async Task Opening_a_link_page_is_a_read_in_the_audit_trail_by_the_link_in_its_role()
    {
        var id = await App.NewCaseAsync("link-audit");
        var token = await azurite.LinkTokenAsync(id, "/links/");
        var monitoring = Issue(id, LinkAction.ReportMonitoring, 1);
        var client = App.CreateClient();
        (await client.GetAsync($"/links/{token}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/links/{monitoring}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var trail = await App.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/audit");
        var reads = trail.EnumerateArray()
            .Select(e => (Caller: e.GetProperty("caller").GetString()!, Role: e.GetProperty("role").GetString()))
            .ToList();
        reads.Count.ShouldBe(2);
        reads.ShouldAllBe(r => r.Caller.StartsWith("link:", StringComparison.Ordinal)
            && !token.Contains(r.Caller.Substring(5), StringComparison.Ordinal));
        reads.Select(r => r.Role).ShouldBe(["agency", "partner"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_monitoring_link_of_a_closed_or_erased_case_shows_the_closed_page_and_no_form()
    {
        var closed = await App.NewCaseAsync("link-closed");
        await DoAsync(new CaseCommand.CloseCase(closed, "link-closed-w", Now, ClosureReason.Withdrawn));
        var erased = await App.NewCaseAsync("link-erased");
        await DoAsync(new CaseCommand.CloseCase(erased, "link-erased-w", Now, ClosureReason.Withdrawn));
        await DoAsync(new CaseCommand.ErasePersonalData(erased, "link-erased-e", App.Clock.GetUtcNow()));

        foreach (var id in new[] { closed, erased })
        {
            var page = await App.CreateClient().GetAsync($"/links/{Issue(id, LinkAction.ReportMonitoring, 1)}");
            page.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            var html = await page.Content.ReadAsStringAsync();
            html.ShouldContain("This case is closed");
            html.ShouldNotContain("<form method=\"post\"");
            (await App.Officer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/audit")).EnumerateArray()
                .ShouldNotContain(
                    e => e.GetProperty("caller").GetString()!.StartsWith("link:", StringComparison.Ordinal),
                    "a closed case's link page shows nothing to read");
        }
    }

    private string Issue(string caseId, LinkAction action, int round) =>
        App.Get<LinkTokens>().Issue(new LinkClaims(caseId, action, round, App.Clock.GetUtcNow().AddDays(14)));

    private DateTimeOffset Now => App.Clock.GetUtcNow();

    private async Task DoAsync(CaseCommand command) =>
        (await App.Get<ICaseCommands>().HandleAsync(command, null)).Rejection.ShouldBeNull();
}
