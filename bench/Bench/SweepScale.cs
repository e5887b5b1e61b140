using System.Diagnostics;
using Reintegration.Domain.Cases;
using Reintegration.Storage;
using Reintegration.Storage.Cases;

/// <summary>The due-timer sweep with 1,000 due timers, alone and beside many future ones: it must not read the future.</summary>
public static class SweepScale
{
    // Loading is not the measure: several batches in flight keep Azurite busy while the client builds the next.
    private const int Loaders = 8;

    public static async Task RunAsync(string connection, int future)
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        await MeasureAsync(connection, "warmup", now, 0);   // JIT, connections and Azurite's first tables: not the sweep's cost
        var alone = await MeasureAsync(connection, "alone", now, 0);
        var crowded = await MeasureAsync(connection, "crowded", now, future);
        Console.WriteLine($"sweep of 1,000 due timers: alone {alone.TotalMilliseconds:0} ms; beside {future:N0} future timers {crowded.TotalMilliseconds:0} ms; ratio {crowded / alone:0.00} (target ≤ 2)");
    }

    private static async Task<TimeSpan> MeasureAsync(string connection, string name, DateTimeOffset now, int future)
    {
        var index = new TableTimerIndex(StorageConnection.Parse(connection), $"sweep{name}{Environment.ProcessId}");
        await index.InitializeAsync(now.AddDays(-1));
        var due = Enumerable.Range(0, 1000).Select(i => new CaseTimer($"due-{i}", TimerKind.MonitoringReminder, 1, now.AddMinutes(-i % 600)));
        await index.ScheduleManyAsync(due, Loaders);
        if (future > 0)
        {
            var load = Stopwatch.StartNew();
            var timers = Enumerable.Range(0, future).Select(i => new CaseTimer($"case-{i % 100_000}", (TimerKind)(i % 8), i, now.AddDays(1 + (i % 365)).AddMinutes(i % 1440)));
            await index.ScheduleManyAsync(timers, Loaders);
            Console.WriteLine($"  loaded {future:N0} future timers in {load.Elapsed.TotalSeconds:0} s");
        }

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

        var elapsed = sweep.Elapsed;
        Console.WriteLine($"  {name}: swept {fired} due timers in {elapsed.TotalMilliseconds:0} ms");
        return elapsed;
    }
}
