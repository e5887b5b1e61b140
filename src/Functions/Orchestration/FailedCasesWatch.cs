using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// Looks for cases whose instance ended Failed (the orchestrator never throws, so this is a bug or a broken store) and
/// raises an alert for each, once per process: an error log line with the case id only (an alert rule on event 9200
/// pages the operator) and the counter <c>reintegration.cases.failed</c>. The operator retries the case from the
/// operations page, which rehydrates it (<see cref="ICaseOrchestrations.RehydrateAsync"/>): it runs again from its last
/// generation's input. It looks every minute: locally as a background loop over the app's own task hub, on Azure as
/// the timer function <see cref="FailedCasesTimer"/> through its Durable client binding.
/// </summary>
public sealed partial class FailedCasesWatch(ILogger<FailedCasesWatch> logger)
{
    private static readonly Counter<long> Failed = Hosting.Telemetry.Meter.CreateCounter<long>("reintegration.cases.failed", description: "Case orchestrations found failed");
    private readonly ConcurrentDictionary<string, bool> alerted = new(StringComparer.Ordinal);

    /// <summary>Checks once; returns the cases alerted now (not those alerted before).</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(ICaseOrchestrations orchestrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orchestrations);
        var now = new List<string>();
        // Failed instances only: the store filters them, so the watch does not read every running case each minute.
        foreach (var caseId in (await orchestrations.TroubledAsync(failedOnly: true, cancellationToken)).Select(i => i.CaseId))
        {
            if (alerted.TryAdd(caseId, true))
            {
                CaseFailed(logger, caseId);
                Failed.Add(1);
                now.Add(caseId);
            }
        }

        return now;
    }

    /// <summary>One look; if it fails (the store is down), said as a warning, and the next look tries again.</summary>
    public Task LookAsync(ICaseOrchestrations orchestrations, CancellationToken cancellationToken) =>
        OnItsOwn.RunAsync(() => CheckAsync(orchestrations, cancellationToken), error => WatchFailed(logger, error));

    [LoggerMessage(EventId = 9200, Level = LogLevel.Error, Message = "Case {CaseId}: its orchestration failed; retry it from the operations page (docs/ARCHITECTURE.md)")]
    private static partial void CaseFailed(ILogger logger, string caseId);

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "The failed-case watch could not look ({Error}); it tries again")]
    private static partial void WatchFailed(ILogger logger, string error);
}

/// <summary>One job on the watch's beat, failing on its own: its failure is said, and the next beat tries again.</summary>
internal static class OnItsOwn
{
    public static async Task RunAsync(Func<Task> job, Action<string> failed)
    {
        try
        {
            await job();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failed(ex.GetType().Name);
        }
    }
}

/// <summary>
/// The jobs of the minute's beat, the same in both hosts: the failed-case watch, the sweep of unsettled starts and the
/// purge of erased cases' orchestrations, each failing on its own (a watch that cannot look holds back no other job).
/// </summary>
public sealed class CaseWatchBeat(FailedCasesWatch watch, UnsettledStartsSweep sweep, ErasedCasesPurge purge)
{
    public async Task RunAsync(ICaseOrchestrations orchestrations, CancellationToken cancellationToken)
    {
        await watch.LookAsync(orchestrations, cancellationToken);
        await sweep.LookAsync(orchestrations, cancellationToken);
        await purge.LookAsync(orchestrations, cancellationToken);
    }
}

/// <summary>The local host's beat: every <c>Engine:FailedWatchSeconds</c> (60) over the app's own task hub.</summary>
public sealed class FailedCasesLoop(CaseWatchBeat beat, ICaseOrchestrations orchestrations, IConfiguration config) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(config.GetValue("Engine:FailedWatchSeconds", 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(every, stoppingToken);
            await beat.RunAsync(orchestrations, stoppingToken);
        }
    }
}

/// <summary>Azure's beat: a timer function each minute, through the Durable client the Functions host binds.</summary>
public sealed class FailedCasesTimer(CaseWatchBeat beat)
{
    [Function("FailedCasesWatch")]
    public Task RunAsync([TimerTrigger("0 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        beat.RunAsync(new DurableCaseOrchestrations(client), cancellationToken);
}
