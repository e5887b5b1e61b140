using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Domain.Cases;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// The case orchestration and its activities as Functions for the Durable extension on Azure. The class-based
/// orchestrator generator is not served, so each is a small wrapper around the very classes the local task hub runs.
/// </summary>
public sealed class CaseFunctions(CaseOrchestrationParts parts)
{
    [Function(CaseOrchestration.Name)]
    public Task<string?> RunCaseAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return parts.Orchestration().RunAsync(context, context.GetInput<CaseGeneration>()!);
    }

    [Function(ProjectCase.Name)]
    public Task<bool> ProjectCaseAsync([ActivityTrigger] CaseProjection input, FunctionContext function) =>
        parts.Projection().RunAsync(new ActivityContext(ProjectCase.Name, function), input);

    [Function(RunCaseEffect.Name)]
    public Task<bool> RunCaseEffectAsync([ActivityTrigger] CaseEffect input, FunctionContext function) =>
        parts.Effects().RunAsync(new ActivityContext(RunCaseEffect.Name, function), input);

    /// <summary>What an activity may ask of its context: its name and instance (the invocation, on Azure).</summary>
    private sealed class ActivityContext(string name, FunctionContext function) : TaskActivityContext
    {
        public override TaskName Name => name;

        public override string InstanceId => function.InvocationId;
    }
}
