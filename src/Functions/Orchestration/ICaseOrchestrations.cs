using Reintegration.Domain.Runtime.Generations;

namespace Reintegration.Functions.Orchestration;

/// <summary>Where a case's orchestration stands, as the task hub reports it.</summary>
public enum CaseInstanceStatus
{
    Missing,
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
}

/// <summary>A case's instance: its runtime status and its latest published custom status.</summary>
public sealed record CaseInstance(string CaseId, CaseInstanceStatus Status, CaseStatus? Published)
{
    /// <summary>When the task hub last wrote the instance.</summary>
    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>Why an instance ended Failed: the error's type and the start of its message (the state holds no
    /// personal data, so neither does this).</summary>
    public string? Failure { get; init; }

    /// <summary>Failed, or running with an effect that keeps failing: an operator's business.</summary>
    public bool Troubled => Status == CaseInstanceStatus.Failed || Published?.Troubled == true;
}

/// <summary>What became of a message sent to a case's instance.</summary>
public enum SendOutcome
{
    /// <summary>Raised to the running instance.</summary>
    Raised,

    /// <summary>Not sent: the instance is Pending, its start not yet run.</summary>
    Starting,

    /// <summary>Not sent: there is no instance, or it has ended.</summary>
    NotRunning,
}

public static class CaseInstanceStatuses
{
    /// <summary>
    /// The status the app acts on, from the one the instance row records and whether the instance has published a
    /// custom status. The Azure Storage provider writes an episode's history first and the instance row after it; a
    /// worker stopped in between leaves the row as it was. After a first episode that is "Pending", and the episodes
    /// that follow (the start message taken again and discarded as a duplicate, the activities' results) merge their
    /// custom status into the row without touching its status, which only the generation's continue-as-new sets to
    /// "Running" again. A case whose first generation waits for a command was then refused as "starting" for ever: the
    /// 200-case fault run of 2026-12-03 found one (docs/RELIABILITY.md). The custom status is written only by an
    /// episode, after its history, so an instance that has published one has taken its start message and takes events:
    /// it is running, whatever its row says.
    /// </summary>
    public static CaseInstanceStatus Effective(CaseInstanceStatus recorded, bool published) =>
        recorded == CaseInstanceStatus.Pending && published ? CaseInstanceStatus.Running : recorded;
}

public static class SendOutcomes
{
    /// <summary>Why nothing is sent to an instance in <paramref name="status"/>; null when it runs and takes the message.</summary>
    public static SendOutcome? Refusal(CaseInstanceStatus status) => status switch
    {
        CaseInstanceStatus.Running => null,
        CaseInstanceStatus.Pending => SendOutcome.Starting,
        _ => SendOutcome.NotRunning,
    };
}

/// <summary>
/// The narrow port the app talks to case orchestrations through: start, send, read, end. One implementation per
/// host: over DurableTask.Core's TaskHubClient locally, over the Durable Functions client on Azure.
/// </summary>
public interface ICaseOrchestrations
{
    /// <summary>Starts the case's instance (id = case id) unless one exists in any status; false when it did.</summary>
    Task<bool> StartAsync(string caseId, CaseGeneration first, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a message to a running instance, after one read of it. Nothing is sent to an instance that is still
    /// Pending (<see cref="SendOutcome.Starting"/>) or not running (<see cref="SendOutcome.NotRunning"/>): the Azure
    /// Storage provider discards an event taken before an instance's first episode, and silently drops one sent to a
    /// completed or failed instance.
    /// </summary>
    Task<SendOutcome> SendAsync(string caseId, CaseMessage message, CancellationToken cancellationToken = default);

    Task<CaseInstance> GetAsync(string caseId, CancellationToken cancellationToken = default);

    Task TerminateAsync(string caseId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Deletes a terminal instance's history and state; returns how many instances were purged (0 or 1).</summary>
    Task<int> PurgeAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings a failed or terminated case back: its last generation's input is kept, the instance purged and started
    /// again under the same id from that input. False when there is no such instance or it is still running.
    /// </summary>
    Task<bool> RehydrateAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The cases an operator must look at: instances that ended Failed (a bug, since the orchestrator never throws)
    /// and running ones with an effect that keeps failing. Reads every unfinished instance, a page of 100 at a time;
    /// with <paramref name="failedOnly"/> (the once-a-minute watch) only the failed ones, which the store can filter.
    /// </summary>
    Task<IReadOnlyList<CaseInstance>> TroubledAsync(bool failedOnly = false, CancellationToken cancellationToken = default);

    /// <summary>
    /// The cases whose instance has completed, which only an erased, closed case does; the store filters them, a page
    /// of 100 at a time. <see cref="ErasedCasesPurge"/> purges them.
    /// </summary>
    Task<IReadOnlyList<string>> CompletedAsync(CancellationToken cancellationToken = default);
}
