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
}

/// <summary>
/// A durable timer. <paramref name="Round"/> ties it to the state it was set for (decision round, departure booking,
/// plan version or monitoring month), so a timer that fires after the case moved on does nothing: no cancelling needed.
/// </summary>
public sealed record CaseTimer(string CaseId, TimerKind Kind, int Round, DateTimeOffset DueAt)
{
    /// <summary>Deterministic: setting the same timer twice stores it once.</summary>
    public string TimerId => $"{CaseId}:{Kind}:{Round}";
}
