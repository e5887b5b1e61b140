using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Orchestration.InMemory;

namespace Reintegration.Functions.Tests.Orchestration;

/// <summary>
/// The in-memory host of the fast tests runs the same <see cref="CaseOrchestration"/>: answers published by the time
/// a send returns, no command lost while an effect runs, parallel commands each applied once, and the durable timer
/// waking a case when real time (here a fake) reaches it.
/// </summary>
public sealed class InMemoryCaseOrchestrationsTests
{
    private static readonly DateTimeOffset Day0 = new(2030, 1, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider realTime = new(Day0);
    private readonly InMemoryReadModel readModel = new();
    private readonly GatedSender messages = new();
    private readonly InMemoryCaseOrchestrations hub;

    public InMemoryCaseOrchestrationsTests() => hub = new InMemoryCaseOrchestrations(
        CaseOrchestrationParts.Of(
            new CaseDecider(ProgrammeCatalog.Shipped()), readModel, new InMemoryCaseIndex(), realTime, messages,
            new Reintegration.Functions.Hosting.NoDocuments()),
        NullLoggerFactory.Instance, realTime);

    private static CaseCommand.SubmitApplication Application(string caseId) => new(
        caseId, $"{caseId}:intake", Day0, "drc-denmark",
        new Person("Test Person", new DateOnly(1990, 3, 14), Relationship.Applicant, false), [], "UG", "UG",
        ReturnType.Voluntary, null, true, EligibilityFacts.Clean(), null, null);

    private async Task<string> OpenAsync()
    {
        var caseId = "mem-" + Guid.NewGuid().ToString("N")[..10];
        (await hub.StartAsync(caseId, CaseGeneration.Start(caseId))).ShouldBeTrue();
        (await hub.SendAsync(caseId, CaseMessage.Of(Application(caseId)))).ShouldBe(SendOutcome.Raised);
        return caseId;
    }

    [Fact]
    public async Task Given_a_started_case_When_the_application_is_sent_Then_its_answer_is_published_and_projected_when_the_send_returns()
    {
        var caseId = await OpenAsync();

        var instance = await hub.GetAsync(caseId);
        instance.Status.ShouldBe(CaseInstanceStatus.Running);
        var answer = instance.Published!.AnswerTo($"{caseId}:intake").ShouldNotBeNull();
        (answer.Outcome, answer.Stage, instance.Published.ProjectedVersion)
            .ShouldBe((CommandOutcome.Accepted, CaseStage.AwaitingDecision, 1));
        (await readModel.ReadAsync(caseId)).ShouldNotBeNull().Version.ShouldBe(1);
        messages.Sent.ShouldContain(e => e.EffectId.StartsWith(caseId, StringComparison.Ordinal));
        (await hub.StartAsync(caseId, CaseGeneration.Start(caseId))).ShouldBeFalse();
    }

    [Fact]
    public async Task Given_an_effect_running_When_a_command_is_sent_in_that_window_Then_it_is_handled_after_it()
    {
        var caseId = "mem-" + Guid.NewGuid().ToString("N")[..10];
        (await hub.StartAsync(caseId, CaseGeneration.Start(caseId))).ShouldBeTrue();
        messages.Hold();
        var applying = hub.SendAsync(caseId, CaseMessage.Of(Application(caseId)));
        await messages.Entered.Task.WaitAsync(Bound);

        var decide = new CaseCommand.DecideEligibility(caseId, "decide-in-window", Day0.AddDays(1), true, null);
        var deciding = hub.SendAsync(caseId, CaseMessage.Of(decide));
        messages.Release();
        (await Task.WhenAll(applying, deciding).WaitAsync(Bound)).ShouldAllBe(sent => sent == SendOutcome.Raised);

        var published = (await hub.GetAsync(caseId)).Published!;
        published.AnswerTo("decide-in-window")!.Outcome.ShouldBe(CommandOutcome.Accepted);
        published.Stage.ShouldBe(CaseStage.AwaitingDeparture);
    }

    [Fact]
    public async Task Given_twenty_commands_sent_at_once_to_one_case_When_handled_Then_each_is_applied_once()
    {
        var caseId = await OpenAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => hub.SendAsync(caseId, CaseMessage.Of(
            new CaseCommand.RaiseAlert(caseId, $"alert-{i}", Day0.AddHours(1), AlertKind.EmailBounced, "bounce")))));

        (await readModel.ReadAsync(caseId)).ShouldNotBeNull().Alerts.ShouldBe(20);
        (await readModel.ReadEventsAsync(caseId)).Select(e => e.Version)
            .ShouldBe(Enumerable.Range(1, 21).Select(v => (long)v));
    }

    [Fact]
    public async Task Given_a_case_waiting_for_the_agency_When_real_time_reaches_its_reminder_Then_the_durable_timer_wakes_it()
    {
        var caseId = await OpenAsync();

        realTime.Advance(TimeSpan.FromDays(6));

        var until = DateTimeOffset.UtcNow + Bound;
        while ((await hub.GetAsync(caseId)).Published is not { Version: 2, ProjectedVersion: 2 }
            && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(20);
        }

        (await readModel.ReadAsync(caseId)).ShouldNotBeNull().WasReminded(TimerKind.DecisionReminder, 1).ShouldBeTrue();
    }

    [Fact]
    public async Task Given_a_terminated_case_When_rehydrated_Then_it_takes_commands_and_a_purge_needs_it_ended()
    {
        var caseId = await OpenAsync();
        (await hub.PurgeAsync(caseId)).ShouldBe(0);
        await hub.TerminateAsync(caseId, "test: as if it had failed");
        (await hub.SendAsync(caseId, CaseMessage.Tick(Day0.AddDays(1)))).ShouldBe(SendOutcome.NotRunning);

        (await hub.RehydrateAsync(caseId)).ShouldBeTrue();

        var decide = new CaseCommand.DecideEligibility(caseId, "decide-after", Day0.AddDays(1), true, null);
        (await hub.SendAsync(caseId, CaseMessage.Of(decide))).ShouldBe(SendOutcome.Raised);
        (await hub.GetAsync(caseId)).Published!.AnswerTo("decide-after")!.Version.ShouldBe(2);
        await hub.TerminateAsync(caseId, "test");
        (await hub.PurgeAsync(caseId)).ShouldBe(1);
        (await hub.GetAsync(caseId)).Status.ShouldBe(CaseInstanceStatus.Missing);
    }
}
