using Microsoft.DurableTask;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;

namespace Reintegration.Functions.Orchestration;

/// <summary>
/// Runs one effect a decision asked for: an e-mail or partner notice (the sender keeps each effect id once), or the
/// erasure of the case's personal history and documents. Runs at least once, so each is idempotent by effect id.
/// Timers are not effects here: they live in the case's generation.
/// </summary>
public sealed class RunCaseEffect(
    IMessageSender messages, ICaseReadModel readModel, ICaseDocuments documents, Security.IAuditTrail? audit = null)
    : TaskActivity<CaseEffect, bool>
{
    public const string Name = "RunCaseEffect";

    public override async Task<bool> RunAsync(TaskActivityContext context, CaseEffect input)
    {
        ArgumentNullException.ThrowIfNull(input);
        switch (input)
        {
            case CaseEffect.ErasePersonalHistory erase:
                await readModel.RedactHistoryAsync(erase.CaseId, PersonalData.Redact);
                await readModel.ForgetSecretsAsync(erase.CaseId);
                await documents.DeleteAllAsync(erase.CaseId);
                if (audit is not null)
                {
                    await audit.ForgetReasonsAsync(erase.CaseId, CancellationToken.None);
                }

                break;
            case CaseEffect.ScheduleTimer:
                throw new InvalidOperationException("Timers live in the case's generation, not in activities.");
            default:
                await messages.SendAsync(input);
                break;
        }

        return true;
    }
}
