using System.Net;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Functions.Hosting;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Hosting;

/// <summary>
/// The README's time travel on the durable engine: the Senegal demo plan approved, then the dev clock moved 100 days
/// four times. Every monthly reminder and every overdue escalation is recorded once; the advance answers once applied;
/// the task hub then holds none of the demo people's personal data.
/// </summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class DemoTimeTravelTests(AzuriteApp azurite) : IAsyncLifetime
{
    private AppFactory app = null!;

    public Task InitializeAsync()
    {
        app = new AzuriteApp.AzureAppFactory(azurite.Azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Demo:Seed"] = "true",
        });
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Given_the_Senegal_plan_approved_When_the_clock_moves_100_days_four_times_Then_12_reminders_and_12_escalations_each_once()
    {
        const string id = DemoSeed.WaitingForPlanApproval;
        var readModel = app.Get<ICaseReadModel>();
        var until = DateTimeOffset.UtcNow.AddSeconds(60);
        while ((await readModel.ReadAsync(id))?.Stage != CaseStage.PlanPendingApproval && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(100);
        }

        var approved = await app.Agency.PostAsync($"/api/cases/{id}/plan/1/decision",
            AppFactory.Json("""{"approve":true,"comment":"Approved in the demo."}"""));
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());

        for (var i = 0; i < 4; i++)
        {
            (await app.CreateClient().PostAsync("/dev/clock/advance?days=100", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var sent = (await readModel.ReadEventsAsync(id)).Select(e => e.Event).OfType<CaseEvent.ReminderSent>().ToList();
        sent.Where(r => r.Kind == TimerKind.MonitoringReminder).Select(r => r.Round).ShouldBe(Enumerable.Range(1, 12));
        sent.Where(r => r.Kind == TimerKind.MonitoringOverdue).Select(r => r.Round).ShouldBe(Enumerable.Range(1, 12));

        // The demo's people, their dates of birth and free text went through the seed, a plan, its approval and a
        // year of monitoring: the task hub holds none of them, the read model puts them back.
        var personal = new[]
        {
            "Amina Demo", "1990-03-14", "Joseph Demo", "1986-04-02", "Grace Demo", "2016-09-09", "Moussa Demo", "1988-01-20",
            "Awa Demo", "2015-05-05", "Demo counselling note", "School fees for Awa", "Market stall", "Approved in the demo.", "AF 718",
        };
        var found = await TaskHubText.ReadAsync(
            azurite.Azurite.ConnectionString, LocalTaskHubHost.TaskHubName(app.Get<Microsoft.Extensions.Configuration.IConfiguration>()));
        found.ShouldContain(id);
        personal.Where(p => found.Contains(p, StringComparison.Ordinal)).ShouldBeEmpty();
        var view = await app.Counsellor.GetStringAsync($"/api/cases/{id}");
        view.ShouldContain("Moussa Demo");
        view.ShouldContain("Market stall");
    }
}
