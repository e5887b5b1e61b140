using System.Text;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Runtime.InMemory;
using Reintegration.Functions.Intake;

namespace Reintegration.FaultRun;

/// <summary>
/// What one case of the script must leave behind, from the same script run in memory without faults
/// (<see cref="InMemoryCaseSystem"/>: the case's generations without a task hub): its events in order, its e-mail and
/// notice effect ids, and the timers still waiting at the end. Ids are relative to the case id (<c>{case}</c> stands
/// for it).
/// </summary>
public sealed record ReferenceCase(
    CaseStage FinalStage,
    IReadOnlyList<string> EventTypes,
    IReadOnlySet<string> MessageEffects,
    IReadOnlySet<string> TimersWaiting)
{
    public const string CaseToken = "{case}";

    public static async Task<ReferenceCase> RunAsync(CaseScript script)
    {
        var system = new InMemoryCaseSystem(script.Start, ProgrammeCatalog.Shipped());
        const string delivery = "reference";
        var caseId = CaseScript.CaseIdOf(delivery);

        async Task Do(CaseCommand command)
        {
            var result = await system.HandleAsync(command);
            if (result.Rejection is { } rejection)
            {
                throw new InvalidOperationException($"The script's {command.GetType().Name} is refused: {rejection.Message}");
            }
        }

        var form = NativeIntake.Read(Encoding.UTF8.GetBytes(CaseScript.Application));
        await Do(IntakeCommands.ToCommand(form.Form!, IntakeSources.Native, delivery, system.Now));
        await Do(script.Decision(caseId, system.Now));
        await Do(script.Booking(caseId, system.Now));
        await Do(script.PostArrival(caseId, system.Now));
        await system.AdvanceToAsync(script.ArrivalDay);
        await Do(script.Arrival(caseId, system.Now));
        await Do(script.Plan(caseId, system.Now));
        await Do(script.Approval(caseId, system.Now));
        for (var month = 1; month <= CaseScript.MonitoringMonths; month++)
        {
            await system.AdvanceToAsync(script.MonitoringDay(month));
            await Do(script.Report(caseId, system.Now, month));
        }

        await Do(script.Financial(caseId, system.Now));
        await Do(script.Closure(caseId, system.Now));
        await system.AdvanceToAsync(script.End);

        string Relative(string id) => id.Replace(caseId, CaseToken, StringComparison.Ordinal);
        var state = await system.CaseAsync(caseId);
        var events = await system.Store.ReadEventsAsync(caseId);
        return new ReferenceCase(
            state.Stage,
            [.. events.OrderBy(e => e.Version).Select(e => e.Event.GetType().Name)],
            system.Messages.Sent.Select(e => Relative(e.EffectId)).ToHashSet(StringComparer.Ordinal),
            system.Timers.Select(t => Relative(t.TimerId)).ToHashSet(StringComparer.Ordinal));
    }
}
