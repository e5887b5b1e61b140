using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime.InMemory;

/// <summary>Timers in memory, ordered by due time.</summary>
public sealed class InMemoryTimerIndex : ITimerIndex
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<(DateTimeOffset DueAt, string TimerId), CaseTimer> byDue = [];
    private readonly Dictionary<string, CaseTimer> byId = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byId.Count;
            }
        }
    }

    public DateTimeOffset? NextDue
    {
        get
        {
            lock (gate)
            {
                return byDue.Count == 0 ? null : byDue.First().Key.DueAt;
            }
        }
    }

    public Task ScheduleAsync(CaseTimer timer, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (byId.TryAdd(timer.TimerId, timer))
            {
                byDue[(timer.DueAt, timer.TimerId)] = timer;
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<CaseTimer>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<CaseTimer> due = [.. byDue.TakeWhile(t => t.Key.DueAt <= now).Take(max).Select(t => t.Value)];
            return Task.FromResult(due);
        }
    }

    public Task RemoveAsync(CaseTimer timer, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (byId.Remove(timer.TimerId, out var stored))
            {
                byDue.Remove((stored.DueAt, stored.TimerId));
            }

            return Task.CompletedTask;
        }
    }

    public IReadOnlyList<CaseTimer> All()
    {
        lock (gate)
        {
            return [.. byDue.Values];
        }
    }
}
