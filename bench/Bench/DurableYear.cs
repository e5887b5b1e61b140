using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Orchestration;
using Reintegration.Storage;

/// <summary>
/// Full DRC cases through a simulated year on the case orchestration and Azurite (<see cref="SimulatedYear"/>), the
/// intakes spread over days: the process's memory on each simulated month's first day, with how many cases are live
/// and closed. The task hub worker runs in this process, so its memory is the app's. E-mails are counted, not sent.
/// </summary>
public static class DurableYear
{
    private static readonly DateTimeOffset Day0 = new(2030, 1, 7, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(string connection, int cases, int perDay, int parallel)
    {
        var decider = new CaseDecider(ProgrammeCatalog.Shipped());
        var account = StorageAccount.FromConnectionString(connection);
        var (readModel, index) = await WatchedIndex.CreateAsync(account, "year");
        var sender = new DurableCost.CountingSender();
        var clock = new ManualClock(Day0);
        var parts = CaseOrchestrationParts.Of(decider, readModel, index, clock, sender, new Reintegration.Functions.Hosting.NoDocuments());
        var plan = FullCasePlan.For(Day0, cases, perDay);
        Console.WriteLine($"simulated year: {cases} full DRC cases, {perDay} intakes a day, {parallel} cases stepped at a time, " +
            $"simulated {plan.FirstDay:yyyy-MM-dd} to {plan.LastDay:yyyy-MM-dd}, {Environment.ProcessorCount} cores, Azurite in memory");
        await using var hub = await LocalTaskHub.StartAsync(connection, "year" + Environment.ProcessId, parts,
            NullLoggerFactory.Instance, TimeSpan.FromSeconds(1));
        var edge = new OrchestratedCaseCommands(hub, readModel, decider, clock);
        var year = new SimulatedYear(hub, edge, index, decider, clock);
        var elapsed = Stopwatch.StartNew();
        Print("task hub started", elapsed, 0, 0, year);
        await year.RunAsync(plan, parallel, (day, shadows) =>
            Print($"simulated {day:yyyy-MM-dd}", elapsed, shadows.Count, shadows.Values.Count(s => s.State.Stage == CaseStage.Closed), year));
        Print("every case closed", elapsed, cases, cases, year);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cases} cases closed in {elapsed.Elapsed.TotalSeconds:0} s: {year.Commands} commands, {year.Wakes} timer wake-ups, " +
            $"{sender.Emails} e-mails ({sender.Emails / (double)cases:0.0} a case), {(year.Commands + year.Wakes) / elapsed.Elapsed.TotalSeconds:0.0} steps/s, " +
            $"{year.Pending} answers pending when the edge's wait ran out (the command sent again)"));
    }

    private static void Print(string when, Stopwatch elapsed, int started, int closed, SimulatedYear year) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {when}, {elapsed.Elapsed.TotalSeconds:0} s: {started} cases started, {closed} closed, {year.Commands} commands, " +
            $"{year.Wakes} wake-ups; heap after a full GC {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0.0} MB, " +
            $"working set {Environment.WorkingSet / 1048576.0:0} MB"));
}
