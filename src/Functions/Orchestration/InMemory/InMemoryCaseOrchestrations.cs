using Microsoft.DurableTask;
using Reintegration.Domain.Runtime.Generations;

namespace Reintegration.Functions.Orchestration.InMemory;

/// <summary>
/// The case orchestrations in memory (<c>Storage:Mode=InMemory</c>: the fast tests): the very
/// <see cref="CaseOrchestration"/> class and its activities, run through a small hand-written
/// <see cref="TaskOrchestrationContext"/>, so the fake runs the same generation loop as the task hub (wait for a
/// message or the timer, cancel the loser, decide, continue as new; answers in the custom status). Chosen over a
/// runner of <see cref="CaseGeneration"/> alone because such a runner would be a second copy of the loop that could
/// drift from the real one. Each case is driven on the caller's turn: a message sent is handled before
/// <see cref="SendAsync"/> returns, so an answer needs no polling. What it leaves out: replay (each request is
/// answered once), the retry policy's waits (an activity is retried at once), and durability (a restart forgets all).
/// Durable timers run on <paramref name="realTime"/>, as on the provider.
/// </summary>
public sealed partial class InMemoryCaseOrchestrations(
    CaseOrchestrationParts parts, ILoggerFactory loggers, TimeProvider? realTime = null) : ICaseOrchestrations
{
    /// <summary>The longest a host timer waits before the case looks at its durable timer again.</summary>
    private static readonly TimeSpan LongestWake = TimeSpan.FromDays(20);

    private readonly TimeProvider time = realTime ?? TimeProvider.System;
    private readonly ILogger logger = loggers.CreateLogger<InMemoryCaseOrchestrations>();
    private readonly Lock gate = new();
    private readonly Dictionary<string, Instance> instances = new(StringComparer.Ordinal);

    public async Task<bool> StartAsync(
        string caseId, CaseGeneration first, CancellationToken cancellationToken = default)
    {
        var instance = new Instance(caseId, CaseJsonConverters.Sdk.Serialize(first)!);
        lock (gate)
        {
            if (!instances.TryAdd(caseId, instance))
            {
                return false;
            }
        }

        await DriveAsync(instance);
        return true;
    }

    public async Task<SendOutcome> SendAsync(string caseId, CaseMessage message, CancellationToken cancellationToken = default)
    {
        Instance? instance;
        lock (gate)
        {
            if (!instances.TryGetValue(caseId, out instance) || instance.Status != CaseInstanceStatus.Running)
            {
                return SendOutcome.NotRunning;
            }

            instance.Inbox.Enqueue(CaseJsonConverters.Sdk.Serialize(message)!);
        }

        await DriveAsync(instance);
        return SendOutcome.Raised;
    }

    public Task<CaseInstance> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(instances.TryGetValue(caseId, out var instance)
                ? new CaseInstance(
                    caseId, instance.Status, CaseJsonConverters.Sdk.Deserialize<CaseStatus>(instance.CustomStatus))
                : new CaseInstance(caseId, CaseInstanceStatus.Missing, null));
        }
    }

    public async Task TerminateAsync(string caseId, string reason, CancellationToken cancellationToken = default)
    {
        if (Find(caseId) is not { } instance)
        {
            return;
        }

        await instance.Turn.WaitAsync(cancellationToken);
        try
        {
            lock (gate)
            {
                if (instance.Status == CaseInstanceStatus.Running)
                {
                    instance.End(CaseInstanceStatus.Terminated);
                }
            }
        }
        finally
        {
            instance.Turn.Release();
        }
    }

    public Task<int> PurgeAsync(string caseId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            // As on Azure: only a terminal instance is purged.
            var ended = instances.TryGetValue(caseId, out var instance) && instance.Status != CaseInstanceStatus.Running;
            return Task.FromResult(ended && instances.Remove(caseId) ? 1 : 0);
        }
    }

    public async Task<bool> RehydrateAsync(string caseId, CancellationToken cancellationToken = default)
    {
        string input;
        lock (gate)
        {
            if (!instances.TryGetValue(caseId, out var instance)
                || instance.Status is not (CaseInstanceStatus.Failed or CaseInstanceStatus.Terminated))
            {
                return false;
            }

            input = instance.Input;
            instances.Remove(caseId);
        }

        return await StartAsync(caseId, CaseJsonConverters.Sdk.Deserialize<CaseGeneration>(input)!, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> CompletedAsync(CancellationToken cancellationToken = default) =>
        [.. (await InstancesAsync(i => i.Status == CaseInstanceStatus.Completed, cancellationToken)).Select(i => i.CaseId)];

    public Task<IReadOnlyList<CaseInstance>> TroubledAsync(bool failedOnly = false, CancellationToken cancellationToken = default) =>
        InstancesAsync(i => i.Troubled && (!failedOnly || i.Status == CaseInstanceStatus.Failed), cancellationToken);

    /// <summary>Every instance <paramref name="wanted"/> picks, read as <see cref="GetAsync"/> reads one.</summary>
    private async Task<IReadOnlyList<CaseInstance>> InstancesAsync(Func<CaseInstance, bool> wanted, CancellationToken cancellationToken)
    {
        List<string> ids;
        lock (gate)
        {
            ids = [.. instances.Keys];
        }

        var found = new List<CaseInstance>();
        foreach (var id in ids)
        {
            if (await GetAsync(id, cancellationToken) is var instance && wanted(instance))
            {
                found.Add(instance);
            }
        }

        return found;
    }

    /// <summary>
    /// Runs the case until it waits for something that has not come: a message, or a timer not yet due. On a pool
    /// thread without a synchronization context, so the orchestrator resumes inline whenever the host answers it.
    /// </summary>
    private Task DriveAsync(Instance instance) => Task.Run(async () =>
    {
        await instance.Turn.WaitAsync();
        try
        {
            while (instance.Status == CaseInstanceStatus.Running && await StepAsync(instance))
            {
            }
        }
        finally
        {
            instance.Turn.Release();
        }
    });

    /// <summary>Answers one request of the running generation; false when the case waits.</summary>
    private async Task<bool> StepAsync(Instance instance)
    {
        var generation = instance.Current ??= Begin(instance);
        var context = generation.Context;
        if (generation.Run.IsCompleted)
        {
            return Finish(instance, generation);
        }

        if (context.NextActivity() is { } call)
        {
            await RunActivityAsync(instance.CaseId, call);
        }
        else if (context.Waiting && Take(instance) is { } message)
        {
            context.Deliver(message);
        }
        else if (context.TimerAt is { } at && at <= time.GetUtcNow().UtcDateTime)
        {
            context.FireTimer();
        }
        else
        {
            WakeAt(instance, context.TimerAt);
            return false;
        }

        return true;
    }

    private Generation Begin(Instance instance)
    {
        var context = new InMemoryOrchestrationContext(
            instance.CaseId, instance.Input, () => Take(instance), status => Publish(instance, status), time, loggers);
        var input = CaseJsonConverters.Sdk.Deserialize<CaseGeneration>(instance.Input)!;
        return new Generation(context, parts.Orchestration().RunAsync(context, input));
    }

    private bool Finish(Instance instance, Generation generation)
    {
        lock (gate)
        {
            instance.Current = null;
            if (generation.Run.IsFaulted)
            {
                OrchestrationFailed(logger, instance.CaseId, generation.Run.Exception!.InnerException!.GetType().Name);
                instance.End(CaseInstanceStatus.Failed);
                return false;
            }

            if (generation.Context.ContinuedAs is { } next)
            {
                instance.Input = next;
                return true;
            }

            instance.End(CaseInstanceStatus.Completed);
            return false;
        }
    }

    private async Task RunActivityAsync(string caseId, ActivityCall call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                ITaskActivity activity = call.Name switch
                {
                    ProjectCase.Name => parts.Projection(),
                    RunCaseEffect.Name => parts.Effects(),
                    _ => throw new InvalidOperationException($"No activity is named {call.Name}."),
                };
                var input = CaseJsonConverters.Sdk.Deserialize(call.Input, activity.InputType);
                var output = await activity.RunAsync(new InMemoryActivityContext(call.Name, caseId), input);
                call.Complete(CaseJsonConverters.Sdk.Serialize(output));
                return;
            }
            catch (Exception ex) when (attempt >= call.Attempts)
            {
                call.Fail(new TaskFailedException(call.Name, call.TaskId, ex));
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Retried at once: the policy's waits would only slow the tests down.
            }
        }
    }

    private void Publish(Instance instance, string? status)
    {
        lock (gate)
        {
            instance.CustomStatus = status;
        }
    }

    private string? Take(Instance instance)
    {
        lock (gate)
        {
            return instance.Inbox.TryDequeue(out var message) ? message : null;
        }
    }

    /// <summary>Wakes the case when its durable timer is due (in steps: a host timer cannot wait for long).</summary>
    private void WakeAt(Instance instance, DateTime? at)
    {
        lock (gate)
        {
            instance.Wake?.Dispose();
            instance.Wake = null;
            if (at is not { } due || instance.Status != CaseInstanceStatus.Running)
            {
                return;
            }

            var wait = new DateTimeOffset(due, TimeSpan.Zero) - time.GetUtcNow();
            instance.Wake = time.CreateTimer(
                _ => DriveAsync(instance).ContinueWith(
                    t => WakeFailed(logger, instance.CaseId, t.Exception!.InnerException!.GetType().Name),
                    CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default),
                null, wait < LongestWake ? wait : LongestWake, Timeout.InfiniteTimeSpan);
        }
    }

    private Instance? Find(string caseId)
    {
        lock (gate)
        {
            return instances.GetValueOrDefault(caseId);
        }
    }

    [LoggerMessage(EventId = 9210, Level = LogLevel.Error,
        Message = "Case {CaseId}: its in-memory orchestration failed ({Error})")]
    private static partial void OrchestrationFailed(ILogger logger, string caseId, string error);

    [LoggerMessage(EventId = 9211, Level = LogLevel.Warning,
        Message = "Case {CaseId}: waking it for its timer failed ({Error})")]
    private static partial void WakeFailed(ILogger logger, string caseId, string error);

    private sealed record Generation(InMemoryOrchestrationContext Context, Task<string?> Run);

    private sealed class Instance(string caseId, string input)
    {
        public string CaseId => caseId;

        /// <summary>Held while the case runs: one driver at a time, as one instance runs on one worker.</summary>
        public SemaphoreSlim Turn { get; } = new(1, 1);

        public Queue<string> Inbox { get; } = new();

        /// <summary>The running generation's input: what a rehydration starts from.</summary>
        public string Input { get; set; } = input;

        public CaseInstanceStatus Status { get; private set; } = CaseInstanceStatus.Running;

        public string? CustomStatus { get; set; }

        public Generation? Current { get; set; }

        public ITimer? Wake { get; set; }

        public void End(CaseInstanceStatus status)
        {
            (Status, Current) = (status, null);
            Wake?.Dispose();
            Wake = null;
        }
    }
}
