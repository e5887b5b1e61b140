namespace Reintegration.Functions.Orchestration;

/// <summary>Makes the orchestrator and activity instances a host runs (from the app's services, or a test's fakes).</summary>
public sealed record CaseOrchestrationParts(
    Func<CaseOrchestration> Orchestration, Func<ProjectCase> Projection, Func<RunCaseEffect> Effects);
