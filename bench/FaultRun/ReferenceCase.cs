using System.Text;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Intake;

namespace Reintegration.FaultRun;

/// <summary>
/// What one case of the script must leave behind, from the same script run in memory without faults and with the same
/// day-by-day clock: its events in order, its e-mail and notice effect ids, the timers it set, and those still waiting.
/// Ids are relative to the case id (<c>{case}</c> stands for it).
/// </summary>
public sealed record ReferenceCase(
    CaseStage FinalStage,
    IReadOnlyList<string> EventTypes,
    IReadOnlySet<string> MessageEffects,
    IReadOnlySet<string> TimersSet,
    IReadOnlySet<string> TimersWithEvents,
    IReadOnlySet<string> TimersWaiting)
{
    public const string CaseToken = "{case}";

    public static async Task<ReferenceCase> RunAsync(CaseScript script)
    {
        var clock = new ManualClock(script.Start);
        var store = new InMemoryCaseStore();
        var timers = new RecordingTimers();
        var messages = new EffectLog();
        var acted = new ActingTimers();
        var runtime = new CaseRuntime(new CaseDecider(ProgrammeCatalog.Shipped()), store, new EffectDispatcher(store, timers, messages), clock, observer: acted);
        var sweep = new TimerSweep(timers, runtime, clock);
        const string delivery = "reference";
        var caseId = CaseScript.CaseIdOf(delivery);

        async Task Do(CaseCommand command)
        {
            var result = await runtime.HandleAsync(command);
            if (result.Rejection is { } rejection)
            {
                throw new InvalidOperationException($"The script's {command.GetType().Name} is refused: {rejection.Message}");
            }
        }

        async Task AdvanceTo(DateTimeOffset moment)
        {
            while (clock.GetUtcNow() < moment)
            {
                clock.Advance(TimeSpan.FromDays(1));
                await sweep.RunAsync();
            }
        }

        var form = NativeIntake.Read(Encoding.UTF8.GetBytes(CaseScript.Application));
        await Do(IntakeCommands.ToCommand(form.Form!, IntakeSources.Native, delivery, clock.GetUtcNow()));
        await Do(script.Decision(caseId, clock.GetUtcNow()));
        await Do(script.Booking(caseId, clock.GetUtcNow()));
        await Do(script.PostArrival(caseId, clock.GetUtcNow()));
        await AdvanceTo(script.ArrivalDay);
        await Do(script.Arrival(caseId, clock.GetUtcNow()));
        await Do(script.Plan(caseId, clock.GetUtcNow()));
        await Do(script.Approval(caseId, clock.GetUtcNow()));
        for (var month = 1; month <= CaseScript.MonitoringMonths; month++)
        {
            await AdvanceTo(script.MonitoringDay(month));
            await Do(script.Report(caseId, clock.GetUtcNow(), month));
        }

        await Do(script.Financial(caseId, clock.GetUtcNow()));
        await Do(script.Closure(caseId, clock.GetUtcNow()));
        await AdvanceTo(script.End);

        string Relative(string id) => id.Replace(caseId, CaseToken, StringComparison.Ordinal);
        var state = (await store.LoadAsync(caseId))!.State;
        var events = await store.ReadEventsAsync(caseId);
        var waiting = timers.Waiting;
        return new ReferenceCase(
            state.Stage,
            [.. events.OrderBy(e => e.Version).Select(e => e.Event.GetType().Name)],
            messages.Sent.Select(e => Relative(e.EffectId)).ToHashSet(StringComparer.Ordinal),
            timers.Set.Select(t => Relative(t.TimerId)).ToHashSet(StringComparer.Ordinal),
            acted.TimerIds.Select(Relative).ToHashSet(StringComparer.Ordinal),
            waiting.Select(t => Relative(t.TimerId)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The timers whose firing changed their case (the others fire into a state that moved on: no record).</summary>
    private sealed class ActingTimers : ICommandObserver
    {
        public List<string> TimerIds { get; } = [];

        public void Handled(CaseCommand command, CommandResult result, TimeSpan elapsed)
        {
            if (command is CaseCommand.FireTimer fire && result.Outcome == CommandOutcome.Accepted)
            {
                TimerIds.Add(fire.Timer.TimerId);
            }
        }
    }

    /// <summary>The in-memory timer index, remembering every timer ever set.</summary>
    private sealed class RecordingTimers : ITimerIndex
    {
        private readonly InMemoryTimerIndex inner = new();
        private readonly List<CaseTimer> set = [];

        public IReadOnlyList<CaseTimer> Set => set;

        public IReadOnlyList<CaseTimer> Waiting => inner.All();

        public Task ScheduleAsync(CaseTimer timer, CancellationToken cancellationToken = default)
        {
            set.Add(timer);
            return inner.ScheduleAsync(timer, cancellationToken);
        }

        public Task<IReadOnlyList<CaseTimer>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) => inner.DueAsync(now, max, cancellationToken);

        public Task RemoveAsync(CaseTimer timer, CancellationToken cancellationToken = default) => inner.RemoveAsync(timer, cancellationToken);
    }
}
