using Azure.Storage.Queues;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;

namespace Reintegration.Functions.Work;

/// <summary>The case work queue on Azure Queues; never-expiring messages.</summary>
public sealed class StorageCaseWorkQueue(QueueClient queue) : ICaseWorkQueue
{
    public QueueClient Queue => queue;

    public Task EnqueueAsync(CaseCommand command, CancellationToken cancellationToken = default) =>
        queue.SendMessageAsync(CaseWorkProcessor.Serialize(command), null, Forever, cancellationToken);

    // A message that never expires (time to live -1): a command waits for a consumer however long it takes.
    private static readonly TimeSpan Forever = TimeSpan.FromSeconds(-1);
}

/// <summary>In-memory mode: the work runs at once.</summary>
public sealed class ImmediateCaseWorkQueue(IServiceProvider services) : ICaseWorkQueue
{
    public Task EnqueueAsync(CaseCommand command, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<CaseRuntime>().HandleAsync(command, cancellationToken);
}

/// <summary>
/// The timer trigger's work: due timers become FireTimer commands on the work queue (so a busy minute fans out over
/// the queue's consumers), then leave the index. A crash between the two fires a timer twice; its command id makes the
/// second a duplicate. Also runs outbox recovery.
/// </summary>
public sealed class DueTimerSweep(ITimerIndex timers, ICaseWorkQueue work, EffectDispatcher dispatcher, TimeProvider clock)
{
    /// <summary>How old an outbox row must be before recovery runs it (the inline dispatch gets this long first).</summary>
    public static readonly TimeSpan RecoveryGrace = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long an effect may keep failing before its case gets an alert (an e-mail the provider refuses, say): the
    /// alert's command id is the effect's, so the case is told once however many sweeps find it still failing.
    /// </summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromHours(1);

    public async Task<SweepReport> RunAsync(int batch = 200, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var queued = 0;
        while (true)
        {
            var due = await timers.DueAsync(now, batch, cancellationToken);
            foreach (var timer in due)
            {
                await work.EnqueueAsync(new CaseCommand.FireTimer(timer.CaseId, $"timer:{timer.TimerId}", now, timer), cancellationToken);
                await timers.RemoveAsync(timer, cancellationToken);
                queued++;
            }

            if (due.Count < batch)
            {
                break;
            }
        }

        var stuck = new List<PendingEffect>();
        var recovered = await dispatcher.RecoverAsync(now - RecoveryGrace, now: now, failed: stuck.Add, cancellationToken: cancellationToken);
        foreach (var effect in stuck.Where(e => now - e.CommittedAt >= StuckAfter))
        {
            await work.EnqueueAsync(new CaseCommand.RaiseAlert(effect.CaseId, $"stuck:{effect.Effect.EffectId}", now, AlertKind.ProcessingFailed,
                $"{effect.Effect.GetType().Name} has failed since {effect.CommittedAt:yyyy-MM-dd HH:mm} UTC; it is retried every sweep"), cancellationToken);
        }

        return new SweepReport(queued, recovered);
    }
}

/// <summary>What a sweep did.</summary>
public sealed record SweepReport(int TimersQueued, int EffectsRecovered);
