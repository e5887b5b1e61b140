using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace Reintegration.Functions.Orchestration.InMemory;

/// <summary>
/// One generation of one case, as <see cref="InMemoryCaseOrchestrations"/> runs it: the orchestrator's requests
/// (an activity, the next message, a timer) wait here until the host answers them. Every payload goes through the
/// task hub's data converter, as on the real provider. Nothing is replayed: the host answers each request once.
/// </summary>
internal sealed class InMemoryOrchestrationContext(
    string instanceId, string input, Func<string?> nextMessage, Action<string?> publish, TimeProvider realTime,
    ILoggerFactory loggers)
    : TaskOrchestrationContext
{
    private static readonly DataConverter Converter = CaseJsonConverters.Sdk;
    private readonly Queue<ActivityCall> activities = new();
    private Action<string>? deliver;
    private int taskIds;

    public override TaskName Name => CaseOrchestration.Name;

    public override string InstanceId => instanceId;

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => realTime.GetUtcNow().UtcDateTime;

    public override bool IsReplaying => false;

    public override TaskOrchestrationEntityFeature Entities =>
        throw new NotSupportedException("Cases use no entities.");

    protected override ILoggerFactory LoggerFactory => loggers;

    /// <summary>The orchestrator waits for a message that has not come yet.</summary>
    public bool Waiting => deliver is not null;

    /// <summary>When the pending durable timer fires, if the orchestrator set one and it was not cancelled.</summary>
    public DateTime? TimerAt { get; private set; }

    private TaskCompletionSource? timer;

    /// <summary>The input of the next generation, once the orchestrator continued as new.</summary>
    public string? ContinuedAs { get; private set; }

    public override T? GetInput<T>()
        where T : default => Converter.Deserialize<T>(input);

    public override Task<TResult> CallActivityAsync<TResult>(
        TaskName name, object? input = null, TaskOptions? options = null)
    {
        var done = new TaskCompletionSource<TResult>();
        var attempts = options?.Retry?.Policy?.MaxNumberOfAttempts ?? 1;
        activities.Enqueue(new ActivityCall(
            name.Name, ++taskIds, Converter.Serialize(input), attempts,
            output => done.SetResult(Converter.Deserialize<TResult>(output)!),
            failure => done.SetException(failure)));
        return done.Task;
    }

    /// <summary>The next activity the orchestrator asked for, if any.</summary>
    public ActivityCall? NextActivity() => activities.TryDequeue(out var call) ? call : null;

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        if (fireAt <= CurrentUtcDateTime)
        {
            return Task.CompletedTask;
        }

        var fired = new TaskCompletionSource();
        (timer, TimerAt) = (fired, fireAt);
        cancellationToken.Register(() =>
        {
            if (fired.TrySetCanceled())
            {
                (timer, TimerAt) = (null, null);
            }
        });
        return fired.Task;
    }

    /// <summary>The host's clock reached the timer: the orchestrator goes on (inline, on the host's thread).</summary>
    public void FireTimer()
    {
        var fired = timer;
        (timer, TimerAt) = (null, null);
        fired?.TrySetResult();
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        if (nextMessage() is { } waiting)
        {
            return Task.FromResult(Converter.Deserialize<T>(waiting)!);
        }

        var received = new TaskCompletionSource<T>();
        deliver = message => received.TrySetResult(Converter.Deserialize<T>(message)!);
        // A cancelled wait takes nothing: the message stays in the inbox for the next generation.
        cancellationToken.Register(() =>
        {
            if (received.TrySetCanceled())
            {
                deliver = null;
            }
        });
        return received.Task;
    }

    /// <summary>Hands a message to the waiting orchestrator (inline, on the host's thread).</summary>
    public void Deliver(string message)
    {
        var waiter = deliver ?? throw new InvalidOperationException("Nothing waits for a message.");
        deliver = null;
        waiter(message);
    }

    public override void SetCustomStatus(object? customStatus) => publish(Converter.Serialize(customStatus));

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinuedAs = Converter.Serialize(newInput);

    public override Guid NewGuid() => Guid.NewGuid();

    public override void SendEvent(string instanceId, string eventName, object payload) =>
        throw new NotSupportedException("Cases send no events to each other.");

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(
        TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        throw new NotSupportedException("Cases run no sub-orchestrations.");
}

/// <summary>An activity the orchestrator awaits: what to run, how often to try, and how to answer it.</summary>
internal sealed record ActivityCall(
    string Name, int TaskId, string? Input, int Attempts, Action<string?> Complete, Action<Exception> Fail);

/// <summary>What an activity learns about its call.</summary>
internal sealed class InMemoryActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name => name;

    public override string InstanceId => instanceId;
}
