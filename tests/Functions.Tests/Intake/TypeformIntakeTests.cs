using System.Text;
using Microsoft.AspNetCore.Http;
using Reintegration.Domain.Cases;
using Reintegration.Functions.Intake;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Intake;

public class TypeformIntakeTests
{
    private const string Secret = "typeform-webhook-secret-of-ours";
    private static readonly byte[] Sample = Samples.Bytes("typeform_form_response_example.json");

    /// <summary>The sample's own questions where they fit; the refs it lacks are our form's.</summary>
    internal static TypeformMapping MappingBySampleRefs() => new()
    {
        FormId = "lT4Z3j",
        Fields =
        {
            ["applicant.name"] = new() { Ref = "readable_ref_short_text" },
            ["applicant.dateOfBirth"] = new() { Ref = "readable_ref_date" },
            ["consentToShareWithPartner"] = new() { Ref = "readable_ref_legal" },
            ["eligibilityFacts.wishesToReturnVoluntarily"] = new() { Ref = "readable_ref_yes_no" },
            ["counsellingNote"] = new() { Ref = "readable_ref_long_text" },
            ["externalReference"] = new() { Hidden = "user_id" },
            ["programmeId"] = new() { Hidden = "programme" },
            ["nationality"] = new() { Ref = "nationality" },
            ["countryOfReturn"] = new() { Ref = "country_of_return" },
            ["returnType"] = new() { Ref = "return_type" },
            ["eligibilityFacts.residenceStatus"] = new() { Ref = "residence_status" },
            ["eligibilityFacts.conviction"] = new() { Ref = "conviction" },
            ["eligibilityFacts.openResidencePermitCase"] = new() { Ref = "open_permit_case" },
            ["eligibilityFacts.repatriationSupportReceived"] = new() { Ref = "repatriation_support" },
            ["eligibilityFacts.returnedBeforeThroughProgramme"] = new() { Ref = "returned_before" },
            ["eligibilityFacts.manifestlyUnfoundedProcedure"] = new() { Ref = "manifestly_unfounded" },
            ["eligibilityFacts.toleratedStay"] = new() { Ref = "tolerated_stay" },
            ["eligibilityFacts.enteredToObtainSupport"] = new() { Ref = "entered_for_support" },
            ["eligibilityFacts.dublinTransferWithoutRegistration"] = new() { Ref = "dublin_unregistered" },
            ["eligibilityFacts.hasReturnDecision"] = new() { Ref = "return_decision" },
        },
    };

    internal static TypeformMapping MappingWithConstantsForTheRest()
    {
        var mapping = MappingBySampleRefs();
        string[] answered = ["applicant.name", "applicant.dateOfBirth", "consentToShareWithPartner", "eligibilityFacts.wishesToReturnVoluntarily", "counsellingNote", "externalReference"];
        var constants = new Dictionary<string, string>
        {
            ["programmeId"] = "eu-eurp", ["nationality"] = "IQ", ["countryOfReturn"] = "IQ", ["returnType"] = "forced",
            ["eligibilityFacts.residenceStatus"] = "asylum-finally-refused", ["eligibilityFacts.conviction"] = "none",
            ["eligibilityFacts.hasReturnDecision"] = "yes",
        };
        foreach (var field in mapping.Fields.Keys.Except(answered).ToList())
        {
            mapping.Fields[field] = new() { Constant = constants.GetValueOrDefault(field, "no") };
        }

        return mapping;
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"x\"")]
    [InlineData("[]")]
    public void A_definition_that_is_not_an_object_is_read_as_no_definition_not_a_500(string definition)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(
            "{\"event_id\":\"e\",\"event_type\":\"form_response\",\"form_response\":{\"definition\":" + definition + ",\"answers\":[]}}");

        var delivery = TypeformIntake.Read(body, MappingBySampleRefs());

        delivery.Ok.ShouldBeFalse();
        delivery.Result.Errors.ShouldNotBeEmpty();
    }

    [Fact]
    public void Typeform_sample_signed_with_our_secret_is_valid()
    {
        var headers = new HeaderDictionary { ["Typeform-Signature"] = TypeformSignature.Sign(Secret, Sample) };
        TypeformSignature.Verify(headers, Sample, Secret).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Typeform_sample_with_one_byte_changed_or_another_secret_is_invalid()
    {
        var headers = new HeaderDictionary { ["Typeform-Signature"] = TypeformSignature.Sign(Secret, Sample) };
        var changed = Sample.ToArray();
        changed[^2] ^= 1;

        TypeformSignature.Verify(headers, changed, Secret).Outcome.ShouldBe(AuthenticationOutcome.Invalid);
        TypeformSignature.Verify(headers, Sample, Secret + "x").Outcome.ShouldBe(AuthenticationOutcome.Invalid);
    }

    [Fact]
    public void Typeform_signature_is_base64_of_hmac_sha256_over_the_raw_body()
    {
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        TypeformSignature.Sign(Secret, Sample).ShouldBe("sha256=" + Convert.ToBase64String(hmac.ComputeHash(Sample)));
    }

    [Theory]
    [InlineData(null, AuthenticationOutcome.Missing)]
    [InlineData("sha1=abc", AuthenticationOutcome.Invalid)]
    public void Typeform_post_without_a_sha256_signature_is_refused(string? signature, AuthenticationOutcome expected)
    {
        var headers = new HeaderDictionary();
        if (signature is not null)
        {
            headers["Typeform-Signature"] = signature;
        }

        TypeformSignature.Verify(headers, Sample, Secret).Outcome.ShouldBe(expected);
    }

    [Fact]
    public void Typeform_sample_mapped_by_its_refs_names_each_field_it_lacks()
    {
        var delivery = TypeformIntake.Read(Sample, MappingBySampleRefs());

        delivery.DeliveryId.ShouldBe("LtWXD3crgy");
        delivery.Result.Errors.Select(e => e.Field).ShouldBe(
        [
            "programmeId", "nationality", "countryOfReturn", "returnType", "eligibilityFacts.residenceStatus", "eligibilityFacts.conviction",
            "eligibilityFacts.openResidencePermitCase", "eligibilityFacts.repatriationSupportReceived", "eligibilityFacts.returnedBeforeThroughProgramme",
            "eligibilityFacts.manifestlyUnfoundedProcedure", "eligibilityFacts.toleratedStay", "eligibilityFacts.enteredToObtainSupport",
            "eligibilityFacts.dublinTransferWithoutRegistration", "eligibilityFacts.hasReturnDecision",
        ], ignoreOrder: true);
        delivery.Result.Errors.ShouldContain(new FieldError("programmeId", "is required, but the response has no hidden field 'programme'"));
        delivery.Result.Errors.ShouldContain(new FieldError("nationality", "is required, but the response has no answer for Typeform ref 'nationality'"));
    }

    [Fact]
    public void Typeform_sample_with_constants_for_the_rest_parses()
    {
        MappingWithConstantsForTheRest().Problems("typeform").ShouldBeEmpty();

        var delivery = TypeformIntake.Read(Sample, MappingWithConstantsForTheRest());

        delivery.Ok.ShouldBeTrue(string.Join("; ", delivery.Result.Errors));
        delivery.DeliveryId.ShouldBe("LtWXD3crgy");
        delivery.SubmittedAt.ShouldBe(new DateTimeOffset(2018, 1, 18, 18, 17, 2, TimeSpan.Zero));
        var form = delivery.Result.Form!;
        form.Applicant.ShouldBe(new Person("Laura", new DateOnly(2005, 10, 15), Relationship.Applicant, false));
        form.ConsentToShareWithPartner.ShouldBeTrue();
        form.EligibilityFacts.WishesToReturnVoluntarily.ShouldBeFalse();
        form.CounsellingNote!.ShouldStartWith("It's cold right now!");
        form.ExternalReference.ShouldBe("abc123456");
        form.ProgrammeId.ShouldBe("eu-eurp");
    }

    [Fact]
    public void Typeform_answers_of_the_wrong_kind_are_named_with_their_ref()
    {
        var mapping = MappingWithConstantsForTheRest();
        mapping.Fields["returnType"] = new() { Ref = "readable_ref_multiple_choice" };
        mapping.Fields["nationality"] = new() { Ref = "readable_ref_picture_choice" };
        mapping.Fields["countryOfReturn"] = new() { Ref = "readable_ref_number1" };
        mapping.Fields["partnerId"] = new() { Ref = "readable_ref_calendly" };

        TypeformIntake.Read(Sample, mapping).Result.Errors.ShouldBe(
        [
            new FieldError("nationality", "must be a single answer, but the Typeform answer 'readable_ref_picture_choice' holds array"),
            new FieldError("countryOfReturn", "must be an ISO 3166-1 alpha-2 country code of two letters (Typeform answer 'readable_ref_number1')"),
            new FieldError("returnType", "must be one of: voluntary, forced (Typeform answer 'readable_ref_multiple_choice')"),
            new FieldError("partnerId", "must be at most 64 characters (Typeform answer 'readable_ref_calendly')"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Typeform_response_to_another_form_is_refused()
    {
        var mapping = MappingWithConstantsForTheRest();
        mapping.FormId = "otherForm";

        TypeformIntake.Read(Sample, mapping).Result.Errors.ShouldBe(
            [new FieldError("form_response.form_id", "must be 'otherForm', the form this endpoint is configured for")]);
    }
}
