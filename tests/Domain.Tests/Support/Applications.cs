using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;

namespace Reintegration.Domain.Tests.Support;

/// <summary>Ready-made applications for the scenarios; each test overrides only what it is about.</summary>
public static class Applications
{
    public static readonly DateTimeOffset Day0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static Person Adult(string name = "Amina", int born = 1990, Relationship relationship = Relationship.Applicant) =>
        new(name, new DateOnly(born, 3, 14), relationship, false);

    public static Person Child(string name, int born, bool unaccompanied = false) =>
        new(name, new DateOnly(born, 6, 1), Relationship.Child, unaccompanied);

    public static CaseCommand.SubmitApplication Drc(
        string caseId = "case-1",
        string country = "UG",
        IReadOnlyList<Person>? family = null,
        EligibilityFacts? facts = null,
        string nationality = "UG",
        bool consent = true,
        DateTimeOffset? at = null) =>
        new(caseId, $"{caseId}:intake", at ?? Day0, "drc-denmark", Adult(), family ?? [], nationality, country, ReturnType.Voluntary,
            null, consent, facts ?? EligibilityFacts.Clean(), null, "Confidential counselling note");

    public static CaseCommand.SubmitApplication Eurp(
        string caseId = "case-e",
        ReturnType returnType = ReturnType.Voluntary,
        IReadOnlyList<Person>? family = null,
        string country = "IQ",
        DateTimeOffset? at = null) =>
        new(caseId, $"{caseId}:intake", at ?? Day0, "eu-eurp", Adult(), family ?? [], "IQ", country, returnType,
            null, true, EligibilityFacts.Clean(), null, null);

    /// <summary>Two adults and two children: scenario 7's family.</summary>
    public static IReadOnlyList<Person> FamilyOfFour() =>
        [Adult("Joseph", 1987, Relationship.Spouse), Child("Grace", 2015), Child("Peter", 2018)];
}
