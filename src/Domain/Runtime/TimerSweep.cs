using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime;

/// <summary>Turns due timers into <see cref="CaseCommand.FireTimer"/> commands. Nothing is held in memory between sweeps.</summary>
public sealed class TimerSweep(ITimerIndex timers, CaseRuntime runtime, TimeProvider clock)
{
    /// <summary>Fires every timer due now (in batches of <paramref name="batch"/>); returns how many fired.</summary>
    public async Task<int> RunAsync(int batch = 200, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var fired = 0;
        while (true)
        {
            var due = await timers.DueAsync(now, batch, cancellationToken);
            if (due.Count == 0)
            {
                return fired;
            }

            foreach (var timer in due.OrderBy(t => t.DueAt))
            {
                // The command id is the timer's own: a timer swept twice is handled once.
                await runtime.HandleAsync(new CaseCommand.FireTimer(timer.CaseId, $"timer:{timer.TimerId}", now, timer), cancellationToken);
                await timers.RemoveAsync(timer, cancellationToken);
                fired++;
            }
        }
    }
}
