namespace Reintegration.Domain.Cases;

/// <summary>
/// What one reader of a case may see beyond its stages, dates, counts and money. The case view and the timeline both
/// follow it, so the timeline never says what the view hides.
/// </summary>
/// <param name="People">The names and dates of birth of the returnee and the family.</param>
/// <param name="EligibilityFacts">
/// The pre-check: the rules failed or flagged, which tell of convictions and residence status.
/// </param>
/// <param name="DecisionReason">Why the agency decided as it did (e.g. a police record).</param>
/// <param name="FreeText">
/// What people typed or sent, which may hold names: plan line descriptions, comments, notes, alert details and
/// attachments.
/// </param>
/// <param name="CounsellingNote">The counsellor's note.</param>
public sealed record Disclosure(
    bool People, bool EligibilityFacts, bool DecisionReason, bool FreeText, bool CounsellingNote)
{
    /// <summary>Everything the case holds.</summary>
    public static readonly Disclosure Everything = new(true, true, true, true, true);

    /// <summary>Stages, dates, counts and money only.</summary>
    public static readonly Disclosure FactsOnly = new(false, false, false, false, false);
}
