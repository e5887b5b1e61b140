namespace Reintegration.Functions.Orchestration;

/// <summary>
/// Purges the orchestration of every case whose instance has completed. Only an erased, closed case completes
/// (<see cref="Domain.Runtime.Generations.CaseGeneration.IsFinished"/>), after its last generation has redacted the read
/// model and deleted the secrets and documents. When someone asks for the erasure, the edge purges the instance as soon
/// as it completes; an erasure made by the case's own retention timer has nobody waiting for it, so its instance (the
/// history, the state and its flags) is purged here, on the failed-case watch's beat. A purge the edge made first
/// leaves nothing to do.
/// </summary>
public sealed partial class ErasedCasesPurge(ILogger<ErasedCasesPurge> logger)
{
    /// <summary>Purges once; returns the cases whose instance was purged now.</summary>
    public async Task<IReadOnlyList<string>> PurgeAsync(ICaseOrchestrations orchestrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orchestrations);
        var purged = new List<string>();
        foreach (var caseId in await orchestrations.CompletedAsync(cancellationToken))
        {
            if (await orchestrations.PurgeAsync(caseId, cancellationToken) > 0)
            {
                Purged(logger, caseId);
                purged.Add(caseId);
            }
        }

        return purged;
    }

    /// <summary>One purge; if it fails (the store is down), said as a warning, and the next beat tries again.</summary>
    public Task LookAsync(ICaseOrchestrations orchestrations, CancellationToken cancellationToken) =>
        OnItsOwn.RunAsync(() => PurgeAsync(orchestrations, cancellationToken), error => PurgeFailed(logger, error));

    [LoggerMessage(EventId = 9204, Level = LogLevel.Information, Message = "Case {CaseId}: the orchestration of the erased case was purged")]
    private static partial void Purged(ILogger logger, string caseId);

    [LoggerMessage(EventId = 9205, Level = LogLevel.Warning, Message = "The purge of erased cases' orchestrations could not look ({Error}); it tries again")]
    private static partial void PurgeFailed(ILogger logger, string error);
}
