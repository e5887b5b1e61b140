using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Reintegration.Domain.Runtime.Generations;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// The orchestration port on Azure: over the <see cref="DurableTaskClient"/> the Functions host hands an HTTP
/// function through its <c>[DurableClient]</c> binding (the isolated extension offers no other way to get one).
/// </summary>
public sealed class DurableCaseOrchestrations(DurableTaskClient client) : ICaseOrchestrations
{
    public async Task<bool> StartAsync(string caseId, CaseGeneration first, CancellationToken cancellationToken = default)
    {
        // The host would restart a completed instance of the same id: an instance in any status makes this a repeat.
        if (await client.GetInstanceAsync(caseId, cancellationToken) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                CaseOrchestration.Name, first, new StartOrchestrationOptions(caseId), cancellationToken);
            return true;
        }
        catch (Exception)
        {
            if (await client.GetInstanceAsync(caseId, CancellationToken.None) is not null)
            {
                return false; // started by a concurrent repeat of the same intake
            }

            throw;
        }
    }

    public async Task<SendOutcome> SendAsync(string caseId, CaseMessage message, CancellationToken cancellationToken = default)
    {
        var status = (await GetAsync(caseId, cancellationToken)).Status;
        if (SendOutcomes.Refusal(status) is { } refused)
        {
            return refused;
        }

        await client.RaiseEventAsync(caseId, CaseOrchestration.MessageEvent, message, cancellationToken);
        return SendOutcome.Raised;
    }

    public async Task<CaseInstance> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        // With inputs and outputs: the host's client leaves the custom status out otherwise (its gRPC service sends it
        // only when asked), and the custom status carries the answers the edge waits for.
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: true, cancellationToken);
        return instance is null ? new CaseInstance(caseId, CaseInstanceStatus.Missing, null) : Instance(instance);
    }

    private static CaseInstance Instance(OrchestrationMetadata instance)
    {
        var published = instance.ReadCustomStatusAs<CaseStatus>();
        var failure = instance.FailureDetails is { } details ? $"{details.ErrorType}: {details.ErrorMessage}" : null;
        return new CaseInstance(instance.InstanceId, CaseInstanceStatuses.Effective(Status(instance.RuntimeStatus), published is not null), published)
        {
            LastUpdated = instance.LastUpdatedAt,
            Failure = failure?[..Math.Min(failure.Length, 300)],
        };
    }

    public Task TerminateAsync(string caseId, string reason, CancellationToken cancellationToken = default) =>
        client.TerminateInstanceAsync(caseId, new TerminateInstanceOptions { Output = reason }, cancellationToken);

    public async Task<int> PurgeAsync(string caseId, CancellationToken cancellationToken = default) =>
        (await client.PurgeInstanceAsync(caseId, cancellation: cancellationToken)).PurgedInstanceCount;

    public async Task<bool> RehydrateAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var instance = await client.GetInstanceAsync(caseId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null
            || Status(instance.RuntimeStatus) is not (CaseInstanceStatus.Failed or CaseInstanceStatus.Terminated)
            || instance.ReadInputAs<CaseGeneration>() is not { } last)
        {
            return false;
        }

        await client.PurgeInstanceAsync(caseId, cancellation: cancellationToken);
        return await StartAsync(caseId, last, cancellationToken);
    }

    public async Task<IReadOnlyList<CaseInstance>> TroubledAsync(
        bool failedOnly = false, CancellationToken cancellationToken = default)
    {
        var troubled = new List<CaseInstance>();
        var query = new OrchestrationQuery
        {
            Statuses = failedOnly
                ? [OrchestrationRuntimeStatus.Failed]
                : [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending],
            // A running case is troubled by what its custom status says, which the host sends only with these.
            FetchInputsAndOutputs = true,
        };
        await foreach (var metadata in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            var found = Instance(metadata);
            if (found.Troubled)
            {
                troubled.Add(found);
            }
        }

        return troubled;
    }

    public async Task<IReadOnlyList<string>> CompletedAsync(CancellationToken cancellationToken = default)
    {
        var completed = new List<string>();
        var query = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed], FetchInputsAndOutputs = false };
        await foreach (var metadata in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            completed.Add(metadata.InstanceId);
        }

        return completed;
    }

    private static CaseInstanceStatus Status(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => CaseInstanceStatus.Pending,
        OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended => CaseInstanceStatus.Running,
        OrchestrationRuntimeStatus.Completed => CaseInstanceStatus.Completed,
        OrchestrationRuntimeStatus.Failed => CaseInstanceStatus.Failed,
        _ => CaseInstanceStatus.Terminated,
    };
}
