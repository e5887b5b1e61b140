using Reintegration.Domain.Budget;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;

namespace Reintegration.Domain.Cases;

/// <summary>
/// Something a person or a timer asks of a case. Every command carries its own id (a repeat changes nothing)
/// and its time (the domain never reads a clock).
/// </summary>
public abstract record CaseCommand
{
    private CaseCommand(string caseId, string commandId, DateTimeOffset at)
    {
        CaseId = caseId;
        CommandId = commandId;
        At = at;
    }

    public string CaseId { get; init; }

    public string CommandId { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>
    /// Intake: a counsellor's application arrives from a form. <see cref="CaseCommand.At"/> is when it was received and
    /// runs the workflow's timers; <paramref name="FormSubmittedAt"/> is when the form tool says it was submitted (a
    /// form filled offline may arrive days later), the application's own time when it is not after the receipt.
    /// </summary>
    public sealed record SubmitApplication(
        string CaseId, string CommandId, DateTimeOffset At,
        string ProgrammeId, Person Applicant, IReadOnlyList<Person> FamilyMembers,
        string Nationality, string CountryOfReturn, ReturnType ReturnType, string? PartnerId,
        bool ConsentToShareWithPartner, EligibilityFacts Facts, string? Language, string? CounsellingNote,
        DateTimeOffset? FormSubmittedAt = null)
        : CaseCommand(CaseId, CommandId, At)
    {
        /// <summary>
        /// The application's time, on which ages count: the form's when it gives one, never after the receipt (a
        /// sender's clock ahead of ours). A method, not a property, so it is not written into the command's JSON.
        /// </summary>
        public DateTimeOffset SubmittedAt() => FormSubmittedAt is { } form && form < At ? form : At;
    }

    /// <summary>
    /// The agency decides eligibility (API call or e-mailed decision link). A link names the decision round it was
    /// sent for and is refused once that round is over; without a round the decision is for the current one.
    /// </summary>
    public sealed record DecideEligibility(
        string CaseId, string CommandId, DateTimeOffset At, bool Eligible, string? Reason, int? DecisionRound = null)
        : CaseCommand(CaseId, CommandId, At);

    /// <summary>Reopens a lapsed case: the decision wait starts again.</summary>
    public sealed record ReopenCase(string CaseId, string CommandId, DateTimeOffset At)
        : CaseCommand(CaseId, CommandId, At);

    /// <summary>Books or rebooks the departure; a new date re-arms every deadline.</summary>
    public sealed record BookDeparture(string CaseId, string CommandId, DateTimeOffset At, DateOnly Departure, string? Flight)
        : CaseCommand(CaseId, CommandId, At);

    public sealed record CancelDeparture(string CaseId, string CommandId, DateTimeOffset At)
        : CaseCommand(CaseId, CommandId, At);

    /// <summary>The counsellor requests the post-arrival package from the partner.</summary>
    public sealed record RequestPostArrival(
        string CaseId, string CommandId, DateTimeOffset At, IReadOnlyList<PostArrivalService> Services, Money? EstimatedValue, string? Notes)
        : CaseCommand(CaseId, CommandId, At);

    /// <summary>The returnee consents to sharing the case with the partner.</summary>
    public sealed record RecordConsent(string CaseId, string CommandId, DateTimeOffset At)
        : CaseCommand(CaseId, CommandId, At);

    /// <summary>Without a local partner: the agency records the departure and the cash paid.</summary>
    public sealed record RecordDeparture(string CaseId, string CommandId, DateTimeOffset At, DateOnly DepartedOn)
        : CaseCommand(CaseId, CommandId, At);

    /// <summary>
    /// The partner confirms the returnee arrived: the post-return period starts. A link names the booking it was sent
    /// for and is refused once the departure was cancelled or rebooked; without a booking it is for the current one.
    /// </summary>
    public sealed record ConfirmArrival(
        string CaseId, string CommandId, DateTimeOffset At, DateOnly ArrivedOn, int? Booking = null)
        : CaseCommand(CaseId, CommandId, At);

    public sealed record SubmitPlan(string CaseId, string CommandId, DateTimeOffset At, IReadOnlyList<BudgetLine> Lines)
        : CaseCommand(CaseId, CommandId, At);

    public sealed record ApprovePlan(string CaseId, string CommandId, DateTimeOffset At, int Version, string? Comment)
        : CaseCommand(CaseId, CommandId, At);

    public sealed record RejectPlan(string CaseId, string CommandId, DateTimeOffset At, int Version, string Comment)
        : CaseCommand(CaseId, CommandId, At);

    public sealed record SubmitMonitoringReport(string CaseId, string CommandId, DateTimeOffset At, MonitoringReport Report)
        : CaseCommand(CaseId, CommandId, At);

    /// <summary>Planned vs actual per line; before the monitoring months end only with an early closure reason.</summary>
    public sealed record SubmitFinancialReport(
        string CaseId, string CommandId, DateTimeOffset At, IReadOnlyList<ActualSpending> Lines, ClosureReason? EarlyClosure)
        : CaseCommand(CaseId, CommandId, At);

    /// <summary>Closes the case with a reason; withdrawal is possible at any stage.</summary>
    public sealed record CloseCase(string CaseId, string CommandId, DateTimeOffset At, ClosureReason Reason)
        : CaseCommand(CaseId, CommandId, At);

    /// <summary>Erases the person's data from a closed case (on request, or after the retention period).</summary>
    public sealed record ErasePersonalData(string CaseId, string CommandId, DateTimeOffset At)
        : CaseCommand(CaseId, CommandId, At);

    /// <summary>Something outside the workflow went wrong for this case (a bounced e-mail, work that keeps failing).</summary>
    public sealed record RaiseAlert(string CaseId, string CommandId, DateTimeOffset At, AlertKind Kind, string Detail)
        : CaseCommand(CaseId, CommandId, At);

    /// <summary>A durable timer came due. Ignored when the case has moved on.</summary>
    public sealed record FireTimer(string CaseId, string CommandId, DateTimeOffset At, CaseTimer Timer)
        : CaseCommand(CaseId, CommandId, At);
}

/// <summary>What the post-arrival package can hold.</summary>
public enum PostArrivalService
{
    Cash,
    AirportPickup,
    OnwardTransport,
    HousingOnArrival,
    MedicalHelpOnArrival,

    /// <summary>Only when an unaccompanied minor is on the case (scenario 12).</summary>
    FamilyReunification,
}

/// <summary>Things that need a person's attention on a case.</summary>
public enum AlertKind
{
    EmailBounced,
    EmailDropped,
    ProcessingFailed,
}

/// <summary>How the returnee is doing, as the partner sees it.</summary>
public enum Situation
{
    Good,
    Fair,
    Poor,
}

/// <summary>The partner's monthly report on the returnee.</summary>
public sealed record MonitoringReport(
    int Month, Situation Economic, Situation Social, Situation Psychosocial, string? Notes, IReadOnlyList<string> AttachmentIds);
