using System.Diagnostics;
using Reintegration.Domain.Cases;
using Reintegration.Storage;
using Reintegration.Storage.Cases;

/// <summary>The due-timer sweep with 1,000 due timers, alone and beside many future ones: it must not read the future.</summary>
public static class SweepScale
{
    // Loading is not the measure: several batches in flight keep Azurite busy while the client builds the next.
    private const int Loaders = 8;

    // Each measure is the median of several sweeps after warm-up ones, so JIT and first connections (in the client and
    // in Azurite) count in neither; the crowded sweeps come after the load, which warms everything anyway.
    private const int Rounds = 9;
    private const int WarmUps = 5;

    public static async Task RunAsync(string connection, int future)
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        Console.WriteLine($"{Environment.ProcessorCount} cores; median of {Rounds} sweeps each, after {WarmUps} warm-up sweeps alone");
        var alone = await MeasureAsync(connection, "alone", now, 0);
        var crowded = await MeasureAsync(connection, "crowded", now, future);
        Console.WriteLine($"sweep of 1,000 due timers: alone {alone.TotalMilliseconds:0} ms; beside {future:N0} future timers {crowded.TotalMilliseconds:0} ms; ratio {crowded / alone:0.00} (target ≤ 2)");
    }

    private static async Task<TimeSpan> MeasureAsync(string connection, string name, DateTimeOffset now, int future)
    {
        var index = new TableTimerIndex(StorageAccount.FromConnectionString(connection), $"sweep{name}{Environment.ProcessId}");
        await index.InitializeAsync(now.AddDays(-1));
        if (future > 0)
        {
            var load = Stopwatch.StartNew();
            var timers = Enumerable.Range(0, future).Select(i => new CaseTimer($"case-{i % 100_000}", (TimerKind)(i % 8), i, now.AddDays(1 + (i % 365)).AddMinutes(i % 1440)));
            await index.ScheduleManyAsync(timers, Loaders);
            Console.WriteLine($"  loaded {future:N0} future timers over 365 days in {load.Elapsed.TotalSeconds:0} s");
        }

        var sweeps = new List<TimeSpan>();
        for (var round = future > 0 ? WarmUps : 0; round < WarmUps + Rounds; round++)
        {
            var due = Enumerable.Range(0, 1000).Select(i => new CaseTimer($"due-{i}", TimerKind.MonitoringReminder, round, now.AddMinutes(-i % 600)));
            await index.ScheduleManyAsync(due, Loaders);
            sweeps.Add(await SweepAsync(index, now));
        }

        Console.WriteLine($"  {name}: sweeps of 1,000 due timers took {string.Join(", ", sweeps.Select(s => $"{s.TotalMilliseconds:0}"))} ms");
        return sweeps.TakeLast(Rounds).Order().ElementAt(Rounds / 2);
    }

    private static async Task<TimeSpan> SweepAsync(TableTimerIndex index, DateTimeOffset now)
    {
        var sweep = Stopwatch.StartNew();
        var fired = 0;
        while (await index.DueAsync(now, 200) is { Count: > 0 } batch)
        {
            foreach (var timer in batch)
            {
                await index.RemoveAsync(timer);
                fired++;
            }
        }

        return fired == 1000 ? sweep.Elapsed : throw new InvalidOperationException($"The sweep fired {fired} timers, not 1,000.");
    }
}
