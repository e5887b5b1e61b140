using System.Net;
using Azure;
using Azure.Data.Tables;
using System.Text.Json;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Outbox;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Orchestration;

/// <summary>
/// The app on Azurite with its own task hub: the same API and read model, each case an orchestration. The
/// answers, refusals and the development clock behave as with the store engine.
/// </summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class DurableEngineApiTests(AzuriteApp azurite) : IAsyncLifetime
{
    private readonly string taskHub = "api" + Guid.NewGuid().ToString("N")[..10];
    private AppFactory app = null!;

    public Task InitializeAsync()
    {
        app = new AzuriteApp.AzureAppFactory(azurite.Azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Engine:TaskHub"] = taskHub,
        });
        _ = app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<string> ApplyAsync()
    {
        var caseId = "dur-" + Guid.NewGuid().ToString("N")[..10];
        var result = await app.Get<ICaseCommands>().HandleAsync(Application(caseId), null);
        result.Outcome.ShouldBe(CommandOutcome.Accepted);
        return caseId;
    }

    /// <summary>A case the agency found not eligible: closed, its retention period started.</summary>
    private async Task<string> ClosedAsync()
    {
        var caseId = await ApplyAsync();
        var refused = await app.Agency.PostAsync($"/api/cases/{caseId}/decision", AppFactory.Json("""{"eligible":false,"reason":"Not returning"}"""));
        (await JsonOf(refused, HttpStatusCode.OK)).GetProperty("stage").GetString().ShouldBe("closed");
        return caseId;
    }

    private CaseCommand.SubmitApplication Application(string caseId) => new(
        caseId, $"{caseId}:intake", app.Clock.GetUtcNow(), "drc-denmark",
        new Person("Test Person", new DateOnly(1990, 3, 14), Relationship.Applicant, false), [], "UG", "UG",
        ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, null);

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Given_the_durable_engine_When_the_agency_decides_by_api_Then_the_answer_and_the_case_come_from_the_orchestration()
    {
        var caseId = await ApplyAsync();

        var answer = await JsonOf(await app.Agency.PostAsync($"/api/cases/{caseId}/decision", AppFactory.Json("""{"eligible":true}""")), HttpStatusCode.OK);
        answer.GetProperty("outcome").GetString().ShouldBe("accepted");
        answer.GetProperty("stage").GetString().ShouldBe("awaiting-departure");

        var again = await app.Agency.PostAsync($"/api/cases/{caseId}/decision", AppFactory.Json("""{"eligible":true}"""));
        (await JsonOf(again, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("not-accepted-in-stage");

        var view = await JsonOf(await app.Counsellor.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.OK);
        view.GetProperty("stage").GetString().ShouldBe("awaiting-departure");
        (await app.Get<IDevOutbox>().ListAsync(caseId)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Given_a_case_with_personal_data_When_it_runs_Then_the_task_hub_holds_none_and_the_read_model_all()
    {
        var caseId = "dur-" + Guid.NewGuid().ToString("N")[..10];
        var secrets = new[] { "Zanele Okonkwo", "1987-06-21", "Njeri Okonkwo", "2015-02-03", "Note only the counsellor reads", "Assault conviction in 2019" };
        var applied = await app.Get<ICaseCommands>().HandleAsync(new CaseCommand.SubmitApplication(
            caseId, $"{caseId}:intake", app.Clock.GetUtcNow(), "drc-denmark",
            new Person(secrets[0], new DateOnly(1987, 6, 21), Relationship.Applicant, false),
            [new Person(secrets[2], new DateOnly(2015, 2, 3), Relationship.Child, false)], "UG", "UG",
            ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, secrets[4]), null);
        applied.Outcome.ShouldBe(CommandOutcome.Accepted);
        applied.State.File!.Minors.ShouldBe(1);
        var refused = await app.Agency.PostAsync($"/api/cases/{caseId}/decision", AppFactory.Json($$"""{"eligible":false,"reason":"{{secrets[5]}}"}"""));
        (await JsonOf(refused, HttpStatusCode.OK)).GetProperty("stage").GetString().ShouldBe("closed");

        var view = (await app.Counsellor.GetStringAsync($"/api/cases/{caseId}"));
        foreach (var secret in secrets)
        {
            view.ShouldContain(secret);
        }

        var found = await TaskHubText.ReadAsync(azurite.Azurite.ConnectionString, taskHub);
        found.Length.ShouldBeGreaterThan(1000);
        found.ShouldContain(caseId);
        foreach (var secret in secrets)
        {
            found.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task Given_a_closed_case_When_its_personal_data_is_erased_Then_the_instance_is_purged_and_the_read_model_keeps_no_name()
    {
        var caseId = await ClosedAsync();
        var officer = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, "officer-1"), new(System.Security.Claims.ClaimTypes.Role, "ProgrammeOfficer")], "test"));
        await app.Get<Reintegration.Functions.Security.AuditLog>().OperatedAsync(officer, caseId, "retry", "Test Person's brother called about it", default);

        var erased = await app.Counsellor.PostAsync($"/api/cases/{caseId}/erasure", null);
        (await JsonOf(erased, HttpStatusCode.OK)).GetProperty("outcome").GetString().ShouldBe("accepted");
        var operated = (await app.Get<Reintegration.Functions.Security.IAuditTrail>().ForCaseAsync(caseId, default)).Single(a => a.Action == "retry");
        (operated.Caller, operated.Reason).ShouldBe(("officer-1", PersonalData.Erased));

        (await app.Get<ICaseOrchestrations>().GetAsync(caseId)).Status
            .ShouldBe(CaseInstanceStatus.Missing);
        var view = await app.Counsellor.GetStringAsync($"/api/cases/{caseId}");
        view.ShouldNotContain("Test Person");
        view.ShouldNotContain("Not returning");
        view.ShouldContain(PersonalData.Erased);
        (await app.Get<ICaseReadModel>().ReadEventsAsync(caseId)).ShouldNotBeEmpty();
        var again = await app.Counsellor.PostAsync($"/api/cases/{caseId}/erasure", null);
        (await JsonOf(again, HttpStatusCode.OK)).GetProperty("outcome").GetString().ShouldBe("duplicate");
        var reopened = await app.Counsellor.PostAsync($"/api/cases/{caseId}/reopening", null);
        (await JsonOf(reopened, HttpStatusCode.Conflict)).GetProperty("code").GetString().ShouldBe("case-erased");

        // The intake's sender delivers the application again, after the purge: the person does not come back.
        var redelivered = await app.Get<ICaseCommands>().SubmitAsync(Application(caseId));
        redelivered.Rejection!.Code.ShouldBe("case-erased");
        (await app.Get<ICaseOrchestrations>().GetAsync(caseId)).Status
            .ShouldBe(CaseInstanceStatus.Missing);
        (await app.Get<ICaseReadModel>().ReadSecretsAsync(caseId)).ShouldBeEmpty();
        (await app.Counsellor.GetStringAsync($"/api/cases/{caseId}")).ShouldNotContain("Test Person");
    }

    [Fact]
    public async Task Given_an_erased_case_whose_instance_row_still_says_running_When_erasure_is_asked_Then_the_instance_is_purged_and_the_erasure_answered()
    {
        // What a worker stopped between the completing episode's history and the instance row leaves
        // (Azure/durabletask#1252): the erasure ran, the history says Completed, the row still says Running with the
        // status published before the erasure, so the erasure's answer was never written and nothing was purged.
        var caseId = await ClosedAsync();
        var instances = new TableClient(azurite.Azurite.ConnectionString, taskHub + "Instances");
        var before = (await instances.GetEntityAsync<TableEntity>(caseId, string.Empty)).Value.GetString("CustomStatus");
        var orchestrations = app.Get<ICaseOrchestrations>();
        var erase = new CaseCommand.ErasePersonalData(caseId, $"{caseId}:erase", app.Clock.GetUtcNow());
        (await orchestrations.SendAsync(caseId, CaseMessage.Of(erase))).ShouldBe(SendOutcome.Raised);
        await AppFactory.EventuallyAsync(async () =>
            (await orchestrations.GetAsync(caseId)).Status == CaseInstanceStatus.Completed ? caseId : null);
        await instances.UpdateEntityAsync(
            new TableEntity(caseId, string.Empty) { ["RuntimeStatus"] = "Running", ["CustomStatus"] = before }, ETag.All);
        (await orchestrations.GetAsync(caseId)).Status.ShouldBe(CaseInstanceStatus.Running);

        var erased = await app.Counsellor.PostAsync($"/api/cases/{caseId}/erasure", null);

        (await JsonOf(erased, HttpStatusCode.OK)).GetProperty("outcome").GetString().ShouldBe("accepted");
        (await orchestrations.GetAsync(caseId)).Status.ShouldBe(CaseInstanceStatus.Missing);
        instances.Query<TableEntity>(e => e.PartitionKey == caseId).ShouldBeEmpty();
        (await app.Counsellor.GetStringAsync($"/api/cases/{caseId}")).ShouldNotContain("Test Person");
    }

    [Fact]
    public async Task Given_a_closed_case_When_its_retention_period_ends_Then_it_is_erased_and_the_purge_leaves_no_orchestration()
    {
        // An erasure nobody asked for: the case's retention timer (24 months after closure) erases it and its instance
        // completes, with no request waiting to purge it.
        var caseId = await ClosedAsync();
        var orchestrations = app.Get<ICaseOrchestrations>();
        var purge = app.Get<ErasedCasesPurge>();
        (await purge.PurgeAsync(orchestrations)).ShouldBeEmpty();

        (await app.CreateClient().PostAsync("/dev/clock/advance?days=400", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.CreateClient().PostAsync("/dev/clock/advance?days=400", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await AppFactory.EventuallyAsync(async () =>
            (await orchestrations.GetAsync(caseId)).Status == CaseInstanceStatus.Completed ? caseId : null);
        (await app.Get<ICaseReadModel>().ReadAsync(caseId)).ShouldNotBeNull().PersonalDataErasedAt.ShouldNotBeNull();
        (await app.Get<ICaseReadModel>().ReadSecretsAsync(caseId)).ShouldBeEmpty();

        (await purge.PurgeAsync(orchestrations)).ShouldBe([caseId]);

        (await orchestrations.GetAsync(caseId)).Status.ShouldBe(CaseInstanceStatus.Missing);
        new TableClient(azurite.Azurite.ConnectionString, taskHub + "Instances").Query<TableEntity>(e => e.PartitionKey == caseId).ShouldBeEmpty();
        new TableClient(azurite.Azurite.ConnectionString, taskHub + "History").Query<TableEntity>(e => e.PartitionKey == caseId).ShouldBeEmpty();
        (await purge.PurgeAsync(orchestrations)).ShouldBeEmpty();
        app.Logs.Lines.ShouldContain(l => l.Contains($"Case {caseId}: the orchestration of the erased case was purged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_an_instance_that_ends_failed_When_the_watch_looks_Then_it_alerts_once_by_case_id()
    {
        // The orchestrator never throws; an input it cannot read is the way to make one fail.
        var service = new DurableTask.AzureStorage.AzureStorageOrchestrationService(new DurableTask.AzureStorage.AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new DurableTask.AzureStorage.StorageAccountClientProvider(azurite.Azurite.ConnectionString),
            TaskHubName = taskHub,
        });
        var caseId = "broken-" + Guid.NewGuid().ToString("N")[..8];
        await new DurableTask.Core.TaskHubClient(service).CreateOrchestrationInstanceAsync(
            Reintegration.Functions.Orchestration.CaseOrchestration.Name, string.Empty, caseId, "not a generation");
        var orchestrations = app.Get<ICaseOrchestrations>();
        var until = DateTimeOffset.UtcNow.AddSeconds(60);
        while (!(await orchestrations.TroubledAsync()).Any(i => i.CaseId == caseId) && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(200);
        }

        var watch = app.Get<Reintegration.Functions.Orchestration.FailedCasesWatch>();
        (await watch.CheckAsync(orchestrations)).ShouldBe([caseId]);
        (await watch.CheckAsync(orchestrations)).ShouldBeEmpty();
        app.Logs.Lines.ShouldContain(l => l.Contains($"Case {caseId}: its orchestration failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_the_durable_engine_When_the_dev_clock_moves_six_days_Then_the_agency_is_reminded_once()
    {
        var caseId = await ApplyAsync();

        (await app.CreateClient().PostAsync("/dev/clock/advance?days=6", null)).EnsureSuccessStatusCode();
        (await app.CreateClient().PostAsync("/dev/clock/advance?days=1", null)).EnsureSuccessStatusCode();

        var state = (await app.Get<ICaseReadModel>().ReadAsync(caseId)).ShouldNotBeNull();
        state.WasReminded(TimerKind.DecisionReminder, 1).ShouldBeTrue();
        state.Stage.ShouldBe(CaseStage.AwaitingDecision);
        (await app.Get<ICaseReadModel>().ReadEventsAsync(caseId)).Count(e => e.Event is CaseEvent.ReminderSent).ShouldBe(1);
    }
}
