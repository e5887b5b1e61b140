using Reintegration.Domain.Cases;
using static Reintegration.Domain.Cases.CaseStage;

namespace Reintegration.Domain.Workflow;

/// <summary>One way a command moves a case (From may equal To: the command is accepted there and keeps the stage).</summary>
public sealed record Transition(CaseStage From, string Command, CaseStage To, string? When = null);

/// <summary>
/// The workflow's shape as data: which command each stage accepts and where it leads. The decider refuses any command
/// a stage does not list; the diagram and the command table in docs/ are generated from here; and the property tests
/// check that every stage change the decider makes is listed.
/// </summary>
public static class WorkflowMap
{
    public static readonly IReadOnlyList<CaseStage> OpenStages =
        [AwaitingDecision, AwaitingDeparture, DepartureBooked, Departed, AwaitingPlan, PlanPendingApproval, PlanRejected, Monitoring, FinancialReported];

    private static readonly CaseStage[] PostReturn = [AwaitingPlan, PlanPendingApproval, PlanRejected, Monitoring];

    /// <summary>Commands accepted in every open stage (and, for alerts and timers, in Closed too).</summary>
    public static readonly IReadOnlyList<Transition> Everywhere =
    [
        new(AwaitingDecision, nameof(CaseCommand.CloseCase), Closed, "withdrawn, moved or deceased (completed only after the financial report)"),
        new(AwaitingDecision, nameof(CaseCommand.RecordConsent), AwaitingDecision, "consent to share with the partner"),
        new(AwaitingDecision, nameof(CaseCommand.RaiseAlert), AwaitingDecision, "also when closed"),
        new(AwaitingDecision, nameof(CaseCommand.FireTimer), AwaitingDecision, "a timer the case has moved past does nothing; also when closed"),
    ];

    public static readonly IReadOnlyList<Transition> Transitions =
    [
        new(New, nameof(CaseCommand.SubmitApplication), AwaitingDecision),
        new(AwaitingDecision, nameof(CaseCommand.DecideEligibility), AwaitingDeparture, "eligible"),
        new(AwaitingDecision, nameof(CaseCommand.DecideEligibility), Closed, "not eligible"),
        new(AwaitingDecision, nameof(CaseCommand.FireTimer), Closed, "decision wait lapsed"),
        new(Closed, nameof(CaseCommand.ReopenCase), AwaitingDecision, "lapsed or not-travelled cases only"),
        new(AwaitingDeparture, nameof(CaseCommand.FireTimer), Closed, "no departure booked: lapsed"),
        new(DepartureBooked, nameof(CaseCommand.FireTimer), Closed, "no departure or arrival confirmed: not travelled"),
        new(AwaitingPlan, nameof(CaseCommand.FireTimer), Closed, "no plan"),
        new(PlanRejected, nameof(CaseCommand.FireTimer), Closed, "no revised plan: no plan"),
        new(PlanPendingApproval, nameof(CaseCommand.FireTimer), Closed, "plan not decided: no plan"),
        new(Monitoring, nameof(CaseCommand.FireTimer), Closed, "no financial report"),
        new(Departed, nameof(CaseCommand.FireTimer), Closed, "no financial report"),
        new(FinancialReported, nameof(CaseCommand.FireTimer), Closed, "completed"),
        new(AwaitingDeparture, nameof(CaseCommand.BookDeparture), DepartureBooked),
        new(DepartureBooked, nameof(CaseCommand.BookDeparture), DepartureBooked, "rebooked: deadlines re-armed"),
        new(DepartureBooked, nameof(CaseCommand.CancelDeparture), AwaitingDeparture),
        new(DepartureBooked, nameof(CaseCommand.RequestPostArrival), DepartureBooked, "with a partner, by the deadline"),
        new(DepartureBooked, nameof(CaseCommand.RecordDeparture), Departed, "no partner: cash at departure"),
        new(DepartureBooked, nameof(CaseCommand.ConfirmArrival), AwaitingPlan, "by the partner"),
        new(AwaitingPlan, nameof(CaseCommand.SubmitPlan), PlanPendingApproval),
        new(PlanRejected, nameof(CaseCommand.SubmitPlan), PlanPendingApproval, "revised"),
        new(PlanPendingApproval, nameof(CaseCommand.ApprovePlan), Monitoring),
        new(PlanPendingApproval, nameof(CaseCommand.RejectPlan), PlanRejected),
        .. PostReturn.Select(s => new Transition(s, nameof(CaseCommand.SubmitMonitoringReport), s)),
        new(Monitoring, nameof(CaseCommand.SubmitFinancialReport), FinancialReported, "after the monitoring months"),
        new(Monitoring, nameof(CaseCommand.SubmitFinancialReport), Closed, "early closure reason"),
        new(Departed, nameof(CaseCommand.SubmitFinancialReport), FinancialReported),
        new(Departed, nameof(CaseCommand.SubmitFinancialReport), Closed, "early closure reason"),
        new(FinancialReported, nameof(CaseCommand.CloseCase), Closed, "completed"),
        new(Closed, nameof(CaseCommand.ErasePersonalData), Closed, "GDPR: on request or after the retention period"),
    ];

    /// <summary>Every transition, with the everywhere-commands spelled out per stage.</summary>
    public static IEnumerable<Transition> All =>
        Transitions.Concat(OpenStages.SelectMany(stage => Everywhere.Select(t => t with { From = stage, To = t.To == Closed ? Closed : stage })))
            .Concat([new Transition(Closed, nameof(CaseCommand.RaiseAlert), Closed), new Transition(Closed, nameof(CaseCommand.FireTimer), Closed)]);

    public static bool Accepts(CaseStage stage, CaseCommand command) => Accepts(stage, command.GetType().Name);

    public static bool Accepts(CaseStage stage, string command) => All.Any(t => t.From == stage && t.Command == command);

    public static bool Allows(CaseStage from, string command, CaseStage to) =>
        All.Any(t => t.From == from && t.Command == command && t.To == to);

    public static IReadOnlyList<CaseStage> StagesAccepting(string command) =>
        All.Where(t => t.Command == command).Select(t => t.From).Distinct().Order().ToList();
}
