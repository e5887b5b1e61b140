using Azure.Data.Tables;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reintegration.Functions.Orchestration;

/// <summary>
/// The yardstick for the case orchestration: the same two activities a case command costs (a table write and an
/// e-mail) in a loop that waits for an event and continues as new, with no decider, no state and no timer. Run on the
/// same provider and settings as <c>LocalTaskHub</c>, in the same benchmark run.
/// </summary>
public sealed class BareHub : IAsyncDisposable
{
    private const string Name = "Bare";
    private readonly TaskHubWorker worker;
    private readonly TaskHubClient client;

    private BareHub(TaskHubWorker worker, TaskHubClient client) => (this.worker, this.client) = (worker, client);

    public static async Task<BareHub> StartAsync(string connection, string hubName, TableClient table, Func<string, Task> email,
        TimeSpan longestPoll, ILoggerFactory loggers)
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connection),
            TaskHubName = hubName,
            PartitionCount = 4,
            MaxQueuePollingInterval = longestPoll,
            LoggerFactory = loggers,
            ControlQueueVisibilityTimeout = LocalTaskHub.MessageVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = LocalTaskHub.MessageVisibilityTimeout,
        });
        await service.CreateIfNotExistsAsync();
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), NullLoggerFactory.Instance);
        var worker = new TaskHubWorker(service, loggers);
        worker.AddTaskOrchestrations(new NamedCreator<TaskOrchestration>(Name, () => shims.CreateOrchestration(Name, new Loop())));
        worker.AddTaskActivities(
            new NamedCreator<TaskActivity>("BareWrite", () => shims.CreateActivity("BareWrite", new Write(table))),
            new NamedCreator<TaskActivity>("BareEmail", () => shims.CreateActivity("BareEmail", new Email(email))));
        await worker.StartAsync();
        return new BareHub(worker, new TaskHubClient(service, loggerFactory: NullLoggerFactory.Instance));
    }

    /// <summary>Starts the instance with its intake's work in its first generation, as a case starts: nothing is raised to a new instance.</summary>
    public Task StartAsync(string id) => client.CreateOrchestrationInstanceAsync(Name, string.Empty, id, id + StartMark);

    /// <summary>Marks a new instance's input: its first generation does the intake's write and e-mail without waiting.</summary>
    private const string StartMark = "|start";

    public async Task SendAsync(string id, int n)
    {
        // As the case edge does: read the instance, then raise the event.
        _ = await client.GetOrchestrationStateAsync(id);
        await client.RaiseEventAsync(new OrchestrationInstance { InstanceId = id }, "message", n);
    }

    public async ValueTask DisposeAsync()
    {
        await worker.StopAsync(isForced: true);
        worker.Dispose();
    }

    // The activities are registered by name with the TaskHubWorker above, where the Durable analyzer cannot see them.
#pragma warning disable DURABLE2003
    private sealed class Loop : TaskOrchestrator<string, string?>
    {
        public override async Task<string?> RunAsync(TaskOrchestrationContext context, string input)
        {
            var starting = input.EndsWith(StartMark, StringComparison.Ordinal);
            var id = starting ? input[..^StartMark.Length] : input;
            var n = starting ? 0 : await context.WaitForExternalEvent<int>("message");
            await context.CallActivityAsync("BareWrite", $"{id}:{n}");
            await context.CallActivityAsync("BareEmail", id);
            context.ContinueAsNew(id, preserveUnprocessedEvents: true);
            return null;
        }
    }
#pragma warning restore DURABLE2003

    private sealed class Write(TableClient table) : Microsoft.DurableTask.TaskActivity<string, bool>
    {
        public override async Task<bool> RunAsync(TaskActivityContext context, string input)
        {
            var id = input[..input.IndexOf(':', StringComparison.Ordinal)];
            await table.UpsertEntityAsync(new TableEntity(id, "case") { ["Step"] = input, ["Body"] = new string('x', 2000) });
            return true;
        }
    }

    private sealed class Email(Func<string, Task> send) : Microsoft.DurableTask.TaskActivity<string, bool>
    {
        public override async Task<bool> RunAsync(TaskActivityContext context, string input)
        {
            await send(input);
            return true;
        }
    }
}
