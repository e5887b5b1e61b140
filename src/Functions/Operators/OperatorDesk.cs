using System.Security.Claims;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.Generations;
using Reintegration.Functions.Orchestration;
using Reintegration.Functions.Security;

namespace Reintegration.Functions.Operators;

/// <summary>
/// What an operator (a programme officer: the role that sees ids, kinds and dates but no names or free text) does with
/// cases whose work is stuck, on the Durable management API: list them, look at one, retry its failing work (a failed
/// instance is rehydrated from its last generation), skip one effect for good, or terminate it. Every action is an
/// audit row with the operator, the action and the reason; the orchestration itself only ever sees ids.
/// </summary>
public sealed class OperatorDesk(ICaseOrchestrations orchestrations, OrchestratedCaseCommands commands, AuditLog audit)
{
    /// <summary>The reason recorded with the instance; the operator's own words stay in the audit trail.</summary>
    public const string TerminationReason = "Terminated by an operator; the reason is in the case's audit trail.";

    public Task<IReadOnlyList<CaseInstance>> TroubledAsync(CancellationToken cancellationToken = default) =>
        orchestrations.TroubledAsync(cancellationToken: cancellationToken);

    public Task<CaseInstance> InstanceAsync(string caseId, CancellationToken cancellationToken = default) =>
        orchestrations.GetAsync(caseId, cancellationToken);

    /// <summary>Failing effects run now; a failed or terminated instance starts again from its last generation.</summary>
    public async Task<OperationAnswer> RetryAsync(
        ClaimsPrincipal user, string caseId, string reason, CancellationToken cancellationToken = default)
    {
        await audit.OperatedAsync(user, caseId, "retry", reason, cancellationToken);
        var instance = await orchestrations.GetAsync(caseId, cancellationToken);
        if (instance.Status is CaseInstanceStatus.Failed or CaseInstanceStatus.Terminated)
        {
            if (!await orchestrations.RehydrateAsync(caseId, cancellationToken))
            {
                return new OperationAnswer(CommandOutcome.Rejected, new Rejection("case-not-rehydrated",
                    $"Case {caseId} could not be started again: its last generation's input is missing."));
            }

            // Back from its last generation, whose failing effects wait for their retry time: they run now. That none
            // was failing is no refusal here: bringing the case back was the retry.
            var now = await commands.OperateAsync(caseId, new CaseOperation(Id(), OperationKind.RetryNow), cancellationToken);
            return now.Rejection?.Code == "effect-not-pending" ? new OperationAnswer(CommandOutcome.Accepted, null) : now;
        }

        return await commands.OperateAsync(caseId, new CaseOperation(Id(), OperationKind.RetryNow), cancellationToken);
    }

    public async Task<OperationAnswer> SkipAsync(
        ClaimsPrincipal user, string caseId, string effectId, string reason, CancellationToken cancellationToken = default)
    {
        await audit.OperatedAsync(user, caseId, $"skip {effectId}", reason, cancellationToken);
        return await commands.OperateAsync(
            caseId, new CaseOperation(Id(), OperationKind.SkipEffect, effectId), cancellationToken);
    }

    public async Task<OperationAnswer> TerminateAsync(
        ClaimsPrincipal user, string caseId, string reason, CancellationToken cancellationToken = default)
    {
        var instance = await orchestrations.GetAsync(caseId, cancellationToken);
        if (instance.Status is not (CaseInstanceStatus.Running or CaseInstanceStatus.Pending))
        {
            return new OperationAnswer(CommandOutcome.Rejected,
                new Rejection("case-not-running", $"Case {caseId} has no running orchestration to terminate ({instance.Status})."));
        }

        await audit.OperatedAsync(user, caseId, "terminate", reason, cancellationToken);
        await orchestrations.TerminateAsync(caseId, TerminationReason, cancellationToken);
        return new OperationAnswer(CommandOutcome.Accepted, null);
    }

    private static string Id() => "op:" + Guid.NewGuid().ToString("N");
}
