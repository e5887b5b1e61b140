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

    /// <summary>Neither the departure nor the arrival was confirmed within the programme's days after the flight.
    /// </summary>
    NotTravelled,

    /// <summary>No plan was approved within the programme's days of waiting for one.</summary>
    NoPlan,

    /// <summary>The financial report was not received within the programme's days after the support period.</summary>
    NoFinancialReport,
}
