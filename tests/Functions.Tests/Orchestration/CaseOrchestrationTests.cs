using Azure;
using Azure.Data.Tables;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Orchestration;

/// <summary>
/// The case orchestration run durably on Azurite by DurableTask.Core's TaskHubWorker, as the local host runs it:
/// answers in the custom status, the read model projected, no command lost in the windows where the naive loop
/// loses them, timers woken by the durable timer or by a clock tick.
/// </summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class CaseOrchestrationTests(AzuriteApp azurite) : IAsyncLifetime
{
    // Case time is data; the durable timers run on real time. Cases dated years ahead wait for their timers (ticks move
    // them), and the overdue test dates its case in the past on purpose.
    private static readonly DateTimeOffset Day0 = new(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LongAgo = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly LocalTaskHubFixture hub = new(azurite);

    public Task InitializeAsync() => hub.InitializeAsync();

    public Task DisposeAsync() => hub.DisposeAsync();

    private static CaseCommand.SubmitApplication Application(string caseId, DateTimeOffset? at = null) => new(
        caseId, $"{caseId}:intake", at ?? Day0, "drc-denmark", new Person("Test Person", new DateOnly(1990, 3, 14), Relationship.Applicant, false),
        [], "UG", "UG", ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, null);

    private async Task<string> OpenAsync(DateTimeOffset? at = null)
    {
        var caseId = "orch-" + Guid.NewGuid().ToString("N")[..10];
        await hub.OpenAsync(Application(caseId, at));
        await hub.AnsweredAsync(caseId, $"{caseId}:intake");
        return caseId;
    }

    [Fact]
    public async Task Given_a_started_case_When_the_application_is_sent_Then_the_answer_is_published_the_read_model_projected_and_the_email_sent()
    {
        var caseId = await OpenAsync();

        var instance = await hub.Hub.GetAsync(caseId);
        instance.Status.ShouldBe(CaseInstanceStatus.Running);
        var answer = instance.Published!.AnswerTo($"{caseId}:intake").ShouldNotBeNull();
        answer.Outcome.ShouldBe(CommandOutcome.Accepted);
        answer.Stage.ShouldBe(CaseStage.AwaitingDecision);
        (await hub.ReadModel.ReadAsync(caseId)).ShouldNotBeNull().Version.ShouldBe(answer.Version);
        (await hub.ReadModel.ReadEventsAsync(caseId)).Select(e => e.Version).ShouldBe([1]);
        await hub.WaitUntilAsync(caseId, _ => hub.Messages.Sent.Any(e => e.EffectId.StartsWith(caseId, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Given_a_running_case_whose_instance_row_still_says_pending_When_a_command_is_sent_Then_it_is_raised_and_handled()
    {
        // What a worker stopped between a first episode's history and the instance row's update leaves: the case runs,
        // its row says Pending until the generation continues as new (the 200-case fault run of 2026-12-03).
        var caseId = await OpenAsync();
        var instances = new TableClient(hub.ConnectionString, hub.TaskHubName + "Instances");
        await instances.UpdateEntityAsync(new TableEntity(caseId, string.Empty) { ["RuntimeStatus"] = "Pending" }, ETag.All);
        (await instances.GetEntityAsync<TableEntity>(caseId, string.Empty)).Value.GetString("RuntimeStatus").ShouldBe("Pending");

        (await hub.Hub.GetAsync(caseId)).Status.ShouldBe(CaseInstanceStatus.Running);
        var decide = new CaseCommand.DecideEligibility(caseId, "decide-after-a-stale-row", Day0.AddDays(1), true, null);
        (await hub.Hub.SendAsync(caseId, CaseMessage.Of(decide))).ShouldBe(SendOutcome.Raised);

        var answered = await hub.AnsweredAsync(caseId, "decide-after-a-stale-row");
        answered.Published!.AnswerTo("decide-after-a-stale-row")!.Outcome.ShouldBe(CommandOutcome.Accepted);
        (await instances.GetEntityAsync<TableEntity>(caseId, string.Empty)).Value.GetString("RuntimeStatus").ShouldBe("Running");
    }

    [Fact]
    public async Task Given_a_running_case_When_started_again_Then_nothing_is_reset()
    {
        var caseId = await OpenAsync();

        (await hub.Hub.StartAsync(caseId, CaseGeneration.Start(caseId))).ShouldBeFalse();

        var answer = await hub.AnsweredAsync(caseId, $"{caseId}:intake");
        answer.Published!.Version.ShouldBe(1);
        (await hub.ReadModel.ReadAsync(caseId)).ShouldNotBeNull().Stage.ShouldBe(CaseStage.AwaitingDecision);
    }

    [Fact]
    public async Task Given_an_effect_running_When_a_command_is_raised_in_that_window_Then_it_is_handled_after_it()
    {
        var caseId = "orch-" + Guid.NewGuid().ToString("N")[..10];
        hub.Messages.Hold();
        await hub.OpenAsync(Application(caseId));
        await hub.Messages.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var decide = new CaseCommand.DecideEligibility(caseId, "decide-in-window", Day0.AddDays(1), true, null);
        (await hub.Hub.SendAsync(caseId, CaseMessage.Of(decide))).ShouldBe(SendOutcome.Raised);
        hub.Messages.Release();

        var instance = await hub.AnsweredAsync(caseId, "decide-in-window");
        instance.Published!.AnswerTo("decide-in-window")!.Outcome.ShouldBe(CommandOutcome.Accepted);
        instance.Published.Stage.ShouldBe(CaseStage.AwaitingDeparture);
    }

    [Fact]
    public async Task Given_the_wake_up_timer_won_and_its_reminder_is_being_sent_When_a_command_is_raised_in_that_window_Then_it_is_handled_after_the_timers()
    {
        // A case whose timers are all overdue: the durable timer wins the wait at once and the fired timers' e-mails
        // (reminder, escalation, lapse) run as the next generation's effects. The reminder is held there while a
        // command is raised. (A message that comes in the same episode as the timer's firing is kept by cancelling
        // the losing wait, CaseOrchestration.NextMessageAsync: without that cancel five tests of this class fail; the
        // fault run's kills make that batch at scale.)
        var caseId = "orch-" + Guid.NewGuid().ToString("N")[..10];
        var applied = CaseGeneration.Start(caseId).Receive(hub.Decider, CaseMessage.Of(Application(caseId, LongAgo)));
        bool Reminder(CaseEffect e) => e is CaseEffect.SendEmail { Template: EmailTemplate.DecisionReminder } && e.EffectId.StartsWith(caseId, StringComparison.Ordinal);
        hub.Messages.Hold(Reminder);
        (await hub.Hub.StartAsync(caseId, applied)).ShouldBeTrue();
        await hub.Messages.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        hub.Messages.Sent.Where(Reminder).ShouldBeEmpty();

        var decide = new CaseCommand.DecideEligibility(caseId, "decide-in-timer-window", LongAgo.AddDays(60), true, null);
        (await hub.Hub.SendAsync(caseId, CaseMessage.Of(decide))).ShouldBe(SendOutcome.Raised);
        hub.Messages.Release();

        var answer = (await hub.AnsweredAsync(caseId, "decide-in-timer-window")).Published!.AnswerTo("decide-in-timer-window")!;
        answer.Outcome.ShouldBe(CommandOutcome.Rejected, "the case lapsed on its timers before the late decision");
        answer.Stage.ShouldBe(CaseStage.Closed);
        var state = (await hub.ReadModel.ReadAsync(caseId)).ShouldNotBeNull();
        state.Closure.ShouldBe(ClosureReason.Lapsed);
        hub.Messages.Sent.Count(Reminder).ShouldBe(1);
    }

    [Fact]
    public async Task Given_twenty_commands_sent_at_once_to_one_case_When_handled_Then_each_is_applied_once()
    {
        var caseId = await OpenAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => hub.Hub.SendAsync(caseId, CaseMessage.Of(
            new CaseCommand.RaiseAlert(caseId, $"alert-{i}", Day0.AddHours(1), AlertKind.EmailBounced, $"bounce {i}")))));

        await hub.WaitUntilAsync(caseId, i => i.Published?.Version == 21 && i.Published.ProjectedVersion == 21);
        var state = (await hub.ReadModel.ReadAsync(caseId)).ShouldNotBeNull();
        state.Alerts.ShouldBe(20);
        (await hub.ReadModel.ReadEventsAsync(caseId)).Select(e => e.Version).ShouldBe(Enumerable.Range(1, 21).Select(v => (long)v));
    }

    [Fact]
    public async Task Given_a_case_waiting_for_the_agency_When_the_clock_ticks_past_day_5_Then_the_reminder_fires_once()
    {
        var caseId = await OpenAsync();

        (await hub.Hub.SendAsync(caseId, CaseMessage.Tick(Day0.AddDays(6)))).ShouldBe(SendOutcome.Raised);
        (await hub.Hub.SendAsync(caseId, CaseMessage.Tick(Day0.AddDays(7)))).ShouldBe(SendOutcome.Raised);

        await hub.WaitUntilAsync(caseId, i => i.Published?.Version == 2 && i.Published.ProjectedVersion == 2);
        var state = (await hub.ReadModel.ReadAsync(caseId)).ShouldNotBeNull();
        state.WasReminded(TimerKind.DecisionReminder, 1).ShouldBeTrue();
        state.Stage.ShouldBe(CaseStage.AwaitingDecision);
    }

    [Fact]
    public async Task Given_a_generation_whose_timers_are_overdue_When_started_Then_the_durable_timer_wakes_it_and_the_wait_lapses()
    {
        var caseId = "orch-" + Guid.NewGuid().ToString("N")[..10];
        var decider = new CaseDecider(ProgrammeCatalog.Shipped());
        var applied = CaseGeneration.Start(caseId).Receive(decider, CaseMessage.Of(Application(caseId, LongAgo)));

        (await hub.Hub.StartAsync(caseId, applied)).ShouldBeTrue();

        var instance = await hub.WaitUntilAsync(caseId, i => i.Published is { Stage: CaseStage.Closed } p && p.ProjectedVersion == p.Version);
        var state = (await hub.ReadModel.ReadAsync(caseId)).ShouldNotBeNull();
        state.Closure.ShouldBe(ClosureReason.Lapsed);
        state.WasReminded(TimerKind.DecisionReminder, 1).ShouldBeTrue();
        instance.Status.ShouldBe(CaseInstanceStatus.Running);
    }

    [Fact]
    public async Task Given_a_terminated_case_When_rehydrated_Then_it_runs_again_from_its_last_generation_and_takes_commands()
    {
        var caseId = await OpenAsync();
        await hub.Hub.TerminateAsync(caseId, "test: as if it had failed");
        await hub.WaitUntilAsync(caseId, i => i.Status == CaseInstanceStatus.Terminated);

        (await hub.Hub.RehydrateAsync(caseId)).ShouldBeTrue();

        await hub.WaitUntilAsync(caseId, i => i.Status == CaseInstanceStatus.Running && i.Published?.Version == 1);
        var decide = new CaseCommand.DecideEligibility(caseId, "decide-after", Day0.AddDays(1), true, null);
        (await hub.Hub.SendAsync(caseId, CaseMessage.Of(decide))).ShouldBe(SendOutcome.Raised);
        var instance = await hub.AnsweredAsync(caseId, "decide-after");
        instance.Published!.Stage.ShouldBe(CaseStage.AwaitingDeparture);
        instance.Published.Version.ShouldBe(2);
        (await hub.Hub.RehydrateAsync(caseId)).ShouldBeFalse();
    }

    [Fact]
    public async Task Given_a_case_waiting_under_one_build_When_the_next_build_has_another_profile_and_rule_Then_the_waiting_case_follows_the_new_ones()
    {
        var caseId = await OpenAsync();
        var decided = new CaseCommand.DecideEligibility(caseId, "decide-old-build", Day0.AddDays(1), true, null);
        (await hub.Hub.SendAsync(caseId, CaseMessage.Of(decided))).ShouldBe(SendOutcome.Raised);
        await hub.AnsweredAsync(caseId, "decide-old-build");

        // The next build: the same classes, the post-arrival request due 10 days before departure instead of 5 (a
        // profile's deadline), and a cap on the post-arrival package, which DRC did not have (a rule the decider now
        // applies).
        var shipped = ProgrammeCatalog.Shipped();
        var drc = shipped.Get("drc-denmark");
        var changed = drc with
        {
            Deadlines = drc.Deadlines with { PostArrivalRequestBeforeDeparture = drc.Deadlines.PostArrivalRequestBeforeDeparture with { Days = 10 } },
            Caps = drc.Caps with { PostArrival = [new PostArrivalCap(null, 500m)] },
        };
        await hub.RestartAsync(new CaseDecider(new ProgrammeCatalog(shipped.All.Select(p => p.Id == drc.Id ? changed : p))));

        var departure = DateOnly.FromDateTime(Day0.AddDays(40).UtcDateTime);
        var book = new CaseCommand.BookDeparture(caseId, "book-new-build", Day0.AddDays(2), departure, "TK 1");
        (await hub.Hub.SendAsync(caseId, CaseMessage.Of(book))).ShouldBe(SendOutcome.Raised);
        await hub.AnsweredAsync(caseId, "book-new-build");

        var state = (await hub.ReadModel.ReadAsync(caseId)).ShouldNotBeNull();
        state.Stage.ShouldBe(CaseStage.DepartureBooked);
        state.LatestPostArrivalRequest.ShouldBe(departure.AddDays(-10));

        PostArrivalService[] services = [PostArrivalService.AirportPickup];
        var over = new CaseCommand.RequestPostArrival(caseId, "request-over-new-cap", Day0.AddDays(3), services, drc.Amount(800m), null);
        (await hub.Hub.SendAsync(caseId, CaseMessage.Of(over))).ShouldBe(SendOutcome.Raised);
        (await hub.AnsweredAsync(caseId, over.CommandId)).Published!.AnswerTo(over.CommandId)!.Rejection!.Code.ShouldBe("post-arrival-over-cap");
        var within = over with { CommandId = "request-within-new-cap", EstimatedValue = drc.Amount(400m) };
        (await hub.Hub.SendAsync(caseId, CaseMessage.Of(within))).ShouldBe(SendOutcome.Raised);
        (await hub.AnsweredAsync(caseId, within.CommandId)).Published!.AnswerTo(within.CommandId)!.Outcome.ShouldBe(CommandOutcome.Accepted);
    }

    [Fact]
    public async Task Given_a_terminated_case_When_a_command_is_sent_Then_it_is_refused_and_a_purge_removes_the_instance()
    {
        var caseId = await OpenAsync();
        (await hub.Hub.PurgeAsync(caseId)).ShouldBe(0);

        await hub.Hub.TerminateAsync(caseId, "test");
        await hub.WaitUntilAsync(caseId, i => i.Status == CaseInstanceStatus.Terminated);

        (await hub.Hub.SendAsync(caseId, CaseMessage.Tick(Day0.AddDays(1)))).ShouldBe(SendOutcome.NotRunning);
        (await hub.Hub.PurgeAsync(caseId)).ShouldBe(1);
        (await hub.Hub.GetAsync(caseId)).Status.ShouldBe(CaseInstanceStatus.Missing);
    }
}
