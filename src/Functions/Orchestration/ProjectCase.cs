using Microsoft.DurableTask;
using Reintegration.Domain.Runtime;

namespace Reintegration.Functions.Orchestration;

/// <summary>Writes a generation's events and the case's snapshot to the read model. Idempotent: rows keyed by version.</summary>
public sealed class ProjectCase(ICaseReadModel readModel) : TaskActivity<CaseProjection, bool>
{
    public const string Name = "ProjectCase";

    public override async Task<bool> RunAsync(TaskActivityContext context, CaseProjection input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await readModel.ProjectAsync(input.State, input.Events);
        return true;
    }
}
