using Reintegration.Domain.Cases;
using static Reintegration.Domain.Cases.CaseCommand;

namespace Reintegration.Domain.Workflow;

/// <summary>
/// The round an e-mailed link was sent for (decision round, plan version, booking, monitoring month) and the one rule
/// that says whether the case has moved past it. The link page asks it before it shows a form; the decider asks it
/// before anything else, so a stale link is refused by name however its command arrives.
/// </summary>
public static class LinkRounds
{
    /// <summary>The link round a command carries; null when it has none (an API call acts on the current round).</summary>
    public static (LinkAction Action, int Round)? Of(CaseCommand command) => command switch
    {
        DecideEligibility { DecisionRound: { } round } => (LinkAction.DecideEligibility, round),
        ApprovePlan c => (LinkAction.DecidePlan, c.Version),
        RejectPlan c => (LinkAction.DecidePlan, c.Version),
        ConfirmArrival { Booking: { } booking } => (LinkAction.ConfirmArrival, booking),
        SubmitMonitoringReport c => (LinkAction.ReportMonitoring, c.Report.Month),
        _ => null,
    };

    /// <summary>
    /// Why the case no longer waits for <paramref name="round"/> of <paramref name="action"/>, or null while it does.
    /// </summary>
    public static Rejection? Stale(LinkAction action, int round, CaseState state) => action switch
    {
        LinkAction.DecideEligibility when state.Stage != CaseStage.AwaitingDecision || state.DecisionRound != round => new(
            "decision-round-stale",
            $"Decision round {round} is over (the case is {state.Stage}, decision round {state.DecisionRound}); "
            + "nothing was changed.",
            "decisionRound"),
        LinkAction.DecidePlan when state.Plan is { } plan && plan.Version > round => new(
            "plan-superseded",
            $"Plan version {round} was superseded by version {plan.Version}; nothing was changed.",
            "version"),
        LinkAction.DecidePlan when state.Stage != CaseStage.PlanPendingApproval => new(
            "plan-not-pending",
            $"Plan version {round} is not waiting for a decision (the case is {state.Stage}); nothing was changed.",
            "version"),
        LinkAction.ConfirmArrival when state.Stage != CaseStage.DepartureBooked || state.Booking != round => new(
            "booking-stale",
            $"Booking {round} is no longer the case's departure (the case is {state.Stage}, booking {state.Booking}); "
            + "nothing was changed.",
            "booking"),
        LinkAction.ReportMonitoring when state.MonitoringReports.ContainsKey(round) => new(
            "monitoring-report-exists",
            $"The report for month {round} was already submitted.",
            "month"),
        _ => null,
    };
}
