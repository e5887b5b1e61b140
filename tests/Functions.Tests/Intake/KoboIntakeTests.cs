using System.Text.Json.Nodes;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Functions.Intake;
using Reintegration.Functions.Tests.Support;

namespace Reintegration.Functions.Tests.Intake;

public class KoboIntakeTests
{
    private static readonly byte[] Sample = Samples.Bytes("kobo_submission_n8n-docs.json");

    private static IntakeDelivery Read(JsonObject submission, KoboMapping? mapping = null) =>
        KoboIntake.Read(IntakeExamples.Bytes(submission.ToJsonString()), mapping ?? DrcKoboForm.Mapping());

    [Fact]
    public void Kobo_sample_with_the_drc_mapping_names_each_missing_field_with_its_kobo_key()
    {
        var mapping = DrcKoboForm.Mapping();
        mapping.FormId = null;

        var delivery = KoboIntake.Read(Sample, mapping);

        delivery.Ok.ShouldBeFalse();
        var expected = IntakeFieldPaths.Application.Where(f => f.Required && f.Path != "programmeId").Select(f => f.Path);
        delivery.Result.Errors.Select(e => e.Field).ShouldBe(expected, ignoreOrder: true);
        foreach (var error in delivery.Result.Errors)
        {
            error.Reason.ShouldBe($"is required, but the submission has no Kobo key '{mapping.Fields[error.Field].Key}'");
        }
    }

    [Fact]
    public void Kobo_sample_for_another_form_than_the_configured_one_is_refused_by_form_id() =>
        KoboIntake.Read(Sample, DrcKoboForm.Mapping()).Result.Errors.ShouldContain(e => e.Field == "_xform_id_string");

    /// <summary>A mapping configured for the n8n sample's own form: its name field, constants for the rest.</summary>
    internal static KoboMapping SampleFormMapping() =>
        new KoboMapping
            {
                FormId = "ajXVJpBkTD5tB4Nu9QXpgm",
                Fields =
                {
                    ["applicant.name"] = new() { Key = "Field_Details/Field_Name" },
                    ["externalReference"] = new() { Key = "_id" },
                    ["counsellingNote"] = new() { Key = "Field_Details/Crops_Grown" },
                    ["programmeId"] = new() { Constant = "eu-eurp" },
                    ["applicant.dateOfBirth"] = new() { Constant = "1985-01-01" },
                    ["nationality"] = new() { Constant = "RW" },
                    ["countryOfReturn"] = new() { Constant = "RW" },
                    ["returnType"] = new() { Constant = "voluntary" },
                    ["consentToShareWithPartner"] = new() { Constant = "true" },
                    ["eligibilityFacts.residenceStatus"] = new() { Constant = "asylum-finally-refused" },
                    ["eligibilityFacts.wishesToReturnVoluntarily"] = new() { Constant = "true" },
                    ["eligibilityFacts.conviction"] = new() { Constant = "none" },
                    ["eligibilityFacts.openResidencePermitCase"] = new() { Constant = "false" },
                    ["eligibilityFacts.repatriationSupportReceived"] = new() { Constant = "false" },
                    ["eligibilityFacts.returnedBeforeThroughProgramme"] = new() { Constant = "false" },
                    ["eligibilityFacts.manifestlyUnfoundedProcedure"] = new() { Constant = "false" },
                    ["eligibilityFacts.toleratedStay"] = new() { Constant = "false" },
                    ["eligibilityFacts.enteredToObtainSupport"] = new() { Constant = "false" },
                    ["eligibilityFacts.dublinTransferWithoutRegistration"] = new() { Constant = "false" },
                    ["eligibilityFacts.hasReturnDecision"] = new() { Constant = "true" },
                },
            };

    [Theory]
    [InlineData("0010-06-01T00:00:00Z")]
    [InlineData("1999-12-31T23:59:59Z")]
    public void A_submission_time_before_any_form_tool_is_taken_as_absent(string submitted)
    {
        // The intake then counts from its receipt: a year-10 submission made everyone a minor on the application's day,
        // and the erasure's date arithmetic threw later.
        var node = System.Text.Json.Nodes.JsonNode.Parse(Sample)!;
        node["_submission_time"] = submitted;

        var delivery = KoboIntake.Read(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()), SampleFormMapping());

        delivery.Ok.ShouldBeTrue(string.Join("; ", delivery.Result.Errors));
        delivery.SubmittedAt.ShouldBeNull();
    }

    [Fact]
    public void Kobo_sample_with_a_mapping_for_its_own_form_parses_and_its_uuid_is_the_delivery_id()
    {
        var mapping = SampleFormMapping();
        mapping.Problems("sample").ShouldBeEmpty();

        var delivery = KoboIntake.Read(Sample, mapping);

        delivery.Ok.ShouldBeTrue(string.Join("; ", delivery.Result.Errors));
        delivery.DeliveryId.ShouldBe("2356cbbe-c1fd-414d-85c8-84f33e92618a");
        delivery.SubmittedAt.ShouldBe(new DateTimeOffset(2021, 12, 5, 14, 15, 44, TimeSpan.Zero));
        var form = delivery.Result.Form!;
        form.Applicant.Name.ShouldBe("Test Fields");
        form.ExternalReference.ShouldBe("471987");
        form.CounsellingNote.ShouldBe("maize beans avocado");
        form.FamilyMembers.ShouldBeEmpty();
    }

    [Fact]
    public void Our_drc_intake_form_maps_fully_including_its_family_repeat()
    {
        DrcKoboForm.Mapping().Problems("drc").ShouldBeEmpty();

        var delivery = Read(DrcKoboForm.Submission());

        delivery.Ok.ShouldBeTrue(string.Join("; ", delivery.Result.Errors));
        delivery.DeliveryId.ShouldBe("5f0c6a4e-3b1d-4f52-9a0e-6c2d8e1b7a93");
        var form = delivery.Result.Form!;
        form.Applicant.ShouldBe(new Person("Amina Nakato", new DateOnly(1990, 3, 14), Relationship.Applicant, false));
        form.FamilyMembers.Select(m => (m.Name, m.Relationship)).ShouldBe(
            [("Joseph Okello", Relationship.Spouse), ("Grace Okello", Relationship.Child), ("Peter Okello", Relationship.Child)]);
        form.FamilyMembers[2].DateOfBirth.ShouldBe(new DateOnly(2018, 9, 23));
        (form.Nationality, form.CountryOfReturn, form.ConsentToShareWithPartner, form.PartnerId).ShouldBe(("UG", "UG", true, null));
        form.EligibilityFacts.ShouldBe(EligibilityFacts.Clean());
        form.ExternalReference.ShouldBe("90412");
        form.Language.ShouldBe("en");
    }

    [Fact]
    public void Bad_answers_in_the_repeat_are_named_by_member_and_kobo_key()
    {
        var submission = DrcKoboForm.Submission();
        var family = submission["household/family"]!.AsArray();
        family[1]!["household/family/member_relationship"] = "cousin";
        family[2]!.AsObject().Remove("household/family/member_dob");
        submission["consent/share_with_partner"] = "maybe";

        var errors = Read(submission).Result.Errors;

        errors.ShouldBe(
        [
            new FieldError("familyMembers[1].relationship", "must be one of: spouse, child, parent, sibling, other (Kobo key 'household/family/member_relationship' in item 2 of repeat 'household/family')"),
            new FieldError("familyMembers[2].dateOfBirth", "is required, but the submission has no Kobo key 'household/family/member_dob' in item 3 of repeat 'household/family'"),
            new FieldError("consentToShareWithPartner", "must be true or false (yes or no) (Kobo key 'consent/share_with_partner')"),
        ], ignoreOrder: true);
    }

    [Fact]
    public void Unanswered_optional_questions_and_an_empty_repeat_are_left_out()
    {
        var submission = DrcKoboForm.Submission();
        submission.Remove("household/family");
        submission.Remove("counselling/note");
        submission["counselling/language"] = "";

        var form = Read(submission).Result.Form!;

        form.FamilyMembers.ShouldBeEmpty();
        form.CounsellingNote.ShouldBeNull();
        form.Language.ShouldBeNull();
    }

    [Fact]
    public void Submission_without_a_uuid_has_no_delivery_id_and_is_refused()
    {
        var submission = DrcKoboForm.Submission();
        submission.Remove("_uuid");

        var delivery = Read(submission);

        delivery.Ok.ShouldBeFalse();
        delivery.Result.Errors.ShouldHaveSingleItem().Field.ShouldBe("_uuid");
    }

    [Fact]
    public void Mapping_with_unknown_fields_missing_sources_and_ambiguous_sources_is_reported_at_start_up()
    {
        var mapping = DrcKoboForm.Mapping();
        mapping.Fields.Remove("nationality");
        mapping.Fields["applicant.passport"] = new() { Key = "applicant/passport" };
        mapping.Fields["returnType"] = new() { Key = "return/return_type", Constant = "voluntary" };
        mapping.FamilyMembers[0].Repeat = "";

        mapping.Problems("drc").ShouldBe(
        [
            "drc: 'applicant.passport' is not a field of the intake schema",
            "drc: the required field 'nationality' has no source",
            "drc: 'returnType' needs either a Key or a Constant",
            "drc: family repeat 0 needs the repeat's Kobo key",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Mapping_that_leaves_out_a_required_field_names_it_at_intake_too()
    {
        var mapping = DrcKoboForm.Mapping();
        mapping.Fields.Remove("nationality");

        Read(DrcKoboForm.Submission(), mapping).Result.Errors.ShouldBe(
            [new FieldError("nationality", "is required, but the mapping gives no source for it")]);
    }
}
