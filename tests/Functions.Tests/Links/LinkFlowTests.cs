using System.Net;
using Reintegration.Domain;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Links;

[Collection(AzuriteAppCollection.Name)]
public sealed class LinkFlowTests(AzuriteApp azurite)
{
    private AppFactory App => azurite.App;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task Get_and_head_show_a_page_and_change_nothing_then_post_acts_once()
    {
        var id = await App.NewCaseAsync("link-once");
        var token = await azurite.LinkTokenAsync(id, "/links/");
        var client = App.CreateClient();

        var page = await client.GetAsync($"/links/{token}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Eligibility decision");
        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/links/{token}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.VersionAsync(id)).ShouldBe(1);

        var act = await client.PostAsync($"/links/{token}", Form(("decision", "eligible")));
        act.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await act.Content.ReadAsStringAsync()).ShouldContain("awaiting-departure");
        var replay = await client.PostAsync($"/links/{token}", Form(("decision", "eligible")));
        (await replay.Content.ReadAsStringAsync()).ShouldContain("already used");
        (await App.VersionAsync(id)).ShouldBe(2);
        (await client.GetAsync($"/links/{token}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_form_beyond_the_form_readers_limits_is_refused_with_400_and_acts_on_nothing()
    {
        var id = await App.NewCaseAsync("link-fields");
        var token = await azurite.LinkTokenAsync(id, "/links/");

        var act = await App.CreateClient().PostAsync($"/links/{token}",
            Form([("decision", "eligible"), .. Enumerable.Range(0, 1100).Select(i => ($"f{i}", "x"))]));

        act.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await act.Content.ReadAsStringAsync()).ShouldContain("Send the form on the link");
        (await App.VersionAsync(id)).ShouldBe(1);
    }

    [Fact]
    public async Task Tampered_and_swapped_tokens_are_refused()
    {
        var a = await App.NewCaseAsync("link-tamper-a");
        var b = await App.NewCaseAsync("link-tamper-b");
        var tokenA = await azurite.LinkTokenAsync(a, "/links/");
        var tokenB = await azurite.LinkTokenAsync(b, "/links/");
        var client = App.CreateClient();
        var flipped = tokenA[..^2] + (tokenA[^2] == 'A' ? 'B' : 'A') + tokenA[^1];
        var moved = tokenB.Split('.')[0] + "." + tokenA.Split('.')[1];

        foreach (var bad in new[] { flipped, moved, "not-a-token", tokenA + "x" })
        {
            (await client.GetAsync($"/links/{bad}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await client.PostAsync($"/links/{bad}", Form(("decision", "eligible")))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        (await App.VersionAsync(a)).ShouldBe(1);
        (await App.VersionAsync(b)).ShouldBe(1);
    }

    [Fact]
    public async Task Expired_link_gets_410_and_acts_on_nothing()
    {
        var start = App.Clock.GetUtcNow();
        var id = await App.NewCaseAsync("link-expired");
        var token = await azurite.LinkTokenAsync(id, "/links/");
        App.Clock.Advance(TimeSpan.FromDays(15));
        try
        {
            var client = App.CreateClient();
            (await client.GetAsync($"/links/{token}")).StatusCode.ShouldBe(HttpStatusCode.Gone);
            (await client.PostAsync($"/links/{token}", Form(("decision", "eligible")))).StatusCode.ShouldBe(HttpStatusCode.Gone);
            (await App.VersionAsync(id)).ShouldBe(1);
        }
        finally
        {
            start.ShouldBeLessThan(App.Clock.GetUtcNow());
        }
    }

    [Fact]
    public async Task Superseded_plan_link_acts_on_nothing_and_the_new_one_approves()
    {
        var id = await App.NewCaseAsync("link-plan");
        var runtime = App.Get<ICaseCommands>();
        var now = App.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        async Task Do(CaseCommand command) => (await runtime.HandleAsync(command, null)).Rejection.ShouldBeNull();
        await Do(new CaseCommand.DecideEligibility(id, "d", now, true, null));
        await Do(new CaseCommand.BookDeparture(id, "b", now, today, null));
        await Do(new CaseCommand.ConfirmArrival(id, "a", now, today));
        await Do(new CaseCommand.SubmitPlan(id, "p1", now, [new BudgetLine("l1", ServiceCategory.Education, "school", new Money(5000m, Currency.DKK))]));
        var version1 = await azurite.LinkTokenAsync(id, "/links/");
        await Do(new CaseCommand.RejectPlan(id, "r1", now, 1, "more detail"));
        await Do(new CaseCommand.SubmitPlan(id, "p2", now.AddMinutes(1), [new BudgetLine("l1", ServiceCategory.Education, "school fees, 2 years", new Money(6000m, Currency.DKK))]));
        var emails = await App.Get<Reintegration.Functions.Outbox.IDevOutbox>().ListAsync(id);
        var version2 = emails.Select(e => e.Message.Text).First(t => t.Contains("/links/", StringComparison.Ordinal) && !t.Contains(version1, StringComparison.Ordinal));
        var token2 = version2[(version2.IndexOf("/links/", StringComparison.Ordinal) + 7)..].Split('\n', ' ')[0].Trim();

        var client = App.CreateClient();
        var stale = await client.GetAsync($"/links/{version1}");
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("superseded by version 2");
        var refused = await client.PostAsync($"/links/{version1}", Form(("decision", "approve")));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await App.Get<ICaseReadModel>().ReadAsync(id))!.Stage.ShouldBe(CaseStage.PlanPendingApproval);

        (await client.PostAsync($"/links/{token2}", Form(("decision", "approve")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.Get<ICaseReadModel>().ReadAsync(id))!.Stage.ShouldBe(CaseStage.Monitoring);
    }

    [Fact]
    public async Task Reject_without_a_comment_asks_again_and_changes_nothing()
    {
        var id = await App.NewCaseAsync("link-reason");
        var token = await azurite.LinkTokenAsync(id, "/links/");
        var page = await App.CreateClient().PostAsync($"/links/{token}", Form(("decision", "not-eligible")));
        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await App.VersionAsync(id)).ShouldBe(1);
    }

    [Theory]
    [InlineData("eligible", 2001, false)]
    [InlineData("not-eligible", 2001, false)]
    [InlineData("eligible", 20, true)]
    public async Task A_reason_too_long_or_not_text_is_refused_not_dropped_and_changes_nothing(string decision, int length, bool control)
    {
        // A 2,001-character reason was taken as none: an eligible decision went through without it.
        var id = await App.NewCaseAsync($"link-long-{decision}-{length}-{control}");
        var token = await azurite.LinkTokenAsync(id, "/links/");
        var reason = new string('r', length - 1) + (control ? "\u0007" : "r");

        var page = await App.CreateClient().PostAsync($"/links/{token}", Form(("decision", decision), ("reason", reason)));

        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await page.Content.ReadAsStringAsync()).ShouldContain("2,000 characters");
        (await App.VersionAsync(id)).ShouldBe(1);
    }
}
