namespace Reintegration.Domain.Cases;

/// <summary>How a person on the case relates to the applicant.</summary>
public enum Relationship
{
    Applicant,
    Spouse,
    Child,
    Parent,
    Sibling,
    Other,
}

/// <summary>The applicant or a family member returning with them.</summary>
public sealed record Person(string Name, DateOnly DateOfBirth, Relationship Relationship, bool UnaccompaniedMinor)
{
    /// <summary>Full years of age on a date.</summary>
    public int AgeOn(DateOnly date) => Age(DateOfBirth, date);

    /// <summary>Full years of age on <paramref name="date"/> of someone born on <paramref name="born"/>.</summary>
    public static int Age(DateOnly born, DateOnly date)
    {
        var age = date.Year - born.Year;
        return born.AddYears(age) > date ? age - 1 : age;
    }

    public bool IsMinorOn(DateOnly date) => AgeOn(date) < 18;
}
