using Reintegration.Domain.Cases;
using Reintegration.Domain.Workflow;

namespace Reintegration.Domain.Runtime;

/// <summary>
/// Handles one command: load the case, decide, commit snapshot + events + command id + outbox in one conditional write,
/// then run the effects. A concurrent writer makes the commit fail; the command is then decided again on fresh state.
/// </summary>
public sealed class CaseRuntime(CaseDecider decider, ICaseStore store, EffectDispatcher dispatcher, TimeProvider clock, ICaseIndex? index = null, ICommandObserver? observer = null)
    : ICaseCommands
{
    /// <summary>
    /// Off (default): effects and the index update run before the command answers, which tests and the demo rely on.
    /// On: the command answers right after its commit and the rest runs in the background (<see cref="AfterCommitLane"/>);
    /// the outbox makes that safe, since what a stopped instance leaves undone is found by the next sweep's recovery.
    /// </summary>
    public bool RunEffectsInBackground { get; init; }

    /// <summary>How many after-commit jobs run at once when <see cref="RunEffectsInBackground"/> is on.</summary>
    public int BackgroundWorkers { get; init; } = 2;

    private AfterCommitLane? _lane;

    private AfterCommitLane Lane => LazyInitializer.EnsureInitialized(ref _lane, () => new AfterCommitLane(BackgroundWorkers));

    private const int MaxAttempts = 20;

    public CaseDecider Decider => decider;

    private async Task AfterCommitAsync(string caseId, IReadOnlyList<CaseEffect> effects, CaseState state, CancellationToken cancellationToken)
    {
        await dispatcher.DispatchAsync(caseId, effects, cancellationToken);
        await UpdateIndexAsync(state, cancellationToken);
    }

    /// <summary>Best effort: the list is a projection; a failed update is corrected by the case's next step or a rebuild.</summary>
    public async Task UpdateIndexAsync(CaseState state, CancellationToken cancellationToken = default)
    {
        if (index is null || state.File is null)
        {
            return;
        }

        try
        {
            var now = clock.GetUtcNow();
            var deadlines = NextDeadline.Of(state, decider.Programmes.Get(state.File.ProgrammeId), DateOnly.FromDateTime(now.UtcDateTime));
            await index.UpsertAsync(CaseSummary.Of(state, deadlines, now), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The snapshot is the truth; the index catches up on the case's next commit.
        }
    }

    public Task<CommandResult> HandleAsync(CaseCommand command, CancellationToken cancellationToken = default) =>
        HandleAsync(command, null, cancellationToken);

    /// <summary>
    /// Handles <paramref name="command"/>; <paramref name="justLoaded"/> is the case as the caller just read it (to check
    /// access, say), used for the first attempt instead of a second read. A stale one only costs a retry: its ETag fails.
    /// </summary>
    public async Task<CommandResult> HandleAsync(CaseCommand command, StoredCase? justLoaded, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var result = await DecideAndCommitAsync(command, justLoaded, cancellationToken);
        observer?.Handled(command, result, clock.GetElapsedTime(started));
        return result;
    }

    private async Task<CommandResult> DecideAndCommitAsync(CaseCommand command, StoredCase? justLoaded, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            // An application almost always opens a new case (its id comes from the form's delivery): the first attempt
            // assumes so and saves a read. If the case exists, the commit's insert conflicts and the next attempt loads it.
            var stored = attempt == 1 && justLoaded is not null ? justLoaded
                : attempt == 1 && command is CaseCommand.SubmitApplication ? null
                : await store.LoadAsync(command.CaseId, cancellationToken);
            var state = stored?.State ?? CaseState.Empty(command.CaseId);
            if (stored is not null && await store.WasProcessedAsync(command.CaseId, command.CommandId, cancellationToken))
            {
                return new CommandResult(CommandOutcome.Duplicate, state, [], [], null);
            }

            var decision = decider.Decide(command, state);
            if (decision.Rejection is { } rejection)
            {
                return new CommandResult(CommandOutcome.Rejected, state, [], [], rejection);
            }

            if (decision.Events.Count == 0)
            {
                return new CommandResult(CommandOutcome.Unchanged, state, [], [], null);
            }

            var next = state;
            var recorded = new List<RecordedEvent>(decision.Events.Count);
            foreach (var @event in decision.Events)
            {
                next = CaseEvolution.Evolve(next, @event);
                recorded.Add(new RecordedEvent(next.Version, @event));
            }

            try
            {
                await store.CommitAsync(new CaseCommit(command.CaseId, stored?.ETag, next, recorded, command.CommandId, decision.Effects), clock.GetUtcNow(), cancellationToken);
            }
            catch (CaseConcurrencyException) when (attempt < MaxAttempts)
            {
                continue;
            }

            if (RunEffectsInBackground)
            {
                Lane.TryQueue(() => AfterCommitAsync(command.CaseId, decision.Effects, next, CancellationToken.None));
            }
            else
            {
                await AfterCommitAsync(command.CaseId, decision.Effects, next, cancellationToken);
            }

            return new CommandResult(CommandOutcome.Accepted, next, decision.Events, decision.Effects, null);
        }
    }
}
