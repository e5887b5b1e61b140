using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask.Client;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Functions.Orchestration;

namespace Reintegration.Functions.Tests.Orchestration;

/// <summary>
/// The orchestration port on Azure, over the client the Functions host binds (no Functions host runs here, so a
/// recording client stands in for it): the same answers the local task hub gives.
/// </summary>
public sealed class DurableCaseOrchestrationsTests
{
    private readonly RecordingClient client = new();

    private DurableCaseOrchestrations Port => new(client);

    [Fact]
    public async Task Given_no_instance_When_started_Then_the_case_id_is_the_instance_id_and_a_repeat_starts_nothing()
    {
        (await Port.StartAsync("case-1", CaseGeneration.Start("case-1"))).ShouldBeTrue();
        client.Scheduled.ShouldBe(["case-1"]);

        client.Instances["case-1"] = Instance("case-1", OrchestrationRuntimeStatus.Completed);
        (await Port.StartAsync("case-1", CaseGeneration.Start("case-1"))).ShouldBeFalse("a finished case is not restarted");
        client.Scheduled.ShouldBe(["case-1"]);
    }

    [Fact]
    public async Task Given_the_commands_through_the_bound_client_When_one_is_handled_Then_the_apps_observer_is_told_as_locally()
    {
        var observed = new List<(string CommandId, Reintegration.Domain.Runtime.CommandOutcome Outcome)>();
        using var services = new ServiceCollection()
            .AddSingleton<Reintegration.Domain.Runtime.ICaseReadModel>(new Reintegration.Domain.Runtime.InMemory.InMemoryReadModel())
            .AddSingleton(new Reintegration.Domain.Workflow.CaseDecider(Reintegration.Domain.Programmes.ProgrammeCatalog.Shipped()))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<Reintegration.Domain.Runtime.ICommandObserver>(new Observer(observed))
            .BuildServiceProvider();
        var decision = new Reintegration.Domain.Cases.CaseCommand.DecideEligibility("case-9", "decide-9", DateTimeOffset.UtcNow, true, null);

        var result = await new BoundCaseCommands(services).For(client).HandleAsync(decision, null);

        result.Rejection!.Code.ShouldBe("case-not-found");
        observed.ShouldBe([("decide-9", Reintegration.Domain.Runtime.CommandOutcome.Rejected)]);
    }

    private sealed class Observer(List<(string, Reintegration.Domain.Runtime.CommandOutcome)> observed) : Reintegration.Domain.Runtime.ICommandObserver
    {
        public void Handled(Reintegration.Domain.Cases.CaseCommand command, Reintegration.Domain.Runtime.CommandResult result, TimeSpan elapsed) =>
            observed.Add((command.CommandId, result.Outcome));
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated)]
    public async Task Given_an_instance_that_is_not_running_When_a_message_is_sent_Then_nothing_is_raised(OrchestrationRuntimeStatus status)
    {
        client.Instances["case-2"] = Instance("case-2", status);

        (await Port.SendAsync("case-2", Message())).ShouldBe(SendOutcome.NotRunning);
        client.Raised.ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_pending_instance_When_a_message_is_sent_Then_nothing_is_raised_until_it_runs()
    {
        client.Instances["case-4"] = Instance("case-4", OrchestrationRuntimeStatus.Pending);

        (await Port.SendAsync("case-4", Message())).ShouldBe(SendOutcome.Starting);
        client.Raised.ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_pending_instance_that_has_published_a_status_When_a_message_is_sent_Then_it_is_raised()
    {
        // The row a worker stopped between the history and the row's update leaves: its episodes ran (they published
        // a status) but it still says Pending.
        client.Instances["case-8"] = Instance("case-8", OrchestrationRuntimeStatus.Pending, status: Published("case-8"));

        (await Port.GetAsync("case-8")).Status.ShouldBe(CaseInstanceStatus.Running);
        (await Port.SendAsync("case-8", Message())).ShouldBe(SendOutcome.Raised);
        client.Raised.ShouldBe([("case-8", CaseOrchestration.MessageEvent)]);
    }

    [Fact]
    public async Task Given_a_running_instance_with_an_answer_When_read_Then_the_answer_is_there()
    {
        // The host's client sends the custom status only with inputs and outputs; the edge waits on the answers in it.
        var status = new CaseStatus(Domain.Cases.CaseStage.AwaitingDecision, 2, 2,
            [new CommandAnswer("cmd-1", Domain.Runtime.CommandOutcome.Accepted, Domain.Cases.CaseStage.AwaitingDecision, 2, null)]);
        client.Instances["case-9"] = Instance("case-9", OrchestrationRuntimeStatus.Running, status: CaseJsonConverters.Sdk.Serialize(status));

        (await Port.GetAsync("case-9")).Published.ShouldNotBeNull().AnswerTo("cmd-1").ShouldNotBeNull().Version.ShouldBe(2);
    }

    [Fact]
    public async Task Given_a_running_instance_whose_effect_keeps_failing_When_the_troubled_are_listed_Then_it_is_there()
    {
        var failing = new CaseStatus(Domain.Cases.CaseStage.AwaitingDecision, 1, 1, [])
        {
            Effects = [new EffectStatus("case-10:1:0", "SendEmail", 3, DateTimeOffset.UnixEpoch, null, false, "HttpRequestException")],
        };
        client.Instances["case-10"] = Instance("case-10", OrchestrationRuntimeStatus.Running, status: CaseJsonConverters.Sdk.Serialize(failing));
        client.Instances["case-11"] = Instance("case-11", OrchestrationRuntimeStatus.Running, status: Published("case-11"));

        (await Port.TroubledAsync()).Select(i => i.CaseId).ShouldBe(["case-10"]);
    }

    [Fact]
    public async Task Given_a_running_instance_When_a_message_is_sent_Then_it_is_raised_as_the_message_event()
    {
        client.Instances["case-3"] = Instance("case-3", OrchestrationRuntimeStatus.Running);

        (await Port.SendAsync("case-3", Message())).ShouldBe(SendOutcome.Raised);
        client.Raised.ShouldBe([("case-3", CaseOrchestration.MessageEvent)]);
        (await Port.GetAsync("case-3")).Status.ShouldBe(CaseInstanceStatus.Running);
        (await Port.GetAsync("nobody")).Status.ShouldBe(CaseInstanceStatus.Missing);
    }

    [Fact]
    public async Task Given_a_failed_instance_When_rehydrated_Then_it_is_purged_and_started_again_from_its_last_input()
    {
        var last = CaseGeneration.Start("case-4");
        client.Instances["case-4"] = Instance("case-4", OrchestrationRuntimeStatus.Failed, CaseJsonConverters.Sdk.Serialize(last));

        (await Port.TroubledAsync()).Select(i => i.CaseId).ShouldBe(["case-4"]);
        (await Port.RehydrateAsync("case-4")).ShouldBeTrue();
        client.Purged.ShouldBe(["case-4"]);
        client.Scheduled.ShouldBe(["case-4"]);
        client.ScheduledInputs.Single().ShouldBeEquivalentTo(last);
    }

    [Fact]
    public async Task Given_a_running_instance_When_rehydrated_Then_nothing_happens()
    {
        client.Instances["case-5"] = Instance("case-5", OrchestrationRuntimeStatus.Running);

        (await Port.RehydrateAsync("case-5")).ShouldBeFalse();
        client.Purged.ShouldBeEmpty();
    }

    [Fact]
    public void Given_no_bound_client_When_commands_are_asked_for_on_Azure_Then_it_says_so()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        Should.Throw<InvalidOperationException>(() => new BoundCaseCommands(services).For(null)).Message.ShouldContain("DurableClient");
    }

    [Fact]
    public async Task Given_a_failed_instance_on_Azure_When_the_timer_watch_looks_twice_Then_it_alerts_once()
    {
        client.Instances["case-6"] = Instance("case-6", OrchestrationRuntimeStatus.Failed);
        client.Instances["case-7"] = Instance("case-7", OrchestrationRuntimeStatus.Running);
        var watch = new FailedCasesWatch(Microsoft.Extensions.Logging.Abstractions.NullLogger<FailedCasesWatch>.Instance);

        (await watch.CheckAsync(Port)).ShouldBe(["case-6"]);
        (await watch.CheckAsync(Port)).ShouldBeEmpty();
    }

    [Fact]
    public void Given_no_bound_client_When_the_operator_desk_is_asked_for_on_Azure_Then_it_says_so()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        Should.Throw<InvalidOperationException>(() => new BoundCaseCommands(services).DeskFor(null)).Message.ShouldContain("DurableClient");
    }

    private static CaseMessage Message() => CaseMessage.Of(new Domain.Cases.CaseCommand.RecordConsent("c", "cmd-1", DateTimeOffset.UnixEpoch));

    private static string Published(string id) => CaseJsonConverters.Sdk.Serialize(CaseStatus.Of(CaseGeneration.Start(id)));

    private static OrchestrationMetadata Instance(string id, OrchestrationRuntimeStatus runtime, string? input = null, string? status = null) =>
        new(CaseOrchestration.Name, id)
        {
            RuntimeStatus = runtime, SerializedInput = input, SerializedCustomStatus = status, DataConverter = CaseJsonConverters.Sdk,
        };

    /// <summary>
    /// Stands in for the Functions host's client: instances by id, and what was asked of it. As the host's gRPC service
    /// does, it sends an instance's input, output, custom status and failure only when asked for inputs and outputs.
    /// </summary>
    private sealed class RecordingClient() : DurableTaskClient("recording")
    {
        public Dictionary<string, OrchestrationMetadata> Instances { get; } = [];

        public List<string> Scheduled { get; } = [];

        public List<object?> ScheduledInputs { get; } = [];

        public List<(string, string)> Raised { get; } = [];

        public List<string> Purged { get; } = [];

        public override Task<string> ScheduleNewOrchestrationInstanceAsync(
            TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
        {
            var id = options!.InstanceId!;
            Scheduled.Add(id);
            ScheduledInputs.Add(input);
            Instances[id] = Instance(id, OrchestrationRuntimeStatus.Pending);
            return Task.FromResult(id);
        }

        public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
        {
            Raised.Add((instanceId, eventName));
            return Task.CompletedTask;
        }

        public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
            Task.FromResult(Instances.GetValueOrDefault(instanceId) is { } found ? Sent(found, getInputsAndOutputs) : null);

        public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
            Pageable.Create((string? _, int? _, CancellationToken _) => Task.FromResult(new Page<OrchestrationMetadata>(
                [.. Instances.Values.Where(i => filter?.Statuses is null || filter.Statuses.Contains(i.RuntimeStatus))
                    .Select(i => Sent(i, filter?.FetchInputsAndOutputs == true))], null)));

        private static OrchestrationMetadata Sent(OrchestrationMetadata instance, bool inputsAndOutputs) => inputsAndOutputs
            ? instance
            : new(instance.Name, instance.InstanceId) { RuntimeStatus = instance.RuntimeStatus, DataConverter = instance.DataConverter };

        public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
        {
            Purged.Add(instanceId);
            return Task.FromResult(new PurgeResult(Instances.Remove(instanceId) ? 1 : 0));
        }

        public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
