using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Workflow;
using Reintegration.Functions.Orchestration;
using Reintegration.Storage.Cases;

namespace Reintegration.Functions.Hosting;

/// <summary>
/// The Azure host: the isolated worker started by the Functions host, with ASP.NET Core integration for the HTTP
/// triggers. The Durable extension in the Functions host runs the case orchestration and its activities through the
/// <c>[Function]</c> wrappers in <c>Orchestration/CaseFunctions</c>; HTTP functions reach the orchestrations through
/// their <c>[DurableClient]</c> binding (docs/ARCHITECTURE.md, "Two hosts").
/// </summary>
public static class FunctionsApp
{
    /// <summary>The Functions host starts its worker with <c>--functions-uri</c> (beside older names).</summary>
    public static bool IsStartedByFunctionsHost(IReadOnlyList<string> args) =>
        args.Any(a => a.StartsWith("--functions-uri", StringComparison.Ordinal));

    public static IHost Build(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<RequestGateMiddleware>();
        ReintegrationServices.Add(builder);
        var services = builder.Services;
        // Orchestration payloads and custom status in the case JSON, as in the local task hub.
        services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(CaseJson.Options));
        services.AddSingleton(sp => CaseOrchestrationParts.Of(
            sp.GetRequiredService<CaseDecider>(), sp.GetRequiredService<ICaseReadModel>(), sp.GetRequiredService<ICaseIndex>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IMessageSender>(),
            sp.GetRequiredService<ICaseDocuments>(), sp.GetRequiredService<Security.IAuditTrail>()));
        services.AddSingleton<ICaseCommandsSource>(sp => new BoundCaseCommands(sp));
        services.AddSingleton<FailedCasesWatch>();
        services.AddSingleton<UnsettledStartsSweep>();
        services.AddSingleton<ErasedCasesPurge>();
        services.AddSingleton<CaseWatchBeat>();
        services.TrustLoopback();
        return builder.Build();
    }
}
