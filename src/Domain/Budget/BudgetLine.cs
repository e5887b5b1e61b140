namespace Reintegration.Domain.Budget;

/// <summary>The services a reintegration plan can pay for.</summary>
public enum ServiceCategory
{
    Cash,
    LongTermHousing,
    MedicalCare,
    Education,
    JobCounselling,
    SmallBusiness,
    FamilyReunificationMonitoring,
    LegalCounselling,
    PsychosocialSupport,

    /// <summary>Cash for the journey from the airport home; outside the in-kind cap (scenario 10).</summary>
    TravelCash,
}

/// <summary>One line of a reintegration plan.</summary>
public sealed record BudgetLine(string LineId, ServiceCategory Category, string Description, Money Amount);

/// <summary>A line of the financial report: what was planned and what was spent.</summary>
public sealed record SpentLine(string LineId, ServiceCategory Category, Money Planned, Money Actual);

/// <summary>What the partner reports as spent on a planned line.</summary>
public sealed record ActualSpending(string LineId, Money Actual);
