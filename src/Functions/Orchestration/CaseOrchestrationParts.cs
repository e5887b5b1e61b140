using Reintegration.Domain.Runtime;
using Reintegration.Domain.Workflow;

namespace Reintegration.Functions.Orchestration;

/// <summary>Makes the orchestrator and activity instances a host runs (from the app's services, or a test's fakes).</summary>
public sealed record CaseOrchestrationParts(
    Func<CaseOrchestration> Orchestration, Func<ProjectCase> Projection, Func<RunCaseEffect> Effects)
{
    /// <summary>
    /// The orchestration and its activities over these ports: the app, the tests and the benchmark use it. Without an
    /// <paramref name="audit"/> trail (the benchmark, tests of the orchestration alone) an erasure has no audit
    /// reasons to forget.
    /// </summary>
    public static CaseOrchestrationParts Of(
        CaseDecider decider, ICaseReadModel readModel, ICaseIndex index, TimeProvider clock, IMessageSender messages,
        ICaseDocuments documents, Security.IAuditTrail? audit = null) => new(
        () => new CaseOrchestration(decider),
        () => new ProjectCase(readModel, index, decider.Programmes, clock),
        () => new RunCaseEffect(messages, readModel, documents, audit));
}
