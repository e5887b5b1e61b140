using System.Diagnostics.Metrics;
using System.Collections.Concurrent;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// Looks for cases whose instance ended Failed (the orchestrator never throws, so this is a bug or a broken store) and
/// raises an alert for each, once: an error log line with the case id only (an alert rule on event 9200 pages the
/// operator) and the counter <c>reintegration.cases.failed</c>. The operator rehydrates the case
/// (<see cref="ICaseOrchestrations.RehydrateAsync"/>): it runs again from its last generation's input.
/// </summary>
public sealed partial class FailedCasesWatch(ICaseOrchestrations orchestrations, IConfiguration config, ILogger<FailedCasesWatch> logger)
    : BackgroundService
{
    private static readonly Counter<long> Failed = Hosting.Telemetry.Meter.CreateCounter<long>("reintegration.cases.failed", description: "Case orchestrations found failed");
    private readonly ConcurrentDictionary<string, bool> alerted = new(StringComparer.Ordinal);

    /// <summary>Checks once; returns the cases alerted now (not those alerted before).</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(CancellationToken cancellationToken = default)
    {
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(config.GetValue("Engine:FailedWatchSeconds", 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stoppingToken);
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WatchFailed(logger, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 9200, Level = LogLevel.Error, Message = "Case {CaseId}: its orchestration failed; rehydrate it (docs/ARCHITECTURE.md)")]
    private static partial void CaseFailed(ILogger logger, string caseId);

    [LoggerMessage(EventId = 9201, Level = LogLevel.Warning, Message = "The failed-case watch could not look ({Error}); it tries again")]
    private static partial void WatchFailed(ILogger logger, string error);
}
