using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Workflow;

namespace Reintegration.Domain.Runtime.InMemory;

/// <summary>The whole runtime in memory with a manual clock: store, timer index, effect log, sweep.</summary>
public sealed class InMemoryCaseSystem
{
    public InMemoryCaseSystem(DateTimeOffset start, ProgrammeCatalog? programmes = null)
    {
        Clock = new ManualClock(start);
        Dispatcher = new EffectDispatcher(Store, Timers, Messages);
        Runtime = new CaseRuntime(new CaseDecider(programmes ?? ProgrammeCatalog.Shipped()), Store, Dispatcher, Clock, Index);
        Sweep = new TimerSweep(Timers, Runtime, Clock);
    }

    public ManualClock Clock { get; }

    public InMemoryCaseStore Store { get; } = new();

    public InMemoryTimerIndex Timers { get; } = new();

    public EffectLog Messages { get; } = new();

    public InMemoryCaseIndex Index { get; } = new();

    public EffectDispatcher Dispatcher { get; }

    public CaseRuntime Runtime { get; }

    public TimerSweep Sweep { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public Task<CommandResult> HandleAsync(CaseCommand command) => Runtime.HandleAsync(command);

    /// <summary>Moves the clock to <paramref name="moment"/>, stopping at each due timer on the way so each fires on its own date.</summary>
    public async Task<int> AdvanceToAsync(DateTimeOffset moment)
    {
        var fired = 0;
        while (Timers.NextDue is { } next && next <= moment)
        {
            if (next > Now)
            {
                Clock.AdvanceTo(next);
            }

            fired += await Sweep.RunAsync();
        }

        Clock.AdvanceTo(moment);
        return fired;
    }

    public async Task<CaseState> CaseAsync(string caseId) =>
        (await Store.LoadAsync(caseId))?.State ?? CaseState.Empty(caseId);
}
