using System.Collections.Concurrent;
using System.Diagnostics;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Orchestration;
using Reintegration.Storage;
using Reintegration.Storage.Cases;

/// <summary>
/// Drives a <see cref="FullCasePlan"/> day by day on a manual clock through the case orchestration: each day's commands
/// through the edge (<see cref="OrchestratedCaseCommands"/>, answer wait included), and before them every case timer due
/// by noon woken as its durable timer would (a tick at the due time), waiting until the case list has the result. A
/// shadow of each case, decided in memory, says when its timers fall. Throws unless every case is closed at the end.
/// </summary>
public sealed class SimulatedYear(LocalTaskHub hub, OrchestratedCaseCommands edge, WatchedIndex index, CaseDecider decider, ManualClock clock)
{
    public int Commands => commands;

    public int Wakes => wakes;

    /// <summary>Answers that were still pending when the edge's wait ran out, each followed by the same command again.</summary>
    public int Pending => pending;

    private int commands;
    private int wakes;
    private int pending;

    /// <summary>Runs the plan, <paramref name="parallel"/> cases at a time each day; <paramref name="monthly"/> is called on each simulated month's first day.</summary>
    public async Task RunAsync(FullCasePlan plan, int parallel, Action<DateOnly, IReadOnlyDictionary<string, CaseGeneration>>? monthly = null)
    {
        var shadows = new ConcurrentDictionary<string, CaseGeneration>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel };
        for (var day = plan.FirstDay; day <= plan.LastDay; day = day.AddDays(1))
        {
            if (day.Day == 1)
            {
                monthly?.Invoke(day, shadows);
            }

            var noon = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            clock.AdvanceTo(noon);
            var todays = plan.On(day).SelectMany(steps => steps(noon)).GroupBy(c => c.CaseId).ToDictionary(g => g.Key);
            var awake = shadows.Where(s => s.Value.WakeAt <= noon).Select(s => s.Key);
            await Parallel.ForEachAsync(todays.Keys.Union(awake).ToList(), options, async (caseId, token) =>
            {
                // Timers due before noon wake the instance first, as the durable timer would.
                while (shadows.TryGetValue(caseId, out var shadow) && shadow.WakeAt is { } at && at <= noon)
                {
                    var fired = shadow.FireDue(decider, at);
                    shadows[caseId] = fired;
                    await hub.SendAsync(caseId, CaseMessage.Tick(at) with { ClockOffset = clock.GetUtcNow() - TimeProvider.System.GetUtcNow() }, token);
                    Interlocked.Increment(ref wakes);
                    await index.WaitForAsync(caseId, fired.State.Version, token);
                }

                foreach (var command in todays.TryGetValue(caseId, out var mine) ? mine : Enumerable.Empty<CaseCommand>())
                {
                    // A command still unanswered when the edge's wait runs out (202) is sent again, as a client
                    // would; the same command id is then answered "duplicate" once it has been applied.
                    var result = await edge.HandleAsync(command, null, token);
                    var resent = false;
                    while (result.Outcome == CommandOutcome.Pending)
                    {
                        Interlocked.Increment(ref pending);
                        resent = true;
                        result = await edge.HandleAsync(command, null, token);
                    }

                    Interlocked.Increment(ref commands);
                    if (result.Outcome != CommandOutcome.Accepted && !(resent && result.Outcome == CommandOutcome.Duplicate))
                    {
                        throw new InvalidOperationException($"{command.GetType().Name} on {caseId}: {result.Outcome} {result.Rejection?.Code}");
                    }

                    var shadow = shadows.GetValueOrDefault(caseId) ?? CaseGeneration.Start(caseId);
                    shadows[caseId] = shadow.Receive(decider, CaseMessage.Of(command));
                }
            });
        }

        var closed = shadows.Values.Count(s => s.State.Stage == CaseStage.Closed);
        if (closed != plan.CaseIds.Count)
        {
            throw new InvalidOperationException($"{closed} of {plan.CaseIds.Count} cases closed.");
        }
    }
}

/// <summary>The case list, and the version each case's projection has reached (the benchmarks wait on it).</summary>
public sealed class WatchedIndex(ICaseIndex inner) : ICaseIndex
{
    /// <summary>A read model and a watched case list in two new tables named after <paramref name="prefix"/> and this process.</summary>
    public static async Task<(TableReadModel ReadModel, WatchedIndex Index)> CreateAsync(StorageAccount account, string prefix)
    {
        var table = account.Table(prefix + "cases" + Environment.ProcessId);
        var indexTable = account.Table(prefix + "index" + Environment.ProcessId);
        await table.CreateIfNotExistsAsync();
        await indexTable.CreateIfNotExistsAsync();
        return (new TableReadModel(table), new WatchedIndex(new TableCaseIndex(indexTable)));
    }

    private readonly ConcurrentDictionary<string, long> versions = new();

    public async Task UpsertAsync(CaseSummary summary, CancellationToken cancellationToken = default)
    {
        await inner.UpsertAsync(summary, cancellationToken);
        versions.AddOrUpdate(summary.CaseId, summary.Version, (_, v) => Math.Max(v, summary.Version));
    }

    public Task<CasePage> QueryAsync(CaseFilter filter, int pageSize, string? continuation, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(filter, pageSize, continuation, cancellationToken);

    public async Task WaitForAsync(string caseId, long version, CancellationToken cancellationToken)
    {
        var bound = Stopwatch.StartNew();
        while (versions.GetValueOrDefault(caseId) < version)
        {
            if (bound.Elapsed > TimeSpan.FromMinutes(3))
            {
                throw new TimeoutException($"{caseId} did not reach version {version}.");
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}
