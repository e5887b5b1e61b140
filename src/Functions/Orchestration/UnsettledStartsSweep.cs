using Reintegration.Domain.Runtime;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// Forgets the personal data of an application whose case never started. The edge keeps an accepted application's
/// secrets just before it starts the case's instance (the first projection unseals them), and notes the start first
/// (<see cref="ICaseReadModel.NoteStartAsync"/>). An hour later the sweep looks at the note: if the app stopped between
/// the writes and the sender never delivered again, there is no instance and no read model of that case, and the
/// secrets go; otherwise they stay. The note is settled either way. Runs on the failed-case watch's beat, every minute.
/// </summary>
public sealed partial class UnsettledStartsSweep(ICaseReadModel readModel, TimeProvider clock, ILogger<UnsettledStartsSweep> logger)
{
    /// <summary>How old a note must be: a sender's retries and a slow start are long over by then.</summary>
    public static readonly TimeSpan After = TimeSpan.FromHours(1);

    /// <summary>Sweeps once; returns the cases whose secrets were forgotten.</summary>
    public async Task<IReadOnlyList<string>> SweepAsync(ICaseOrchestrations orchestrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orchestrations);
        var forgotten = new List<string>();
        foreach (var caseId in await readModel.UnsettledStartsAsync(clock.GetUtcNow() - After, cancellationToken))
        {
            // A case with an instance, or with a read model (a rehydration between its purge and its restart), is a
            // case: its secrets are its own.
            if ((await orchestrations.GetAsync(caseId, cancellationToken)).Status == CaseInstanceStatus.Missing
                && await readModel.ReadAsync(caseId, cancellationToken) is null)
            {
                await readModel.ForgetSecretsAsync(caseId, null, cancellationToken);
                Forgot(logger, caseId);
                forgotten.Add(caseId);
            }

            await readModel.SettleStartAsync(caseId, cancellationToken);
        }

        return forgotten;
    }

    /// <summary>One sweep; if it fails (the store is down), said as a warning, and the next sweep tries again.</summary>
    public Task LookAsync(ICaseOrchestrations orchestrations, CancellationToken cancellationToken) =>
        OnItsOwn.RunAsync(() => SweepAsync(orchestrations, cancellationToken), error => SweepFailed(logger, error));

    [LoggerMessage(EventId = 9203, Level = LogLevel.Warning, Message = "The sweep of unsettled starts could not look ({Error}); it tries again")]
    private static partial void SweepFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 9202, Level = LogLevel.Information, Message = "Case {CaseId}: its application's personal data was forgotten, since no case started from it")]
    private static partial void Forgot(ILogger logger, string caseId);
}
