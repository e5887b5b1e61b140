using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using static Reintegration.Domain.Cases.CaseCommand;

namespace Reintegration.Domain.Workflow;

/// <summary>
/// <c>Decide(command, state) → events + effects</c> for the whole case workflow. Pure: time comes on the command,
/// the programme's rules from the catalog. A command the stage does not accept is a named rejection, not an exception.
/// </summary>
public sealed partial class CaseDecider(ProgrammeCatalog programmes)
{
    public ProgrammeCatalog Programmes => programmes;

    public Decision Decide(CaseCommand command, CaseState state)
    {
        if (command is SubmitApplication intake)
        {
            return state.Stage == CaseStage.New ? Intake(intake, state) : Decision.Reject("case-exists", $"Case {state.CaseId} already exists.");
        }

        if (state.Stage == CaseStage.New)
        {
            return Decision.Reject("case-not-found", $"There is no case {command.CaseId}.");
        }

        // Before the stage: a link the case has moved past is refused by name, whatever the stage is now.
        if (LinkRounds.Of(command) is { } link && LinkRounds.Stale(link.Action, link.Round, state) is { } stale)
        {
            return new Decision([], [], stale);
        }

        if (!WorkflowMap.Accepts(state.Stage, command))
        {
            return Decision.Reject(
                "not-accepted-in-stage",
                $"{command.GetType().Name} is not accepted while the case is {state.Stage}; it is accepted in: {string.Join(", ", WorkflowMap.StagesAccepting(command.GetType().Name))}.");
        }

        var build = new DecisionBuilder(state, programmes.Get(state.File!.ProgrammeId), command);
        var rejection = command switch
        {
            DecideEligibility c => DecideEligibility(c, build),
            ReopenCase c => Reopen(c, build),
            BookDeparture c => BookDeparture(c, build),
            CancelDeparture c => CancelDeparture(c, build),
            RequestPostArrival c => RequestPostArrival(c, build),
            RecordConsent c => RecordConsent(c, build),
            RecordDeparture c => RecordDeparture(c, build),
            ConfirmArrival c => ConfirmArrival(c, build),
            SubmitPlan c => SubmitPlan(c, build),
            ApprovePlan c => ApprovePlan(c, build),
            RejectPlan c => RejectPlan(c, build),
            SubmitMonitoringReport c => SubmitMonitoringReport(c, build),
            SubmitFinancialReport c => SubmitFinancialReport(c, build),
            CloseCase c => Close(c, build),
            RaiseAlert c => RaiseAlert(c, build),
            ErasePersonalData c => Erase(c, build),
            FireTimer c => FireTimer(c, build),
            _ => throw new InvalidOperationException($"No decision for {command.GetType().Name}."),
        };
        return rejection is null ? build.Build() : new Decision([], [], rejection);
    }

    private Programme ProgrammeOf(CaseState state) => programmes.Get(state.File!.ProgrammeId);

    private static Rejection Refuse(string code, string message, string? field = null) => new(code, message, field);

    private static Rejection? Erase(ErasePersonalData command, DecisionBuilder build)
    {
        if (build.State.PersonalDataErasedAt is null)
        {
            build.Then(new CaseEvent.PersonalDataErased(command.At)).EraseHistory();
        }

        return null;
    }

    private static Rejection? RaiseAlert(RaiseAlert command, DecisionBuilder build)
    {
        build.Then(new CaseEvent.AlertRaised(command.Kind, command.Detail, command.At));

        // A bounced alert e-mail must not raise another e-mail: delivery alerts show on the case and in the list only.
        if (command.Kind == AlertKind.ProcessingFailed)
        {
            build.Email(EmailTemplate.CaseAlert, RecipientRole.Counsellor);
        }

        return null;
    }
}
