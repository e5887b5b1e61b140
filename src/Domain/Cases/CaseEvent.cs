using Reintegration.Domain.Budget;
using Reintegration.Domain.Eligibility;

namespace Reintegration.Domain.Cases;

/// <summary>A fact on the case's timeline, in the past tense, with the moment it happened.</summary>
public abstract record CaseEvent
{
    private CaseEvent(DateTimeOffset at) => At = at;

    /// <summary>When it happened (each event also names it in its own words, e.g. <c>ApprovedAt</c>).</summary>
    public DateTimeOffset At { get; }

    /// <summary>
    /// The application; <paramref name="PreCheck"/> is null once the person's data is erased.
    /// <paramref name="SubmittedAt"/> is the application's time (the form's submission time, or the receipt); the
    /// event happened when it was received, <paramref name="ReceivedAt"/> (absent from events stored before it was
    /// kept: then the two are the same).
    /// </summary>
    public sealed record ApplicationSubmitted(
        string CaseId, CaseFile File, PreCheckResult? PreCheck, DateTimeOffset SubmittedAt,
        DateTimeOffset? ReceivedAt = null)
        : CaseEvent(ReceivedAt ?? SubmittedAt);

    public sealed record EligibilityDecided(bool Eligible, string? Reason, DateTimeOffset DecidedAt)
        : CaseEvent(DecidedAt);

    public sealed record CaseReopened(int DecisionRound, DateTimeOffset ReopenedAt)
        : CaseEvent(ReopenedAt);

    public sealed record DepartureBooked(int Booking, DateOnly Departure, string? Flight, DateOnly LatestPostArrivalRequest, DateTimeOffset BookedAt)
        : CaseEvent(BookedAt);

    public sealed record DepartureCancelled(int Booking, DateTimeOffset CancelledAt)
        : CaseEvent(CancelledAt);

    public sealed record PostArrivalRequested(IReadOnlyList<PostArrivalService> Services, Money? EstimatedValue, string? Notes, DateTimeOffset RequestedAt)
        : CaseEvent(RequestedAt);

    public sealed record ConsentRecorded(DateTimeOffset RecordedAt)
        : CaseEvent(RecordedAt);

    public sealed record DepartureRecorded(DateOnly DepartedOn, Money CashPaid, DateTimeOffset RecordedAt)
        : CaseEvent(RecordedAt);

    public sealed record ArrivalConfirmed(DateOnly ArrivedOn, DateTimeOffset ConfirmedAt)
        : CaseEvent(ConfirmedAt);

    public sealed record PlanSubmitted(int Version, IReadOnlyList<BudgetLine> Lines, Money Total, DateTimeOffset SubmittedAt)
        : CaseEvent(SubmittedAt);

    public sealed record PlanApproved(int Version, string? Comment, DateTimeOffset ApprovedAt)
        : CaseEvent(ApprovedAt);

    public sealed record PlanRejected(int Version, string Comment, DateTimeOffset RejectedAt)
        : CaseEvent(RejectedAt);

    public sealed record MonitoringReportSubmitted(MonitoringReport Report, DateTimeOffset SubmittedAt)
        : CaseEvent(SubmittedAt);

    public sealed record FinancialReportSubmitted(IReadOnlyList<SpentLine> Lines, DateTimeOffset SubmittedAt)
        : CaseEvent(SubmittedAt);

    public sealed record CaseClosed(ClosureReason Reason, DateTimeOffset ClosedAt)
        : CaseEvent(ClosedAt);

    /// <summary>A reminder or an escalation went out; <paramref name="Round"/> is the timer's round (month, plan version, ...).</summary>
    public sealed record ReminderSent(TimerKind Kind, int Round, DateTimeOffset SentAt)
        : CaseEvent(SentAt);

    /// <summary>The person's data was erased from the case and from every event before this one.</summary>
    public sealed record PersonalDataErased(DateTimeOffset ErasedAt)
        : CaseEvent(ErasedAt);

    public sealed record AlertRaised(AlertKind Kind, string Detail, DateTimeOffset RaisedAt)
        : CaseEvent(RaisedAt);
}
