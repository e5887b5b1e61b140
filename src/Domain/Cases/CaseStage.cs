namespace Reintegration.Domain.Cases;

/// <summary>Where a case stands. Every stage is visible on the case's page and in the case list.</summary>
public enum CaseStage
{
    /// <summary>No application yet: the case does not exist.</summary>
    New,
    AwaitingDecision,
    AwaitingDeparture,
    DepartureBooked,

    /// <summary>Left without a local partner: cash paid at departure, only the financial report remains.</summary>
    Departed,
    AwaitingPlan,
    PlanPendingApproval,
    PlanRejected,
    Monitoring,
    FinancialReported,
    Closed,
}

/// <summary>Why a case was closed.</summary>
public enum ClosureReason
{
    Completed,
    Withdrawn,
    Ineligible,
    Lapsed,
    Moved,
    Deceased,
}
