namespace Reintegration.Functions.Intake;

/// <summary>A field of the native schema that a form mapping can fill.</summary>
public sealed record IntakeFieldPath(string Path, bool Required);

/// <summary>The fields a Kobo or Typeform mapping may name, as paths in the native schema.</summary>
public static class IntakeFieldPaths
{
    public static readonly IReadOnlyList<IntakeFieldPath> Application =
    [
        new("programmeId", true),
        new("externalReference", false),
        new("applicant.name", true),
        new("applicant.dateOfBirth", true),
        new("applicant.unaccompaniedMinor", false),
        new("nationality", true),
        new("countryOfReturn", true),
        new("returnType", true),
        new("partnerId", false),
        new("consentToShareWithPartner", true),
        new("eligibilityFacts.residenceStatus", true),
        new("eligibilityFacts.wishesToReturnVoluntarily", true),
        new("eligibilityFacts.conviction", true),
        new("eligibilityFacts.openResidencePermitCase", true),
        new("eligibilityFacts.repatriationSupportReceived", true),
        new("eligibilityFacts.returnedBeforeThroughProgramme", true),
        new("eligibilityFacts.manifestlyUnfoundedProcedure", true),
        new("eligibilityFacts.toleratedStay", true),
        new("eligibilityFacts.enteredToObtainSupport", true),
        new("eligibilityFacts.dublinTransferWithoutRegistration", true),
        new("eligibilityFacts.hasReturnDecision", true),
        new("language", false),
        new("counsellingNote", false),
    ];

    /// <summary>Relative to one family member.</summary>
    public static readonly IReadOnlyList<IntakeFieldPath> FamilyMember =
    [
        new("name", true),
        new("dateOfBirth", true),
        new("relationship", true),
        new("unaccompaniedMinor", false),
    ];

    /// <summary>Names a mapping uses that the schema lacks, and required fields the mapping leaves out.</summary>
    internal static IEnumerable<string> Check(IEnumerable<string> mapped, IReadOnlyList<IntakeFieldPath> schema, string where)
    {
        var names = mapped.ToList();
        foreach (var name in names.Where(n => !schema.Any(f => string.Equals(f.Path, n, StringComparison.OrdinalIgnoreCase))))
        {
            yield return $"{where}: '{name}' is not a field of the intake schema";
        }

        foreach (var field in schema.Where(f => f.Required && !names.Contains(f.Path, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"{where}: the required field '{field.Path}' has no source";
        }
    }
}
