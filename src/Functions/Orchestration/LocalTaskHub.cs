using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Reintegration.Domain.Runtime.Generations;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// The case orchestration and its activities run durably without the Functions host (the README's run command and
/// the tests): DurableTask.Core's TaskHubWorker on the Azure Storage provider (Azurite locally), the same provider
/// the Durable extension uses on Azure, with the SDK's shims around the very classes the Functions app registers.
/// </summary>
public sealed class LocalTaskHub : ICaseOrchestrations, IAsyncDisposable
{
    private static readonly OrchestrationStatus[] EveryStatus =
    [
        OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew,
        OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated,
        OrchestrationStatus.Canceled, OrchestrationStatus.Suspended,
    ];

    /// <summary>
    /// How long a message a worker took stays invisible to the others (control and work-item queues; the provider's
    /// default is 5 minutes). A worker that dies holding messages (a crash, a SIGKILL, a scale-in) leaves them to
    /// reappear only after this, so its cases answer "pending" that long. One minute bounds that wait; a longer
    /// episode or activity is not cut short, because DurableTask.Core renews the lock 30 s before it runs out.
    /// host.json sets the same value for Azure (a test holds them equal).
    /// </summary>
    public static readonly TimeSpan MessageVisibilityTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The task hub's control queues (host.json's <c>partitionCount</c>).</summary>
    public const int PartitionCount = 4;

    /// <summary>How long an idle queue may wait between polls (host.json's <c>maxQueuePollingInterval</c>).</summary>
    public static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(1);

    private readonly AzureStorageOrchestrationService service;
    private readonly TaskHubWorker worker;
    private readonly TaskHubClient client;
    private int disposed;

    private LocalTaskHub(AzureStorageOrchestrationService service, TaskHubWorker worker, TaskHubClient client) =>
        (this.service, this.worker, this.client) = (service, worker, client);

    /// <summary>Creates the task hub's queues and tables if needed and starts the worker.</summary>
    /// <param name="longestPoll">How long an idle queue may wait between polls (the provider backs off up to it).</param>
    /// <param name="storage">The provider's storage clients, when a benchmark counts their requests.</param>
    /// <param name="timerPiece">The longest durable timer the SDK schedules in one piece (3 days unless a benchmark
    /// shortens it to measure what a sleeping case's wake-ups cost).</param>
    public static async Task<LocalTaskHub> StartAsync(
        string connectionString, string taskHubName, CaseOrchestrationParts parts, ILoggerFactory loggerFactory,
        TimeSpan? longestPoll = null, StorageAccountClientProvider? storage = null, TimeSpan? timerPiece = null,
        TimeSpan? messageVisibility = null, int? partitions = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = storage ?? new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHubName,
            PartitionCount = partitions ?? PartitionCount,
            MaxQueuePollingInterval = longestPoll ?? LongestPoll,
            // A start for an id that exists in any status is refused, not ignored: the caller learns it was a repeat.
            ThrowExceptionOnInvalidDedupeStatus = true,
            ControlQueueVisibilityTimeout = messageVisibility ?? MessageVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = messageVisibility ?? MessageVisibilityTimeout,
            LoggerFactory = loggerFactory,
        };
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        var options = new DurableTaskWorkerOptions { DataConverter = CaseJsonConverters.Sdk };
        options.MaximumTimerInterval = timerPiece ?? options.MaximumTimerInterval;
        var shims = new DurableTaskShimFactory(options, loggerFactory);
        var worker = new TaskHubWorker(service, loggerFactory);
        worker.AddTaskOrchestrations(new NamedCreator<TaskOrchestration>(
            CaseOrchestration.Name, () => shims.CreateOrchestration(CaseOrchestration.Name, parts.Orchestration())));
        worker.AddTaskActivities(
            new NamedCreator<TaskActivity>(ProjectCase.Name, () => shims.CreateActivity(ProjectCase.Name, parts.Projection())),
            new NamedCreator<TaskActivity>(RunCaseEffect.Name, () => shims.CreateActivity(RunCaseEffect.Name, parts.Effects())));
        await worker.StartAsync();
        return new LocalTaskHub(service, worker, new TaskHubClient(service, CaseJsonConverters.Core, loggerFactory));
    }

    public async Task<bool> StartAsync(string caseId, CaseGeneration first, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.CreateOrchestrationInstanceAsync(CaseOrchestration.Name, string.Empty, caseId, first, null, EveryStatus);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    public async Task<SendOutcome> SendAsync(string caseId, CaseMessage message, CancellationToken cancellationToken = default)
    {
        var status = await client.GetOrchestrationStateAsync(caseId) is { } state
            ? Instance(state).Status
            : CaseInstanceStatus.Missing;
        if (SendOutcomes.Refusal(status) is { } refused)
        {
            return refused;
        }

        await client.RaiseEventAsync(new OrchestrationInstance { InstanceId = caseId }, CaseOrchestration.MessageEvent, message);
        return SendOutcome.Raised;
    }

    public async Task<CaseInstance> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var state = await client.GetOrchestrationStateAsync(caseId);
        return state is null ? new CaseInstance(caseId, CaseInstanceStatus.Missing, null) : Instance(state);
    }

    private static CaseInstance Instance(OrchestrationState state)
    {
        var published = string.IsNullOrEmpty(state.Status)
            ? null
            : (CaseStatus?)CaseJsonConverters.Core.Deserialize(state.Status, typeof(CaseStatus));
        var failure = state.FailureDetails is { } details
            ? $"{details.ErrorType}: {details.ErrorMessage}"
            : state.OrchestrationStatus == OrchestrationStatus.Failed ? state.Output : null;
        var status = CaseInstanceStatuses.Effective(Status(state.OrchestrationStatus), published is not null);
        return new CaseInstance(state.OrchestrationInstance.InstanceId, status, published)
        {
            LastUpdated = state.LastUpdatedTime == default ? null : new DateTimeOffset(state.LastUpdatedTime, TimeSpan.Zero),
            Failure = failure is null ? null : failure[..Math.Min(failure.Length, 300)],
        };
    }

    /// <summary>The provider's own view of the instance (status, output, failure), for diagnostics.</summary>
    public async Task<string> DescribeAsync(string caseId)
    {
        var state = await client.GetOrchestrationStateAsync(caseId);
        return state is null ? "no instance" : $"{state.OrchestrationStatus} output={state.Output} failure={state.FailureDetails}";
    }

    public Task TerminateAsync(string caseId, string reason, CancellationToken cancellationToken = default) =>
        client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = caseId }, reason);

    public async Task<int> PurgeAsync(string caseId, CancellationToken cancellationToken = default)
    {
        // Azure purges only terminal instances; the local provider does not check, so neither may we rely on it.
        var instance = await GetAsync(caseId, cancellationToken);
        if (instance.Status is not (CaseInstanceStatus.Completed or CaseInstanceStatus.Failed or CaseInstanceStatus.Terminated))
        {
            return 0;
        }

        var result = await service.PurgeInstanceHistoryAsync(caseId);
        return result.InstancesDeleted;
    }

    public async Task<bool> RehydrateAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var state = await client.GetOrchestrationStateAsync(caseId);
        if (state is null || Status(state.OrchestrationStatus) is not (CaseInstanceStatus.Failed or CaseInstanceStatus.Terminated)
            || string.IsNullOrEmpty(state.Input))
        {
            return false;
        }

        var last = (CaseGeneration)CaseJsonConverters.Core.Deserialize(state.Input, typeof(CaseGeneration));
        await service.PurgeInstanceHistoryAsync(caseId);
        return await StartAsync(caseId, last, cancellationToken);
    }

    public async Task<IReadOnlyList<CaseInstance>> TroubledAsync(
        bool failedOnly = false, CancellationToken cancellationToken = default) =>
        [.. (await StatesAsync(
            failedOnly
                ? [OrchestrationStatus.Failed]
                : [OrchestrationStatus.Failed, OrchestrationStatus.Running, OrchestrationStatus.Pending, OrchestrationStatus.ContinuedAsNew],
            fetchOutput: true, cancellationToken)).Select(Instance).Where(i => i.Troubled)];

    public async Task<IReadOnlyList<string>> CompletedAsync(CancellationToken cancellationToken = default) =>
        [.. (await StatesAsync([OrchestrationStatus.Completed], fetchOutput: false, cancellationToken)).Select(s => s.OrchestrationInstance.InstanceId)];

    /// <summary>Every instance in one of <paramref name="statuses"/>, which the provider filters, a page of 100 at a time.</summary>
    private async Task<List<OrchestrationState>> StatesAsync(
        OrchestrationStatus[] statuses, bool fetchOutput, CancellationToken cancellationToken)
    {
        var condition = new DurableTask.AzureStorage.Tracking.OrchestrationInstanceStatusQueryCondition
        {
            RuntimeStatus = statuses,
            FetchInput = false,
            FetchOutput = fetchOutput,
        };
        var states = new List<OrchestrationState>();
        string? continuation = null;
        do
        {
            var page = await service.GetOrchestrationStateAsync(condition, 100, continuation!, cancellationToken);
            states.AddRange(page.OrchestrationState);
            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));

        return states;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            await worker.StopAsync(isForced: true);
            worker.Dispose();
        }
    }

    private static CaseInstanceStatus Status(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Pending => CaseInstanceStatus.Pending,
        OrchestrationStatus.Running or OrchestrationStatus.ContinuedAsNew or OrchestrationStatus.Suspended => CaseInstanceStatus.Running,
        OrchestrationStatus.Completed => CaseInstanceStatus.Completed,
        OrchestrationStatus.Failed => CaseInstanceStatus.Failed,
        _ => CaseInstanceStatus.Terminated,
    };
}
