using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Orchestration.InMemory;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// Each case is a Durable Task orchestration (<see cref="CaseOrchestration"/>), the one engine. On Azure storage it
/// runs on the Durable Task Azure Storage provider, in this process by <see cref="LocalTaskHub"/> (needs
/// <c>Storage:ConnectionString</c>); with <c>Storage:Mode=InMemory</c> the same orchestration class runs in memory
/// (<see cref="InMemoryCaseOrchestrations"/>). Either way the edge talks to <see cref="OrchestratedCaseCommands"/>.
/// </summary>
public static class EngineSetup
{
    public static void AddCaseEngine(this IServiceCollection services, IConfiguration config)
    {
        // The parts resolve their services when first made, not when the host builds its hosted services: the
        // configuration check must get to name what is missing first.
        services.AddSingleton(sp => new CaseOrchestrationParts(
            () => new CaseOrchestration(sp.GetRequiredService<CaseDecider>()),
            () => new ProjectCase(
                ReadModel(sp), sp.GetRequiredService<ICaseIndex>(), sp.GetRequiredService<ProgrammeCatalog>(),
                sp.GetRequiredService<TimeProvider>()),
            () => new RunCaseEffect(
                sp.GetRequiredService<IMessageSender>(), ReadModel(sp), sp.GetRequiredService<ICaseDocuments>(),
                sp.GetRequiredService<Security.IAuditTrail>())));
        if (string.Equals(config["Storage:Mode"], "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ICaseOrchestrations>(sp => new InMemoryCaseOrchestrations(
                sp.GetRequiredService<CaseOrchestrationParts>(), sp.GetRequiredService<ILoggerFactory>()));
        }
        else
        {
            services.AddSingleton<LocalTaskHubHost>();
            services.AddHostedService(sp => sp.GetRequiredService<LocalTaskHubHost>());
            services.AddSingleton<ICaseOrchestrations>(sp => sp.GetRequiredService<LocalTaskHubHost>());
        }

        services.AddSingleton(sp => new OrchestratedCaseCommands(
            sp.GetRequiredService<ICaseOrchestrations>(), ReadModel(sp), sp.GetRequiredService<CaseDecider>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ICommandObserver>()));
        services.AddSingleton<ICaseCommands>(sp => sp.GetRequiredService<OrchestratedCaseCommands>());
        services.AddSingleton<Operators.OperatorDesk>();
        services.AddSingleton<FailedCasesWatch>();
        services.AddSingleton<UnsettledStartsSweep>();
        services.AddSingleton<ErasedCasesPurge>();
        services.AddSingleton<CaseWatchBeat>();
        services.AddHostedService<FailedCasesLoop>();
    }

    private static ICaseReadModel ReadModel(IServiceProvider services) => services.GetRequiredService<ICaseReadModel>();
}

/// <summary>Starts the local task hub with the app's services and stops it with the app; the app's orchestration port.</summary>
public sealed partial class LocalTaskHubHost(CaseOrchestrationParts parts, IConfiguration config, ILoggerFactory loggers)
    : IHostedService, ICaseOrchestrations
{
    private LocalTaskHub? hub;

    private LocalTaskHub Hub => hub ?? throw new InvalidOperationException("The task hub has not started yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = config["Storage:ConnectionString"] is { Length: > 0 } c
            ? c
            : throw new InvalidOperationException("The local task hub runs on Storage:ConnectionString (Azurite).");
        TimeSpan? Span(string key) =>
            TimeSpan.TryParse(config[key], System.Globalization.CultureInfo.InvariantCulture, out var span) ? span : null;

        // Settings for tests and measurements only. They poll faster than host.json's 1 s: a test takes its steps one
        // after another on an otherwise idle hub, where each queue hop would wait for a backed-off poll. The small fault
        // run kills the app three times; each kill leaves the messages it held invisible for the visibility timeout,
        // and the run waits for them: it sets 20 s, the product keeps host.json's minute. Engine:Partitions measures
        // what fewer control queues do on Azurite (docs/RELIABILITY.md); the product keeps host.json's 4.
        hub = await LocalTaskHub.StartAsync(
            connection, TaskHubName(config), parts, loggers,
            Span("Engine:LongestPoll") ?? LocalTaskHub.LongestPoll, messageVisibility: Span("Engine:MessageVisibility"),
            partitions: int.TryParse(config["Engine:Partitions"], out var count) && count is >= 1 and <= 16 ? count : null);
    }

    /// <summary>The local task hub's name: <c>Engine:TaskHub</c>, or the storage prefix and "cases", in letters and digits.</summary>
    public static string TaskHubName(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var name = config["Engine:TaskHub"] is { Length: > 0 } n ? n : (config["Storage:Prefix"] ?? string.Empty) + "cases";
        return new string([.. name.Where(char.IsAsciiLetterOrDigit)]);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may stop twice (a test host does): the hub is stopped once. Within the host's shutdown timeout: with
        // Azurite gone (Ctrl+C reaches it first) the worker's stop waits on storage for ever, and the app would not exit.
        if (Interlocked.Exchange(ref hub, null) is { } started)
        {
            try
            {
                await started.DisposeAsync().AsTask().WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // What the worker held comes back to the task hub after the messages' visibility timeout.
                StoppedWithoutHub(loggers.CreateLogger<LocalTaskHubHost>());
            }
        }
    }

    [LoggerMessage(EventId = 9301, Level = LogLevel.Warning, Message = "The task hub did not stop within the host's shutdown timeout (is storage reachable?); the app stops without it")]
    private static partial void StoppedWithoutHub(ILogger logger);

    public Task<bool> StartAsync(string caseId, Domain.Runtime.Generations.CaseGeneration first, CancellationToken cancellationToken = default) =>
        Hub.StartAsync(caseId, first, cancellationToken);

    public Task<SendOutcome> SendAsync(string caseId, Domain.Runtime.Generations.CaseMessage message, CancellationToken cancellationToken = default) =>
        Hub.SendAsync(caseId, message, cancellationToken);

    public Task<CaseInstance> GetAsync(string caseId, CancellationToken cancellationToken = default) => Hub.GetAsync(caseId, cancellationToken);

    public Task TerminateAsync(string caseId, string reason, CancellationToken cancellationToken = default) =>
        Hub.TerminateAsync(caseId, reason, cancellationToken);

    public Task<int> PurgeAsync(string caseId, CancellationToken cancellationToken = default) => Hub.PurgeAsync(caseId, cancellationToken);

    public Task<bool> RehydrateAsync(string caseId, CancellationToken cancellationToken = default) =>
        Hub.RehydrateAsync(caseId, cancellationToken);

    public Task<IReadOnlyList<CaseInstance>> TroubledAsync(
        bool failedOnly = false, CancellationToken cancellationToken = default) =>
        Hub.TroubledAsync(failedOnly, cancellationToken);

    public Task<IReadOnlyList<string>> CompletedAsync(CancellationToken cancellationToken = default) => Hub.CompletedAsync(cancellationToken);
}
