using System.Diagnostics.CodeAnalysis;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;

namespace Reintegration.Functions.Intake;

/// <summary>
/// An application as any intake channel delivers it, checked for shape and types only: whether it is eligible,
/// or the programme exists, is the domain's decision.
/// </summary>
public sealed record IntakeForm(
    string ProgrammeId,
    Person Applicant,
    IReadOnlyList<Person> FamilyMembers,
    string Nationality,
    string CountryOfReturn,
    ReturnType ReturnType,
    string? PartnerId,
    bool ConsentToShareWithPartner,
    EligibilityFacts EligibilityFacts,
    string? Language,
    string? CounsellingNote,
    string? ExternalReference);

/// <summary>One problem with one field, named by its path in the native schema (<c>familyMembers[1].relationship</c>).</summary>
public sealed record FieldError(string Field, string Reason);

/// <summary>An intake form, or every problem found on the way to one.</summary>
public sealed record IntakeResult
{
    private IntakeResult(IntakeForm? form, IReadOnlyList<FieldError> errors)
    {
        Form = form;
        Errors = errors;
    }

    public IntakeForm? Form { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Form))]
    public bool Ok => Form is not null;

    public static IntakeResult Success(IntakeForm form) => new(form, []);

    public static IntakeResult Failure(IEnumerable<FieldError> errors)
    {
        var list = errors.ToList();
        return list.Count > 0 ? new(null, list) : throw new ArgumentException("A failure needs at least one error.", nameof(errors));
    }

    public static IntakeResult Failure(string field, string reason) => Failure([new FieldError(field, reason)]);
}

/// <summary>
/// What a form tool delivered: its id for the delivery (the same on every retry), the application, and when the
/// tool says it was submitted (the application's time; a retry or an offline form may arrive days later).
/// </summary>
public sealed record IntakeDelivery(string? DeliveryId, IntakeResult Result, DateTimeOffset? SubmittedAt = null)
{
    [MemberNotNullWhen(true, nameof(DeliveryId))]
    public bool Ok => Result.Ok && DeliveryId is not null;
}
