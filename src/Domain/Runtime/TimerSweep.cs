using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime;

/// <summary>
/// Turns due timers into <see cref="CaseCommand.FireTimer"/> commands. Nothing is held in memory between sweeps.
/// A case's timers fire one after another in due order; with <paramref name="parallelCases"/> above 1, that many
/// cases are worked on at once (the default, 1, keeps the order of everything, which tests rely on).
/// </summary>
public sealed class TimerSweep(ITimerIndex timers, CaseRuntime runtime, TimeProvider clock, int parallelCases = 1)
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

            if (parallelCases <= 1)
            {
                foreach (var timer in due.OrderBy(t => t.DueAt))
                {
                    await FireAsync(timer, now, cancellationToken);
                }

                fired += due.Count;
                continue;
            }

            var byCase = due.GroupBy(t => t.CaseId, StringComparer.Ordinal).Select(g => g.OrderBy(t => t.DueAt).ToList()).ToList();
            await Parallel.ForEachAsync(byCase, new ParallelOptions { MaxDegreeOfParallelism = parallelCases, CancellationToken = cancellationToken }, async (caseTimers, token) =>
            {
                foreach (var timer in caseTimers)
                {
                    await FireAsync(timer, now, token);
                }
            });
            fired += due.Count;
        }
    }

    private async Task FireAsync(CaseTimer timer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The command id is the timer's own: a timer swept twice is handled once.
        await runtime.HandleAsync(new CaseCommand.FireTimer(timer.CaseId, $"timer:{timer.TimerId}", now, timer), cancellationToken);
        await timers.RemoveAsync(timer, cancellationToken);
    }
}
