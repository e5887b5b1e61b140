using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Functions.Tests.Support;
using Reintegration.Functions.Work;
using Reintegration.Storage.Cases;

namespace Reintegration.Functions.Tests.Work;

/// <summary>The sweep with the timer index on Azurite: timers a crash left in a case's outbox still fire.</summary>
[Collection(AzuriteAppCollection.Name)]
public sealed class DueTimerSweepTests(AzuriteApp azurite)
{
    private static readonly DateTimeOffset Crash = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Given_a_timer_left_in_the_outbox_by_a_crash_When_the_app_comes_back_days_later_Then_the_timer_still_fires()
    {
        // Found by the fault run (docs/RELIABILITY.md): the first sweep after the outage moved the index's cursor to
        // yesterday, then its recovery wrote the overdue timer into its due day, behind the cursor,
        // where no later sweep looks.
        var clock = new ManualClock(Crash);
        var timers = new TableTimerIndex(azurite.Azurite.Account, "t" + Guid.NewGuid().ToString("N")[..20], clock: clock);
        await timers.InitializeAsync(clock.GetUtcNow());
        var store = new InMemoryCaseStore();
        var timer = new CaseTimer("case-1", TimerKind.DecisionReminder, 1, Crash.AddHours(1));
        await store.CommitAsync(new CaseCommit("case-1", null, CaseState.Empty("case-1"), [], "intake", [new CaseEffect.ScheduleTimer("case-1:1:0", timer)]), Crash);
        var work = new RecordingWorkQueue();
        var sweep = new DueTimerSweep(timers, work, new EffectDispatcher(store, timers, new EffectLog()), clock);

        clock.Advance(TimeSpan.FromDays(3));
        await sweep.RunAsync();
        await sweep.RunAsync();

        work.Commands.OfType<CaseCommand.FireTimer>().ShouldHaveSingleItem().Timer.TimerId.ShouldBe(timer.TimerId);
        (await store.PendingEffectsAsync(10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_an_effect_that_keeps_failing_When_it_has_failed_for_an_hour_Then_its_case_gets_one_alert()
    {
        var clock = new ManualClock(Crash);
        var store = new InMemoryCaseStore();
        var timers = new InMemoryTimerIndex();
        var email = new CaseEffect.SendEmail("case-1:1:0", "case-1", EmailTemplate.DecisionRequested, RecipientRole.Agency, "da", []);
        await store.CommitAsync(new CaseCommit("case-1", null, CaseState.Empty("case-1"), [], "intake", [email]), Crash);
        var work = new RecordingWorkQueue();
        var sweep = new DueTimerSweep(timers, work, new EffectDispatcher(store, timers, new RefusingSender()), clock);

        clock.Advance(TimeSpan.FromMinutes(30));
        await sweep.RunAsync();
        work.Commands.ShouldBeEmpty();

        clock.Advance(TimeSpan.FromMinutes(31));
        await sweep.RunAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        await sweep.RunAsync();

        // Each sweep after the hour queues the alert again; its command id is the effect's, so the case records it once.
        var alerts = work.Commands.OfType<CaseCommand.RaiseAlert>().ToList();
        alerts.Count.ShouldBe(2);
        alerts.Select(a => a.CommandId).Distinct().ShouldHaveSingleItem().ShouldBe("stuck:case-1:1:0");
        alerts[0].Kind.ShouldBe(AlertKind.ProcessingFailed);
        (await store.PendingEffectsAsync(10)).ShouldHaveSingleItem();
    }

    private sealed class RefusingSender : IMessageSender
    {
        public Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the provider refuses this address");
    }

    private sealed class RecordingWorkQueue : ICaseWorkQueue
    {
        public List<CaseCommand> Commands { get; } = [];

        public Task EnqueueAsync(CaseCommand command, CancellationToken cancellationToken = default)
        {
            Commands.Add(command);
            return Task.CompletedTask;
        }
    }
}
