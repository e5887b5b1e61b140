using Reintegration.Domain.Programmes;

namespace Reintegration.Domain.Eligibility;

/// <summary>What one rule says of one applicant.</summary>
public enum RuleVerdict
{
    Passes,
    Fails,

    /// <summary>Passes, but the agency should look at it when deciding.</summary>
    Flagged,
}

/// <summary>The facts a rule reads: the applicant's, the case's and the programme's.</summary>
public sealed record EligibilityContext(EligibilityFacts Facts, string Nationality, ReturnType ReturnType, Programme Programme);

/// <summary>
/// A named eligibility rule with the reason shown when it fails or flags, and, for a rule over several facts, what it
/// found (a code such as <c>conviction.minor</c>).
/// </summary>
public sealed record EligibilityRule(
    string Name, string Reason, Func<EligibilityContext, RuleVerdict> Check, Func<EligibilityContext, string?>? Found = null);

/// <summary>
/// Every rule a programme profile may name. A profile picks rules by name, so a new programme needs no code
/// unless it needs a new kind of rule.
/// </summary>
public static class EligibilityRules
{
    public static readonly IReadOnlyDictionary<string, EligibilityRule> Known = new[]
    {
        Rule("residence-status", "the residence status does not qualify for the programme",
            c => c.Programme.Eligibility.AllowedResidenceStatuses.Contains(c.Facts.ResidenceStatus, StringComparer.Ordinal)),
        Rule("voluntary-return", "the applicant does not wish to return voluntarily",
            c => c.Facts.WishesToReturnVoluntarily),
        new EligibilityRule("serious-crime", "convicted of a crime against national security, terrorism or violence against persons; a minor conviction is flagged for the agency",
            c => c.Facts.Conviction switch
            {
                Conviction.Serious => RuleVerdict.Fails,
                Conviction.Minor => RuleVerdict.Flagged,
                _ => RuleVerdict.Passes,
            },
            c => c.Facts.Conviction switch
            {
                Conviction.Serious => "conviction.serious",
                Conviction.Minor => "conviction.minor",
                _ => null,
            }),
        Rule("open-residence-permit-case", "has an ongoing application for a residence permit",
            c => !c.Facts.OpenResidencePermitCase),
        Rule("repatriation-support-received", "has already received repatriation support",
            c => !c.Facts.RepatriationSupportReceived),
        Rule("returned-before-through-programme", "left before through a reintegration programme and came back as an asylum seeker",
            c => !c.Facts.ReturnedBeforeThroughProgramme),
        Rule("manifestly-unfounded-procedure", "the asylum claim was decided in the manifestly unfounded urgent procedure",
            c => !c.Facts.ManifestlyUnfoundedProcedure),
        Rule("tolerated-stay", "excluded under section 10 of the Aliens Act (tolerated stay)",
            c => !c.Facts.ToleratedStay),
        Rule("entry-to-obtain-support", "entered only to obtain support",
            c => !c.Facts.EnteredToObtainSupport),
        Rule("dublin-transfer-unregistered", "Dublin transfer without registration as an asylum seeker in Denmark",
            c => !c.Facts.DublinTransferWithoutRegistration),
        Rule("visa-free-nationality", "citizen of a visa-free country",
            c => !c.Programme.Eligibility.VisaFreeNationalities.Contains(c.Nationality, StringComparer.OrdinalIgnoreCase)),
        Rule("return-category", "the return is neither a voluntary return nor a forced return the programme supports",
            c => c.Programme.ReturnTypes.Contains(c.ReturnType)
                && (c.ReturnType != ReturnType.Voluntary || c.Facts.WishesToReturnVoluntarily)),
        Rule("return-decision", "no return decision has been issued",
            c => c.Facts.HasReturnDecision),
    }.ToDictionary(r => r.Name, StringComparer.Ordinal);

    private static EligibilityRule Rule(string name, string reason, Func<EligibilityContext, bool> passes) =>
        new(name, reason, c => passes(c) ? RuleVerdict.Passes : RuleVerdict.Fails);
}
