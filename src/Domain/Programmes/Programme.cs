namespace Reintegration.Domain.Programmes;

/// <summary>
/// A reintegration programme's rules, loaded from a data file in <c>programmes/</c>. <paramref name="Name"/> is
/// English; <paramref name="Names"/> holds the name in other languages (by language code), as the profile gives them.
/// </summary>
public sealed record Programme(
    string Id,
    string Name,
    Currency Currency,
    string Language,
    IReadOnlyList<ReturnType> ReturnTypes,
    bool AdultChildrenApplySeparately,
    EligibilityPolicy Eligibility,
    SupportCaps Caps,
    ProgrammeDeadlines Deadlines,
    IReadOnlyList<Partner> Partners,
    IReadOnlyDictionary<string, string>? Names = null)
{
    /// <summary>The programme's name in a language, or null when the profile does not give it in that language.</summary>
    public string? NameIn(string language) =>
        language == "en" ? Name : Names?.GetValueOrDefault(language);

    /// <summary>The partner serving a country, or null when the programme has none there (scenario 9).</summary>
    public Partner? PartnerIn(string country) =>
        Partners.FirstOrDefault(p => string.Equals(p.Country, country, StringComparison.OrdinalIgnoreCase));

    public Partner? PartnerById(string partnerId) =>
        Partners.FirstOrDefault(p => string.Equals(p.Id, partnerId, StringComparison.Ordinal));

    public Money Amount(decimal amount) => new(amount, Currency);
}

/// <summary>Voluntary or forced return: EURP's two eligibility categories, which also set its caps.</summary>
public enum ReturnType
{
    Voluntary,
    Forced,
}

/// <summary>A local reintegration partner in a country of origin.</summary>
public sealed record Partner(string Id, string Name, string Country, string Language);

/// <summary>Which named eligibility rules apply, and the data they read.</summary>
public sealed record EligibilityPolicy(
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> AllowedResidenceStatuses,
    IReadOnlyList<string> VisaFreeNationalities);

/// <summary>Whether a deadline counts calendar days or working days (Monday to Friday).</summary>
public enum DayCount
{
    Calendar,
    Working,
}

/// <summary>A number of days counted one way or the other.</summary>
public sealed record DayPeriod(int Days, DayCount Count);

/// <summary>The programme's deadlines and reminder settings (defaults are ours where no rule is published).</summary>
public sealed record ProgrammeDeadlines(
    DayPeriod PostArrivalRequestBeforeDeparture,
    int PostArrivalReminderDaysBeforeDeadline,
    DayPeriod? ApplicationBeforeDeparture,
    ProgrammeWaits Waits,
    int MonitoringMonths,
    int MonitoringReportOverdueAfterDays,
    int LinkValidityDays,
    int RetentionMonthsAfterClosure = 24);
