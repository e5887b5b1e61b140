using Microsoft.DurableTask;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime;
using Reintegration.Storage.Cases;

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
        var secrets = await readModel.ReadSecretsAsync(input.State.CaseId);
        var state = Unsealing.Unseal(input.State, secrets);
        // A late run of an older projection writes nothing: not its events, nor the case list's row back a stage.
        if (await readModel.ProjectAsync(state, Unsealing.Unseal(input.Events, secrets)) && state.File is { } file)
        {
            await index.UpsertAsync(CaseSummary.Of(state, programmes.Get(file.ProgrammeId), clock.GetUtcNow()));
        }

        return true;
    }
}
