using System.Text.Json;
using System.Text.RegularExpressions;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;

namespace Reintegration.Functions.Intake;

/// <summary>
/// Reads the native intake schema (docs/INTAKE.md) into an <see cref="IntakeForm"/>, naming every bad field.
/// Kobo and Typeform answers are translated into the same schema first, so there is one set of rules.
/// </summary>
public static partial class IntakeFormReader
{
    public const int MaxFamilyMembers = 20;
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 4000;

    /// <param name="root">The application object.</param>
    /// <param name="textAnswers">True when every answer arrived as text, so flags may read "yes" or "no".</param>
    public static IntakeResult Read(JsonElement root, bool textAnswers = false)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return IntakeResult.Failure("$", "must be a JSON object");
        }

        var errors = new List<FieldError>();
        var form = new IntakeFields(root, string.Empty, textAnswers, errors);
        var programmeId = form.Identifier("programmeId");
        var externalReference = form.Text("externalReference", MaxNameLength, required: false);
        var applicant = Applicant(form.Nested("applicant"));
        var family = form.List("familyMembers", MaxFamilyMembers, FamilyMember);
        var nationality = form.Country("nationality");
        var countryOfReturn = form.Country("countryOfReturn");
        var returnType = form.Choice<ReturnType>("returnType");
        var partnerId = form.Identifier("partnerId", required: false);
        var consent = form.Flag("consentToShareWithPartner");
        var facts = Facts(form.Nested("eligibilityFacts"));
        var language = form.Matching("language", LanguagePattern(), "a language tag such as 'en' or 'fr-SN'", 35, required: false);
        var note = form.Text("counsellingNote", MaxNoteLength, required: false, multiline: true);
        form.RejectUnknown();

        if (errors.Count > 0)
        {
            return IntakeResult.Failure(errors);
        }

        return IntakeResult.Success(new IntakeForm(
            programmeId!, applicant!, family, nationality!, countryOfReturn!, returnType!.Value, partnerId, consent!.Value,
            facts!, language, note, externalReference));
    }

    private static Person? Applicant(IntakeFields? fields)
    {
        if (fields is null)
        {
            return null;
        }

        var name = fields.Text("name", MaxNameLength);
        var born = fields.Date("dateOfBirth");
        var unaccompanied = fields.Flag("unaccompaniedMinor", required: false) ?? false;
        fields.RejectUnknown();
        return name is null || born is null ? null : new Person(name, born.Value, Relationship.Applicant, unaccompanied);
    }

    private static Person? FamilyMember(IntakeFields fields)
    {
        var name = fields.Text("name", MaxNameLength);
        var born = fields.Date("dateOfBirth");
        var relationship = fields.Choice<Relationship>("relationship", r => r != Relationship.Applicant);
        var unaccompanied = fields.Flag("unaccompaniedMinor", required: false) ?? false;
        return name is null || born is null || relationship is null ? null : new Person(name, born.Value, relationship.Value, unaccompanied);
    }

    private static EligibilityFacts? Facts(IntakeFields? fields)
    {
        if (fields is null)
        {
            return null;
        }

        // A free string (the programme lists the allowed ones); form tools spell choices in snake_case.
        var status = fields.Matching("residenceStatus", StatusPattern(), "a status in kebab-case such as 'asylum-finally-refused'", 64)
            ?.Replace('_', '-').ToLowerInvariant();
        var voluntarily = fields.Flag("wishesToReturnVoluntarily");
        var conviction = fields.Choice<Conviction>("conviction");
        bool?[] exclusions =
        [
            fields.Flag("openResidencePermitCase"),
            fields.Flag("repatriationSupportReceived"),
            fields.Flag("returnedBeforeThroughProgramme"),
            fields.Flag("manifestlyUnfoundedProcedure"),
            fields.Flag("toleratedStay"),
            fields.Flag("enteredToObtainSupport"),
            fields.Flag("dublinTransferWithoutRegistration"),
            fields.Flag("hasReturnDecision"),
        ];
        fields.RejectUnknown();
        if (status is null || voluntarily is null || conviction is null || exclusions.Any(e => e is null))
        {
            return null;
        }

        var x = exclusions.Select(e => e!.Value).ToArray();
        return new EligibilityFacts(status, voluntarily.Value, conviction.Value, x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]);
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^[A-Za-z0-9]+([-_][A-Za-z0-9]+)*$")]
    private static partial Regex StatusPattern();
}
