namespace Reintegration.Domain.Cases;

/// <summary>The kinds of durable timers a case sets.</summary>
public enum TimerKind
{
    DecisionReminder,
    DecisionLapse,
    PostArrivalReminder,
    PostArrivalLastDay,
    PlanReminder,
    PlanEscalation,
    MonitoringReminder,
    MonitoringOverdue,

    /// <summary>The retention period after closure ended: the person's data is erased.</summary>
    RetentionErasure,

    // The waiting stages' steps (WaitingStages): their round is the case version that set them, so a repeated
    // escalation is a timer of its own, and a timer set before the current wait began does nothing.
    DecisionEscalation,
    DepartureReminder,
    DepartureEscalation,
    DepartureLapse,
    ArrivalReminder,
    ArrivalEscalation,
    ArrivalEnd,
    PlanSubmissionReminder,
    PlanSubmissionEscalation,
    PlanSubmissionEnd,
    PlanApprovalEnd,
    FinancialReportReminder,
    FinancialReportEscalation,
    FinancialReportEnd,
    CompletionReminder,
    CompletionEscalation,
    CompletionEnd,
}

/// <summary>
/// A durable timer. <paramref name="Round"/> ties it to the state it was set for (departure booking, monitoring month,
/// or, for a waiting stage's steps, the case version that set it), so a timer that fires after the case moved on does
/// nothing: no cancelling needed.
/// </summary>
public sealed record CaseTimer(string CaseId, TimerKind Kind, int Round, DateTimeOffset DueAt)
{
    /// <summary>Deterministic: setting the same timer twice stores it once.</summary>
    public string TimerId => $"{CaseId}:{Kind}:{Round}";
}
