using Microsoft.Extensions.Logging.Abstractions;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Orchestration;

/// <summary>
/// The case orchestration under DurableTask.Core's TaskHubWorker on the shared Azurite, with its own task hub, an
/// in-memory read model and a message sender that can hold the first send (to raise a command in that window).
/// </summary>
public sealed class LocalTaskHubFixture(AzuriteApp azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public InMemoryReadModel ReadModel { get; } = new();

    public GatedSender Messages { get; } = new();

    public LocalTaskHub Hub { get; private set; } = null!;

    private readonly string name = "hub" + Guid.NewGuid().ToString("N")[..12];

    public CaseDecider Decider { get; private set; } = null!;

    /// <summary>The task hub's name: its tables and queues are named after it.</summary>
    public string TaskHubName => name;

    public string ConnectionString => azurite.Azurite.ConnectionString;

    public Task InitializeAsync() => StartAsync(new CaseDecider(ProgrammeCatalog.Shipped()));

    /// <summary>
    /// Starts a case as the edge does, its application decided in the first generation, and waits until the instance
    /// has left Pending: the provider can discard an event raised before the instance's first episode.
    /// </summary>
    public async Task OpenAsync(CaseCommand application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var first = CaseGeneration.Start(application.CaseId).Receive(Decider, CaseMessage.Of(application));
        (await Hub.StartAsync(application.CaseId, first)).ShouldBeTrue();
        await WaitUntilAsync(application.CaseId, i => i.Status != CaseInstanceStatus.Pending);
    }

    /// <summary>Stops the worker and starts another on the same task hub, as a deploy of the next build would.</summary>
    public async Task RestartAsync(CaseDecider decider)
    {
        await Hub.DisposeAsync();
        await StartAsync(decider);
    }

    private async Task StartAsync(CaseDecider decider)
    {
        Decider = decider;
        var parts = CaseOrchestrationParts.Of(
            decider, ReadModel, new InMemoryCaseIndex(), TimeProvider.System, Messages, new Reintegration.Functions.Hosting.NoDocuments());
        Hub = await LocalTaskHub.StartAsync(
            azurite.Azurite.ConnectionString, name, parts, NullLoggerFactory.Instance, longestPoll: TimeSpan.FromMilliseconds(100));
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>Waits (bounded) until the instance publishes a status that satisfies <paramref name="done"/>.</summary>
    public async Task<CaseInstance> WaitUntilAsync(string caseId, Func<CaseInstance, bool> done)
    {
        var until = DateTimeOffset.UtcNow + Bound;
        while (true)
        {
            var instance = await Hub.GetAsync(caseId);
            if (done(instance))
            {
                return instance;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                var answers = string.Join(", ", instance.Published?.Answers.Select(a => $"{a.CommandId}={a.Outcome}") ?? []);
                throw new TimeoutException($"{caseId}: {instance.Status}, version {instance.Published?.Version}, " +
                    $"projected {instance.Published?.ProjectedVersion}, answers {answers}; {await Hub.DescribeAsync(caseId)}");
            }

            await Task.Delay(100);
        }
    }

    public Task<CaseInstance> AnsweredAsync(string caseId, string commandId) =>
        WaitUntilAsync(caseId, i => i.Published?.AnswerTo(commandId) is not null
            && i.Published.ProjectedVersion == i.Published.Version);
}

/// <summary>Records messages once per effect id; while <see cref="Hold"/> is set, the next send waits for a release.</summary>
public sealed class GatedSender : IMessageSender
{
    private readonly EffectLog log = new();
    private TaskCompletionSource? held;

    public IReadOnlyList<CaseEffect> Sent => log.Sent;

    /// <summary>Completes when a send is being held.</summary>
    public TaskCompletionSource Entered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Func<CaseEffect, bool> holds = _ => true;

    /// <summary>Holds the next send (of <paramref name="which"/> effects only, when given) until <see cref="Release"/>.</summary>
    public void Hold(Func<CaseEffect, bool>? which = null)
    {
        Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        holds = which ?? (_ => true);
        held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release() => Interlocked.Exchange(ref held, null)?.TrySetResult();

    /// <summary>Sends for these cases fail (a mail service refusing them) until taken out again.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, bool> Failing { get; } = new();

    public async Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default)
    {
        // Effect ids begin with their case's id ("case:version:index").
        if (Failing.ContainsKey(effect.EffectId[..effect.EffectId.IndexOf(':', StringComparison.Ordinal)]))
        {
            throw new InvalidOperationException("The mail service refused the message.");
        }

        if (held is { } gate && holds(effect))
        {
            Entered.TrySetResult();
            await gate.Task;
        }

        await log.SendAsync(effect, cancellationToken);
    }
}
