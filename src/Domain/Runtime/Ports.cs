using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Runtime;

/// <summary>A case as stored: its snapshot and the concurrency token the next commit must match.</summary>
public sealed record StoredCase(CaseState State, string ETag);

/// <summary>An event with its position in the case's stream.</summary>
public sealed record RecordedEvent(long Version, CaseEvent Event);

/// <summary>
/// Everything one accepted command changes, written atomically: snapshot, events, the command's id, and the outbox of effects.
/// <see cref="ExpectedETag"/> is null for a new case.
/// </summary>
public sealed record CaseCommit(string CaseId, string? ExpectedETag, CaseState State, IReadOnlyList<RecordedEvent> Events, string CommandId, IReadOnlyList<CaseEffect> Effects);

/// <summary>An effect still in a case's outbox.</summary>
public sealed record PendingEffect(string CaseId, CaseEffect Effect, DateTimeOffset CommittedAt);

/// <summary>Thrown when a commit's ETag no longer matches: another command got there first. Reload and decide again.</summary>
public sealed class CaseConcurrencyException : Exception
{
    public CaseConcurrencyException()
    {
    }

    public CaseConcurrencyException(string message)
        : base(message)
    {
    }

    public CaseConcurrencyException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>Durable case streams: one partition per case.</summary>
public interface ICaseStore
{
    Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default);

    Task<bool> WasProcessedAsync(string caseId, string commandId, CancellationToken cancellationToken = default);

    /// <summary>Writes the commit atomically and returns the snapshot's new ETag, or throws <see cref="CaseConcurrencyException"/> and writes nothing.</summary>
    Task<string> CommitAsync(CaseCommit commit, DateTimeOffset committedAt, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Outbox rows not yet marked done, across cases: what a crash left behind.</summary>
    Task<IReadOnlyList<PendingEffect>> PendingEffectsAsync(int max, CancellationToken cancellationToken = default);

    Task CompleteEffectAsync(string caseId, string effectId, CancellationToken cancellationToken = default);

    /// <summary>Rewrites every stored event of a case through <paramref name="redact"/> (GDPR erasure). Idempotent.</summary>
    Task RedactHistoryAsync(string caseId, Func<CaseEvent, CaseEvent> redact, CancellationToken cancellationToken = default);
}

/// <summary>A case's stored documents (ID papers, attachments), deleted when the person's data is erased.</summary>
public interface ICaseDocuments
{
    Task DeleteAllAsync(string caseId, CancellationToken cancellationToken = default);
}

/// <summary>Durable timers, indexed by due time so a sweep reads only what is due.</summary>
public interface ITimerIndex
{
    /// <summary>Idempotent by <see cref="CaseTimer.TimerId"/>.</summary>
    Task ScheduleAsync(CaseTimer timer, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<CaseTimer>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    Task RemoveAsync(CaseTimer timer, CancellationToken cancellationToken = default);
}

/// <summary>Sends e-mails and partner notices. Must be idempotent by effect id: effects run at least once.</summary>
public interface IMessageSender
{
    Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default);
}
