using Microsoft.DurableTask.Client;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Hosting;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// Where an HTTP function gets the case commands from. Functions that command cases declare a
/// <c>[DurableClient] DurableTaskClient?</c> parameter: on Azure the Functions host binds it and the commands go
/// through it; the local host passes null, as its commands go through the task hub it runs itself.
/// </summary>
public interface ICaseCommandsSource
{
    ICaseCommands For(DurableTaskClient? client);

    /// <summary>The operator desk over the same orchestrations (the operations pages).</summary>
    Operators.OperatorDesk DeskFor(DurableTaskClient? client);
}

/// <summary>Local host: the app's own engine (the in-process task hub, or the in-memory one of the fast tests).</summary>
public sealed class LocalCaseCommands(IServiceProvider services) : ICaseCommandsSource
{
    public ICaseCommands For(DurableTaskClient? client) => services.GetRequiredService<ICaseCommands>();

    public Operators.OperatorDesk DeskFor(DurableTaskClient? client) => services.GetRequiredService<Operators.OperatorDesk>();
}

/// <summary>Azure: the orchestrations through the client the Functions host bound to this invocation.</summary>
public sealed class BoundCaseCommands(IServiceProvider services) : ICaseCommandsSource
{
    public ICaseCommands For(DurableTaskClient? client) => Commands(Orchestrations(client));

    public Operators.OperatorDesk DeskFor(DurableTaskClient? client)
    {
        var orchestrations = Orchestrations(client);
        return new Operators.OperatorDesk(orchestrations, Commands(orchestrations), services.GetRequiredService<Security.AuditLog>());
    }

    private static DurableCaseOrchestrations Orchestrations(DurableTaskClient? client) =>
        new(client ?? throw new InvalidOperationException("No [DurableClient] was bound."));

    // With the app's observer, as locally: each command's metric and log line (Hosting/Telemetry) on Azure too.
    private OrchestratedCaseCommands Commands(ICaseOrchestrations orchestrations) => new(
        orchestrations, services.GetRequiredService<ICaseReadModel>(), services.GetRequiredService<CaseDecider>(),
        services.GetRequiredService<TimeProvider>(), services.GetService<ICommandObserver>());
}
