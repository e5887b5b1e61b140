using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Orchestration;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// Which engine runs the cases. <c>Engine:Mode</c> = <c>Durable</c> (the default on Azure storage): each case is an
/// orchestration on the Durable Task Azure Storage provider, run in this process by <see cref="LocalTaskHub"/> (needs
/// <c>Storage:ConnectionString</c>); the read model is the same case table. <c>Store</c> (the default in memory, until
/// the in-memory mode runs the orchestration too): the case store's runtime with its outbox, timer sweep and work queue.
/// </summary>
public static class EngineSetup
{
    public static bool IsDurable(IConfiguration config) =>
        string.Equals(Mode(config), "Durable", StringComparison.OrdinalIgnoreCase);

    private static string Mode(IConfiguration config) => config["Engine:Mode"]
        ?? (string.Equals(config["Storage:Mode"], "InMemory", StringComparison.OrdinalIgnoreCase) ? "Store" : "Durable");

    public static void AddCaseEngine(this IServiceCollection services, IConfiguration config)
    {
        var mode = Mode(config);
        if (!IsDurable(config))
        {
            if (!string.Equals(mode, "Store", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Engine:Mode must be Store or Durable, not '{mode}'.");
            }

            services.AddSingleton<ICaseCommands>(sp => sp.GetRequiredService<CaseRuntime>());
            return;
        }

        services.AddSingleton<LocalTaskHubHost>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalTaskHubHost>());
        services.AddSingleton<ICaseOrchestrations>(sp => sp.GetRequiredService<LocalTaskHubHost>());
        services.AddSingleton(sp => new OrchestratedCaseCommands(
            sp.GetRequiredService<ICaseOrchestrations>(), ReadModel(sp), sp.GetRequiredService<CaseDecider>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ICaseCommands>(sp => sp.GetRequiredService<OrchestratedCaseCommands>());
        services.AddSingleton<FailedCasesWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<FailedCasesWatch>());
    }

    public static ICaseReadModel ReadModel(IServiceProvider services) =>
        services.GetRequiredService<ICaseStore>() as ICaseReadModel
            ?? throw new InvalidOperationException("The case store is no read model.");
}

/// <summary>Starts the local task hub with the app's services and stops it with the app; the app's orchestration port.</summary>
public sealed class LocalTaskHubHost(IServiceProvider services, IConfiguration config, ILoggerFactory loggers)
    : IHostedService, ICaseOrchestrations
{
    private LocalTaskHub? hub;

    private LocalTaskHub Hub => hub ?? throw new InvalidOperationException("The task hub has not started yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = config["Storage:ConnectionString"] is { Length: > 0 } c
            ? c
            : throw new InvalidOperationException("Engine:Mode=Durable runs locally on Storage:ConnectionString (Azurite).");
        var name = config["Engine:TaskHub"] is { Length: > 0 } n ? n : (config["Storage:Prefix"] ?? string.Empty) + "cases";
        var parts = CaseOrchestrationParts.Of(
            services.GetRequiredService<CaseDecider>(), EngineSetup.ReadModel(services), services.GetRequiredService<ICaseIndex>(),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IMessageSender>(),
            services.GetRequiredService<ICaseDocuments>());
        hub = await LocalTaskHub.StartAsync(connection, new string([.. name.Where(char.IsAsciiLetterOrDigit)]), parts, loggers);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may stop twice (a test host does): the hub is stopped once.
        if (Interlocked.Exchange(ref hub, null) is { } started)
        {
            await started.DisposeAsync();
        }
    }

    public Task<bool> StartAsync(string caseId, Domain.Runtime.Generations.CaseGeneration first, CancellationToken cancellationToken = default) =>
        Hub.StartAsync(caseId, first, cancellationToken);

    public Task<bool> SendAsync(string caseId, Domain.Runtime.Generations.CaseMessage message, CancellationToken cancellationToken = default) =>
        Hub.SendAsync(caseId, message, cancellationToken);

    public Task<CaseInstance> GetAsync(string caseId, CancellationToken cancellationToken = default) => Hub.GetAsync(caseId, cancellationToken);

    public Task TerminateAsync(string caseId, string reason, CancellationToken cancellationToken = default) =>
        Hub.TerminateAsync(caseId, reason, cancellationToken);

    public Task<int> PurgeAsync(string caseId, CancellationToken cancellationToken = default) => Hub.PurgeAsync(caseId, cancellationToken);

    public Task<bool> RehydrateAsync(string caseId, CancellationToken cancellationToken = default) =>
        Hub.RehydrateAsync(caseId, cancellationToken);

    public Task<IReadOnlyList<string>> FailedAsync(CancellationToken cancellationToken = default) => Hub.FailedAsync(cancellationToken);
}
