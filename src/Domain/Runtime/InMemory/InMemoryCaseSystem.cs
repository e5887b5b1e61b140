using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Workflow;

namespace Reintegration.Domain.Runtime.InMemory;

/// <summary>
/// Cases in memory with a manual clock, for domain tests and the README's example: each case is a
/// <see cref="CaseGeneration"/> handled as the case orchestration handles it (timers due by a command's time fire
/// first, then the command is decided; effects run, a failed one is kept and retried; the read model is projected),
/// but synchronously and with no task hub. The app's fast tests run the orchestration itself in memory instead.
/// </summary>
public sealed class InMemoryCaseSystem
{
    /// <summary>How long an effect may keep failing before its case gets an alert (as the orchestration).</summary>
    private static readonly TimeSpan StuckAfter = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly Dictionary<string, CaseGeneration> cases = new(StringComparer.Ordinal);
    private readonly IMessageSender sender;

    /// <summary>
    /// Starts with no cases; the clock at <paramref name="start"/>; effects go to <paramref name="sender"/> (by default
    /// <see cref="Messages"/>); the programmes are <paramref name="programmes"/> (by default those shipped).
    /// </summary>
    public InMemoryCaseSystem(DateTimeOffset start, ProgrammeCatalog? programmes = null, IMessageSender? sender = null)
    {
        Clock = new ManualClock(start);
        Decider = new CaseDecider(programmes ?? ProgrammeCatalog.Shipped());
        this.sender = sender ?? Messages;
    }

    public ManualClock Clock { get; }

    public CaseDecider Decider { get; }

    /// <summary>The read model each case is projected to.</summary>
    public InMemoryReadModel Store { get; } = new();

    public EffectLog Messages { get; } = new();

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Every case's timers still to fire.</summary>
    public IReadOnlyList<CaseTimer> Timers
    {
        get
        {
            lock (cases)
            {
                return [.. cases.Values.SelectMany(c => c.Timers)];
            }
        }
    }

    /// <summary>Every case's effects still to run (failed ones waiting for their retry).</summary>
    public IReadOnlyList<PendingEffect> PendingEffects
    {
        get
        {
            lock (cases)
            {
                return [.. cases.Values.SelectMany(c => c.Pending)];
            }
        }
    }

    public async Task<CommandResult> HandleAsync(CaseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        await turn.WaitAsync();
        try
        {
            var before = Generation(command.CaseId);
            var next = before.Receive(Decider, CaseMessage.Of(command)).AlertStuck(Decider, command.At, StuckAfter);
            var answer = next.Answers.Last(a => a.CommandId == command.CommandId);
            IReadOnlyList<CaseEffect> effects =
            [
                .. next.Timers.Except(before.Timers).Select(t => new CaseEffect.ScheduleTimer($"{t.TimerId}:set", t)),
                .. next.Pending.Except(before.Pending).Select(p => p.Effect),
            ];
            IReadOnlyList<CaseEvent> events =
                [.. next.Unprojected.Where(e => e.Version > before.State.Version).Select(e => e.Event)];
            next = await RunAsync(next);
            return new CommandResult(answer.Outcome, next.State, events, effects, answer.Rejection);
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>
    /// Moves the clock to <paramref name="moment"/>, stopping at each due timer or effect retry on the way, so each
    /// fires on its own date. Returns how many timers fired.
    /// </summary>
    public async Task<int> AdvanceToAsync(DateTimeOffset moment)
    {
        await turn.WaitAsync();
        try
        {
            var fired = 0;
            while (Earliest() is { } next && next <= moment)
            {
                if (next > Now)
                {
                    Clock.AdvanceTo(next);
                }

                foreach (var generation in Due())
                {
                    fired += generation.Timers.Count(t => t.DueAt <= Now);
                    await RunAsync(generation.FireDue(Decider, Now).AlertStuck(Decider, Now, StuckAfter));
                }
            }

            Clock.AdvanceTo(moment);
            return fired;
        }
        finally
        {
            turn.Release();
        }
    }

    public async Task<CaseState> CaseAsync(string caseId) => await Store.ReadAsync(caseId) ?? CaseState.Empty(caseId);

    private CaseGeneration Generation(string caseId)
    {
        lock (cases)
        {
            return cases.GetValueOrDefault(caseId) ?? CaseGeneration.Start(caseId);
        }
    }

    private DateTimeOffset? Earliest()
    {
        lock (cases)
        {
            return cases.Values.Select(c => c.WakeAt).Where(at => at is not null).Min();
        }
    }

    private List<CaseGeneration> Due()
    {
        lock (cases)
        {
            return [.. cases.Values.Where(c => c.WakeAt <= Now)];
        }
    }

    /// <summary>What a generation of the orchestration does before it waits: project, then run the effects.</summary>
    private async Task<CaseGeneration> RunAsync(CaseGeneration generation)
    {
        if (!generation.Unprojected.IsEmpty)
        {
            await Store.ProjectAsync(generation.State, generation.Unprojected);

            generation = generation.Projected();
        }

        foreach (var effect in generation.Runnable(Now).ToList())
        {
            try
            {
                if (effect.Effect is CaseEffect.ErasePersonalHistory erase)
                {
                    await Store.RedactHistoryAsync(erase.CaseId, PersonalData.Redact);
                }
                else
                {
                    await sender.SendAsync(effect.Effect);
                }

                generation = generation.Done(effect);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                generation = generation.Failed(effect, Now);
            }
        }

        lock (cases)
        {
            cases[generation.State.CaseId] = generation;
        }

        return generation;
    }
}
