using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime;

/// <summary>
/// Runs committed effects and marks them done in the outbox. An effect whose run fails stays in the outbox;
/// <see cref="RecoverAsync"/> finds it later. Running twice is harmless: timers and messages are keyed by id.
/// </summary>
public sealed class EffectDispatcher(ICaseStore store, ITimerIndex timers, IMessageSender messages, ICaseDocuments? documents = null)
{
    /// <summary>Runs effects right after their commit; a failure leaves them for recovery instead of failing the command.</summary>
    public async Task DispatchAsync(string caseId, IReadOnlyList<CaseEffect> effects, CancellationToken cancellationToken = default)
    {
        foreach (var effect in effects)
        {
            try
            {
                await RunAsync(caseId, effect, null, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left in the outbox: RecoverAsync retries it. The command itself is already durable.
            }
        }
    }

    /// <summary>
    /// Runs what a crash or a failed send left in the outbox, oldest first. Returns how many ran; one that fails again
    /// stays for the next recovery, and the others still run. A timer that fell due
    /// while it waited here is set for <paramref name="now"/>: a timer index may already have swept past its due time
    /// (the table index's cursor moves to yesterday on every sweep) and would never find it there. <paramref name="failed"/>
    /// is told of each effect that failed again (it stays in the outbox), so the caller can alert its case.
    /// </summary>
    public async Task<int> RecoverAsync(DateTimeOffset committedBefore, int max = 500, DateTimeOffset? now = null, Action<PendingEffect>? failed = null, CancellationToken cancellationToken = default)
    {
        var pending = await store.PendingEffectsAsync(max, cancellationToken);
        var ran = 0;
        foreach (var effect in pending.Where(p => p.CommittedAt <= committedBefore).OrderBy(p => p.CommittedAt))
        {
            try
            {
                await RunAsync(effect.CaseId, effect.Effect, now, cancellationToken);
                ran++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Stays in the outbox for the next recovery; one effect that keeps failing holds back no other.
                failed?.Invoke(effect);
            }
        }

        return ran;
    }

    private async Task RunAsync(string caseId, CaseEffect effect, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        if (effect is CaseEffect.ScheduleTimer schedule)
        {
            var timer = now is { } at && schedule.Timer.DueAt < at ? schedule.Timer with { DueAt = at } : schedule.Timer;
            await timers.ScheduleAsync(timer, cancellationToken);
        }
        else if (effect is CaseEffect.ErasePersonalHistory)
        {
            await store.RedactHistoryAsync(caseId, PersonalData.Redact, cancellationToken);
            if (documents is not null)
            {
                await documents.DeleteAllAsync(caseId, cancellationToken);
            }
        }
        else
        {
            await messages.SendAsync(effect, cancellationToken);
        }

        await store.CompleteEffectAsync(caseId, effect.EffectId, cancellationToken);
    }
}
