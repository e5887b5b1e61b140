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
public sealed record CaseInstance(string CaseId, CaseInstanceStatus Status, CaseStatus? Published);

/// <summary>
/// The narrow port the app talks to case orchestrations through: start, send, read, end. One implementation per
/// host: over DurableTask.Core's TaskHubClient locally, over the Durable Functions client on Azure.
/// </summary>
public interface ICaseOrchestrations
{
    /// <summary>Starts the case's instance (id = case id) unless one exists in any status; false when it did.</summary>
    Task<bool> StartAsync(string caseId, CaseGeneration first, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a message to a running instance; false (nothing sent) when the instance is not running: the Azure Storage
    /// provider silently drops events sent to a completed or failed instance.
    /// </summary>
    Task<bool> SendAsync(string caseId, CaseMessage message, CancellationToken cancellationToken = default);

    Task<CaseInstance> GetAsync(string caseId, CancellationToken cancellationToken = default);

    Task TerminateAsync(string caseId, string reason, CancellationToken cancellationToken = default);

    /// <summary>Deletes a terminal instance's history and state; returns how many instances were purged (0 or 1).</summary>
    Task<int> PurgeAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings a failed or terminated case back: its last generation's input is kept, the instance purged and started
    /// again under the same id from that input. False when there is no such instance or it is still running.
    /// </summary>
    Task<bool> RehydrateAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the cases whose instance ended Failed (a bug, since the orchestrator never throws).</summary>
    Task<IReadOnlyList<string>> FailedAsync(CancellationToken cancellationToken = default);
}
