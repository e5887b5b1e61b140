using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;

namespace Reintegration.Domain.Cases;

/// <summary>
/// What intake records about the returnee and the return. The counselling note is the counsellor's alone; the
/// eligibility facts are null once the person's data is erased.
/// </summary>
public sealed record CaseFile(
    string ProgrammeId,
    Person Applicant,
    IReadOnlyList<Person> FamilyMembers,
    string Nationality,
    string CountryOfReturn,
    ReturnType ReturnType,
    string? PartnerId,
    bool ConsentToShareWithPartner,
    EligibilityFacts? Facts,
    string Language,
    string? CounsellingNote,
    DateOnly SubmittedOn)
{
    public IEnumerable<Person> Everyone => FamilyMembers.Prepend(Applicant);

    public int People => FamilyMembers.Count + 1;

    public int Minors => Everyone.Count(p => p.IsMinorOn(SubmittedOn));

    public int Adults => People - Minors;

    public bool HasUnaccompaniedMinor => Everyone.Any(p => p.UnaccompaniedMinor && p.IsMinorOn(SubmittedOn));
}
