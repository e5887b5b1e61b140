using Microsoft.DurableTask;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// Writes a generation's events and the case's snapshot to the read model, then its row in the case list.
/// Idempotent: rows keyed by version and case id.
/// </summary>
public sealed class ProjectCase(ICaseReadModel readModel, ICaseIndex index, ProgrammeCatalog programmes, TimeProvider clock)
    : TaskActivity<CaseProjection, bool>
{
    public const string Name = "ProjectCase";

    public override async Task<bool> RunAsync(TaskActivityContext context, CaseProjection input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await readModel.ProjectAsync(input.State, input.Events);
        if (input.State.File is { } file)
        {
            var next = NextDeadline.Of(input.State, programmes.Get(file.ProgrammeId));
            await index.UpsertAsync(CaseSummary.Of(input.State, next, clock.GetUtcNow()));
        }

        return true;
    }
}
