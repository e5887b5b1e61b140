namespace Reintegration.Domain.Eligibility;

/// <summary>What the counsellor established with the applicant; the pre-check reads only these.</summary>
public sealed record EligibilityFacts(
    string ResidenceStatus,
    bool WishesToReturnVoluntarily,
    Conviction Conviction,
    bool OpenResidencePermitCase,
    bool RepatriationSupportReceived,
    bool ReturnedBeforeThroughProgramme,
    bool ManifestlyUnfoundedProcedure,
    bool ToleratedStay,
    bool EnteredToObtainSupport,
    bool DublinTransferWithoutRegistration,
    bool HasReturnDecision)
{
    /// <summary>A definitively refused asylum seeker wishing to return, with nothing against them.</summary>
    public static EligibilityFacts Clean(string residenceStatus = "asylum-finally-refused") =>
        new(residenceStatus, true, Conviction.None, false, false, false, false, false, false, false, true);
}

/// <summary>The gravest conviction on record.</summary>
public enum Conviction
{
    None,

    /// <summary>Flagged for the agency's decision; does not fail the pre-check.</summary>
    Minor,

    /// <summary>National security, terrorism or violence against persons.</summary>
    Serious,
}
