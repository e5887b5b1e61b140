using Reintegration.Domain.Calendar;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using static Reintegration.Domain.Cases.CaseStage;

namespace Reintegration.Domain.Workflow;

/// <summary>What a case can be waiting for: each has its own settings in <c>deadlines.waits</c>.</summary>
public enum WaitKind
{
    Decision,
    Departure,
    Arrival,
    Plan,
    PlanApproval,
    FinancialReport,
    Completion,
}

/// <summary>
/// A stage in which the case waits for someone: who is reminded, and how the wait ends. Escalations always go to the
/// programme officer and repeat until the end. <see cref="Reminder"/>, <see cref="Escalation"/> and
/// <see cref="End"/> are its timers.
/// </summary>
public sealed record WaitingStage(
    WaitKind Kind,
    IReadOnlyList<CaseStage> Stages,
    string WaitsFor,
    string Reminded,
    string Ends,
    TimerKind Reminder,
    TimerKind Escalation,
    TimerKind End)
{
    public bool Owns(TimerKind kind) => kind == Reminder || kind == Escalation || kind == End;
}

/// <summary>Every waiting stage of the workflow, when its wait began and when it ends.</summary>
public static class WaitingStages
{
    public static readonly IReadOnlyList<WaitingStage> All =
    [
        new(WaitKind.Decision, [AwaitingDecision], "the agency's eligibility decision", "the agency (with its link)",
            "closed as lapsed (can be reopened)",
            TimerKind.DecisionReminder, TimerKind.DecisionEscalation, TimerKind.DecisionLapse),
        new(WaitKind.Departure, [AwaitingDeparture], "the counsellor to book the departure", "the counsellor",
            "closed as lapsed: the eligibility decision is stale (can be reopened)",
            TimerKind.DepartureReminder, TimerKind.DepartureEscalation, TimerKind.DepartureLapse),
        new(WaitKind.Arrival, [DepartureBooked], "the arrival (partner) or the departure record (no partner), "
            + "counted from the booked departure date", "the counsellor, and the partner with its link",
            "closed as not travelled (can be reopened)",
            TimerKind.ArrivalReminder, TimerKind.ArrivalEscalation, TimerKind.ArrivalEnd),
        new(WaitKind.Plan, [AwaitingPlan, PlanRejected], "a plan, or its revision", "the counsellor",
            "closed as no plan",
            TimerKind.PlanSubmissionReminder, TimerKind.PlanSubmissionEscalation, TimerKind.PlanSubmissionEnd),
        new(WaitKind.PlanApproval, [PlanPendingApproval], "the caseworker's decision on the plan",
            "the agency (with its link)", "closed as no plan",
            TimerKind.PlanReminder, TimerKind.PlanEscalation, TimerKind.PlanApprovalEnd),
        new(WaitKind.FinancialReport, [Monitoring, Departed], "the financial report, counted from the end of the "
            + "monitoring months (without a partner, from the recorded departure)", "the agency, and the partner",
            "closed as no financial report",
            TimerKind.FinancialReportReminder, TimerKind.FinancialReportEscalation, TimerKind.FinancialReportEnd),
        new(WaitKind.Completion, [FinancialReported], "the counsellor to close the completed case", "the counsellor",
            "closed as completed",
            TimerKind.CompletionReminder, TimerKind.CompletionEscalation, TimerKind.CompletionEnd),
    ];

    /// <summary>The wait a case in <paramref name="stage"/> is in, or null when it waits for nobody.</summary>
    public static WaitingStage? Of(CaseStage stage) => All.FirstOrDefault(w => w.Stages.Contains(stage));

    /// <summary>The wait a timer belongs to, or null for the timers outside the waits (post-arrival, monitoring).
    /// </summary>
    public static WaitingStage? OfTimer(TimerKind kind) => All.FirstOrDefault(w => w.Owns(kind));

    /// <summary>Whether a reminder of this kind went to the programme officer (an escalation) rather than the one
    /// waited for.</summary>
    public static bool IsEscalation(TimerKind kind) =>
        kind == TimerKind.MonitoringOverdue || All.Any(w => w.Escalation == kind);

    /// <summary>How many of the reminders a case sent were escalations.</summary>
    public static int EscalationsSent(CaseState state) =>
        state.RemindersSent.Count(key => CaseState.ReminderKindOf(key) is { } kind && IsEscalation(kind));

    public static WaitSettings For(this ProgrammeWaits waits, WaitKind kind) => kind switch
    {
        WaitKind.Decision => waits.Decision,
        WaitKind.Departure => waits.Departure,
        WaitKind.Arrival => waits.Arrival,
        WaitKind.Plan => waits.Plan,
        WaitKind.PlanApproval => waits.PlanApproval,
        WaitKind.FinancialReport => waits.FinancialReport,
        _ => waits.Completion,
    };

    /// <summary>When the case's current wait began, or null when it waits for nobody.</summary>
    public static DateTimeOffset? StartedAt(CaseState state, Programme programme)
    {
        var stage = Of(state.Stage);
        return stage?.Kind switch
        {
            null => null,
            WaitKind.Arrival => Deadline.StartOf(state.Departure!.Value),
            WaitKind.FinancialReport when state.Stage == Monitoring => Deadline.StartOf(
                CaseEvolution.MonitoringDate(state.ArrivedOn!.Value, programme.Deadlines.MonitoringMonths)),
            _ => state.StageHistory.Count > 0 ? state.StageHistory[^1].EnteredAt : null,
        };
    }

    /// <summary>When the case's current wait ends if nobody acts, or null when it waits for nobody.</summary>
    public static DateTimeOffset? EndsAt(CaseState state, Programme programme) =>
        Of(state.Stage) is { } wait && StartedAt(state, programme) is { } started
            ? started.AddDays(programme.Deadlines.Waits.For(wait.Kind).EndAfterDays)
            : null;
}
