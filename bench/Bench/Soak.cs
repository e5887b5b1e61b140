using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Reintegration.Domain;
using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Storage;
using Reintegration.Storage.Cases;

/// <summary>
/// N full DRC cases, intake to closure, through 12 simulated months of monitoring each, on Azurite: the product's
/// runtime (decide, commit, effects, timers, sweep, case index) with the real storage adapters and a manual clock.
/// Prints elapsed time, memory as stored cases grow, and the storage transactions one case costs.
/// </summary>
public static class Soak
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(string connection, int cases, int perDay, int parallel, int tableSets)
    {
        var counter = new StorageRequestCounter();
        var account = StorageAccount.FromConnectionString(connection, perRetry: counter);
        var clock = new ManualClock(Start);
        var messages = new CountingSender();
        var decider = new CaseDecider(ProgrammeCatalog.Shipped());
        var sets = new List<TableSet>();
        for (var i = 0; i < tableSets; i++)
        {
            sets.Add(await TableSet.CreateAsync(account, $"s{i}p{Environment.ProcessId}", clock, decider, messages, parallel));
        }

        TableSet SetOf(string caseId) => sets[int.Parse(caseId.AsSpan(5), CultureInfo.InvariantCulture) % sets.Count];
        var setup = counter.Total;

        var plan = FullCasePlan.For(Start, cases, perDay);
        var memory = new MemoryWatch(Environment.GetEnvironmentVariable("AZURITE_PID"));
        Console.WriteLine($"soak: {cases:N0} DRC cases, {perDay} new a day, {parallel} in parallel, {tableSets} table set(s), {Environment.ProcessorCount} cores, Azurite on loopback");
        var elapsed = Stopwatch.StartNew();
        long sweepOnlyRequests = 0, emptySweeps = 0, commands = 0, fired = 0, rejected = 0;
        var intaken = 0;
        var checkpoints = new Queue<int>(new[] { cases / 4, cases / 2, cases * 3 / 4, cases }.Where(c => c > 0).Distinct());
        for (var day = plan.FirstDay; day <= plan.LastDay; day = day.AddDays(1))
        {
            clock.AdvanceTo(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
            var before = counter.Total;
            var firedToday = 0;
            foreach (var set in sets)
            {
                firedToday += await set.Sweep.RunAsync();
            }

            fired += firedToday;
            if (firedToday == 0)
            {
                sweepOnlyRequests += counter.Total - before;
                emptySweeps++;
            }

            clock.AdvanceTo(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
            if (plan.On(day) is { Count: > 0 } today)
            {
                await Parallel.ForEachAsync(today, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (steps, token) =>
                {
                    foreach (var command in steps(clock.GetUtcNow()))
                    {
                        var result = await SetOf(command.CaseId).Runtime.HandleAsync(command, token);
                        Interlocked.Increment(ref commands);
                        if (result.Outcome != CommandOutcome.Accepted)
                        {
                            if (Interlocked.Increment(ref rejected) <= 5)
                            {
                                Console.WriteLine($"  refused: {command.GetType().Name} on {command.CaseId}: {result.Rejection?.Code} {result.Rejection?.Message}");
                            }
                        }
                    }
                });
                intaken += plan.IntakesOn(day);
            }

            memory.Sample();
            if (day.Day == 1)
            {
                Console.WriteLine($"  {day:yyyy-MM}: {elapsed.Elapsed.TotalSeconds,6:0} s, {commands:N0} commands and {fired:N0} timers so far, managed heap {GC.GetTotalMemory(false) / 1048576.0:0} MB, working set {Environment.WorkingSet / 1048576.0:0} MB");
            }
            while (checkpoints.Count > 0 && intaken >= checkpoints.Peek())
            {
                var mark = memory.Checkpoint();
                Console.WriteLine($"  {checkpoints.Dequeue(),7:N0} cases stored, day {day:yyyy-MM-dd}, {elapsed.Elapsed.TotalSeconds,6:0} s: managed heap after full GC {mark.HeapMb,6:0.0} MB, working set {mark.WorkingSetMb,6:0.0} MB{mark.Azurite}");
            }
        }

        var seconds = elapsed.Elapsed.TotalSeconds;
        var end = memory.Checkpoint();
        Console.WriteLine($"  end ({plan.LastDay:yyyy-MM-dd}): managed heap after full GC {end.HeapMb:0.0} MB, working set {end.WorkingSetMb:0.0} MB{end.Azurite}");
        Console.WriteLine($"elapsed {seconds:0} s for {commands:N0} commands and {fired:N0} timers ({(commands + fired) / seconds:0} steps/s); peak working set {memory.PeakWorkingSetMb:0} MB, peak managed heap {memory.PeakHeapMb:0} MB");

        var closed = 0;
        foreach (var id in plan.CaseIds)
        {
            if ((await SetOf(id).Store.LoadAsync(id))?.State is { Stage: CaseStage.Closed, Closure: ClosureReason.Completed })
            {
                closed++;
            }
        }

        Console.WriteLine($"checks: {closed:N0}/{cases:N0} cases closed as completed; {rejected} commands refused; {messages.MonitoringReminders:N0} monitoring reminders ({messages.MonitoringReminders / (double)cases:0.00} a case, 12 expected)");
        var perCase = counter.Snapshot();
        var caseRequests = counter.Total - setup - sweepOnlyRequests;
        Console.WriteLine($"storage transactions: {caseRequests / (double)cases:0.0} a case ({caseRequests:N0} for {cases:N0} cases), plus {sweepOnlyRequests:N0} by {(plan.LastDay.DayNumber - plan.FirstDay.DayNumber + 1):N0} daily sweeps that found nothing due; by table and operation (all requests of the run ÷ cases):");
        foreach (var (label, count) in perCase.OrderByDescending(p => p.Value))
        {
            Console.WriteLine($"  {count / (double)cases,8:0.00}  {label}");
        }

        var bytes = await CaseBytes.MeasureAsync(connection, SetOf(plan.CaseIds[0]).Cases.Name, SetOf(plan.CaseIds[0]).Index.Name, plan.CaseIds[0]);
        Console.WriteLine($"stored bytes of one closed case (response bodies of its partition and index row): {bytes:N0}");
        Console.WriteLine(Pricing.Describe(caseRequests / (double)cases, bytes, emptySweeps == 0 ? 0 : sweepOnlyRequests / (double)emptySweeps));
        if (closed != cases || rejected > 0 || messages.MonitoringReminders != 12L * cases)
        {
            Environment.ExitCode = 1;
        }

    }

    /// <summary>
    /// One deployment's tables (the product's <c>Storage:Prefix</c>): cases, case list, timers, with their runtime and sweep.
    /// Azurite's writes slow down as a table grows (its LokiJS indexes are sorted arrays), so a large soak can spread its
    /// cases over several sets; on Azure one set holds any number at the same cost per operation.
    /// </summary>
    private sealed record TableSet(TableClient Cases, TableClient Index, TableCaseStore Store, CaseRuntime Runtime, TimerSweep Sweep)
    {
        public static async Task<TableSet> CreateAsync(StorageAccount account, string prefix, ManualClock clock, CaseDecider decider, IMessageSender messages, int parallel)
        {
            var cases = account.Table(prefix + "cases");
            var index = account.Table(prefix + "caseindex");
            await cases.CreateIfNotExistsAsync();
            await index.CreateIfNotExistsAsync();
            var store = new TableCaseStore(cases);
            var timers = new TableTimerIndex(account, prefix + "timers", clock: clock);
            await timers.InitializeAsync(Start);
            var runtime = new CaseRuntime(decider, store, new EffectDispatcher(store, timers, messages), clock, new TableCaseIndex(index));
            return new TableSet(cases, index, store, runtime, new TimerSweep(timers, runtime, clock, parallel));
        }
    }

    /// <summary>The message sender stands in for SendGrid and the partner channel: it counts, it stores nothing.</summary>
    private sealed class CountingSender : IMessageSender
    {
        private long _reminders;

        public long MonitoringReminders => Interlocked.Read(ref _reminders);

        public Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default)
        {
            if (effect is CaseEffect.NotifyPartner { Notice: PartnerNotice.MonitoringReportDue })
            {
                Interlocked.Increment(ref _reminders);
            }

            return Task.CompletedTask;
        }
    }
}
