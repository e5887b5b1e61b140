namespace Reintegration.Domain.Cases;

/// <summary>
/// Work a decision asks the outside world to do. Effects run at least once (as activities), so each has a
/// deterministic id that the e-mail sender uses to do it only once.
/// </summary>
public abstract record CaseEffect
{
    private CaseEffect(string effectId) => EffectId = effectId;

    public string EffectId { get; }

    /// <summary>
    /// An e-mail from a template. <paramref name="Round"/> names what it tells of where the case holds details to read
    /// when composing (a plan decision: the plan version, whose comment is free text and so never on the effect).
    /// </summary>
    public sealed record SendEmail(
        string EffectId, string CaseId, EmailTemplate Template, RecipientRole Recipient, string Language,
        IReadOnlyList<LinkIntent> Links, int? Round = null)
        : CaseEffect(EffectId);

    /// <summary>Tells the partner something; held back while the returnee has not consented to sharing (scenario 27).</summary>
    public sealed record NotifyPartner(string EffectId, string CaseId, string PartnerId, PartnerNotice Notice, string Language, IReadOnlyList<LinkIntent> Links)
        : CaseEffect(EffectId);

    public sealed record ScheduleTimer(string EffectId, CaseTimer Timer)
        : CaseEffect(EffectId);

    /// <summary>Rewrites the case's stored history with <see cref="PersonalData.Redact(CaseEvent)"/> and deletes its documents.</summary>
    public sealed record ErasePersonalHistory(string EffectId, string CaseId)
        : CaseEffect(EffectId);
}

/// <summary>Who an e-mail is for. The address comes from configuration or the case's contacts, not from the domain.</summary>
public enum RecipientRole
{
    Counsellor,
    Agency,
    Partner,
    ProgrammeOfficer,
}

/// <summary>The e-mails the workflow sends, each a template per language.</summary>
public enum EmailTemplate
{
    DecisionRequested,
    DecisionReminder,
    DecisionMade,
    ApplicationLapsed,
    PostArrivalReminder,
    PostArrivalLastDay,
    PlanApprovalRequested,
    PlanApprovalReminder,
    PlanApprovalEscalated,
    /// <summary>Written by earlier versions for either decision; still composed for effects stored then.</summary>
    PlanDecided,
    ArrivalConfirmed,
    MonitoringReportOverdue,
    CaseAlert,
    PlanApproved,
    PlanRejected,
    DecisionEscalated,
    DepartureReminder,
    DepartureEscalated,
    DepartureLapsed,
    ArrivalReminder,
    ArrivalEscalated,
    ClosedNotTravelled,
    PlanSubmissionReminder,
    PlanSubmissionEscalated,
    ClosedWithoutPlan,
    FinancialReportReminder,
    FinancialReportEscalated,
    ClosedWithoutFinancialReport,
    CompletionReminder,
    CompletionEscalated,
    ClosedCompleted,
}

/// <summary>What the partner is told.</summary>
public enum PartnerNotice
{
    DepartureBooked,
    DepartureCancelled,
    PostArrivalRequested,
    MonitoringReportDue,
    ArrivalConfirmationDue,
    FinancialReportDue,
}

/// <summary>The actions an e-mail link can lead to.</summary>
public enum LinkAction
{
    DecideEligibility,
    DecidePlan,
    ConfirmArrival,
    ReportMonitoring,
}

/// <summary>
/// A link the sender must sign: bound to the case, the action, the round (plan version, month, ...) and an expiry.
/// </summary>
public sealed record LinkIntent(LinkAction Action, int Round, DateTimeOffset ExpiresAt);
