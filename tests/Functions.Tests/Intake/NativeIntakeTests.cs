using System.Text.Json.Nodes;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Functions.Intake;

namespace Reintegration.Functions.Tests.Intake;

public class NativeIntakeTests
{
    private static IReadOnlyList<string> ErrorFields(byte[] body) => NativeIntake.Read(body).Errors.Select(e => e.Field).ToList();

    [Fact]
    public void Complete_application_reads_into_the_form_with_codes_and_choices_normalised()
    {
        var result = NativeIntake.Read(IntakeExamples.Bytes(IntakeExamples.Application));

        result.Ok.ShouldBeTrue(string.Join("; ", result.Errors));
        var form = result.Form;
        form.ProgrammeId.ShouldBe("drc-denmark");
        form.Applicant.ShouldBe(new Person("Amina Nakato", new DateOnly(1990, 3, 14), Relationship.Applicant, false));
        form.FamilyMembers.ShouldBe([
            new Person("Joseph Okello", new DateOnly(1987, 7, 2), Relationship.Spouse, false),
            new Person("Grace Okello", new DateOnly(2015, 6, 1), Relationship.Child, false),
        ]);
        form.Nationality.ShouldBe("UG");
        form.ReturnType.ShouldBe(ReturnType.Voluntary);
        form.PartnerId.ShouldBeNull();
        form.EligibilityFacts.ShouldBe(EligibilityFacts.Clean());
        form.CounsellingNote!.ShouldContain("\n");
        form.ExternalReference.ShouldBe("DRC-CPH-2026-0042");
    }

    [Fact]
    public void Application_with_many_bad_fields_names_every_one_of_them()
    {
        var body = IntakeExamples.Changed(root =>
        {
            root["applicant"]!["dateOfBirth"] = "14/03/1990";
            root["familyMembers"]![1]!["relationship"] = "cousin";
            root["familyMembers"]![0]!["name"] = "";
            root["nationality"] = "UGA";
            root["countryOfReturn"] = "U1";
            root["returnType"] = "assisted";
            root["consentToShareWithPartner"] = "yes";
            root["eligibilityFacts"]!["conviction"] = "petty";
            root["eligibilityFacts"]!.AsObject().Remove("toleratedStay");
            root["language"] = "english please";
            root.Remove("programmeId");
        });

        ErrorFields(body).ShouldBe(
        [
            "programmeId", "applicant.dateOfBirth", "familyMembers[0].name", "familyMembers[1].relationship", "nationality",
            "countryOfReturn", "returnType", "consentToShareWithPartner", "eligibilityFacts.conviction",
            "eligibilityFacts.toleratedStay", "language",
        ]);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    [InlineData("9999-12-31")]
    public void A_date_of_birth_at_the_calendars_end_is_refused_by_field(string born)
    {
        // 0001-01-01 is a common "unknown" in forms; the stand-in date the orchestration carries was computed from it
        // and threw: the webhook answered 500 and Kobo sent it again and again.
        var body = IntakeExamples.Changed(root => root["applicant"]!["dateOfBirth"] = born);

        ErrorFields(body).ShouldBe(["applicant.dateOfBirth"]);
    }

    [Fact]
    public void A_text_with_a_lone_surrogate_is_refused_where_it_is_parsed()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("{\"programmeId\":\"\\udc00\"}");

        NativeIntake.Read(body).Errors.ShouldHaveSingleItem().Field.ShouldBe("$.programmeId");
    }

    [Fact]
    public void Choices_accept_any_case_and_kebab_or_snake_spelling()
    {
        var result = NativeIntake.Read(IntakeExamples.Changed(root =>
        {
            root["returnType"] = "FORCED";
            root["eligibilityFacts"]!["conviction"] = "Minor";
            root["eligibilityFacts"]!["residenceStatus"] = "Permit_Revoked_Or_Not_Extended";
        }));

        result.Form!.ReturnType.ShouldBe(ReturnType.Forced);
        result.Form.EligibilityFacts.Conviction.ShouldBe(Conviction.Minor);
        result.Form.EligibilityFacts.ResidenceStatus.ShouldBe("permit-revoked-or-not-extended");
    }

    [Fact]
    public void Family_member_called_the_applicant_is_refused_with_the_allowed_relationships()
    {
        var result = NativeIntake.Read(IntakeExamples.Changed(root => root["familyMembers"]![0]!["relationship"] = "applicant"));

        var error = result.Errors.ShouldHaveSingleItem();
        error.ShouldBe(new FieldError("familyMembers[0].relationship", "must be one of: spouse, child, parent, sibling, other"));
    }

    [Fact]
    public void Unknown_fields_are_named_instead_of_dropped()
    {
        var body = IntakeExamples.Changed(root =>
        {
            root["currency"] = "DKK";
            root["applicant"]!["passportNumber"] = "X123";
            root["familyMembers"]![1]!["age"] = 11;
        });

        ErrorFields(body).ShouldBe(["applicant.passportNumber", "familyMembers[1].age", "currency"], ignoreOrder: true);
    }

    [Fact]
    public void Lengths_and_counts_are_bounded()
    {
        var body = IntakeExamples.Changed(root =>
        {
            root["applicant"]!["name"] = new string('a', 201);
            root["counsellingNote"] = new string('n', 4001);
            root["familyMembers"] = new JsonArray([.. Enumerable.Range(0, 21).Select(_ => (JsonNode)new JsonObject { ["name"] = "x", ["dateOfBirth"] = "2010-01-01", ["relationship"] = "child" })]);
        });

        ErrorFields(body).ShouldBe(["applicant.name", "familyMembers", "counsellingNote"]);
    }

    [Fact]
    public void Twenty_family_members_are_accepted()
    {
        var body = IntakeExamples.Changed(root =>
            root["familyMembers"] = new JsonArray([.. Enumerable.Range(0, 20).Select(i => (JsonNode)new JsonObject { ["name"] = $"Child {i}", ["dateOfBirth"] = "2010-01-01", ["relationship"] = "child" })]));

        NativeIntake.Read(body).Form!.FamilyMembers.Count.ShouldBe(20);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-2-3")]
    [InlineData("2026-02-03T00:00:00")]
    public void Date_that_is_not_a_calendar_day_as_yyyy_mm_dd_is_refused(string date) =>
        ErrorFields(IntakeExamples.Changed(root => root["applicant"]!["dateOfBirth"] = date)).ShouldBe(["applicant.dateOfBirth"]);

    [Fact]
    public void Empty_optional_text_must_be_left_out_rather_than_blank() =>
        ErrorFields(IntakeExamples.Changed(root => root["partnerId"] = " ")).ShouldBe(["partnerId"]);

    [Theory]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{\"programmeId\": ", "is not valid JSON")]
    [InlineData("{\"programmeId\": \"a\", \"programmeId\": \"b\"}", "is not valid JSON")]
    [InlineData("{ /* note */ }", "is not valid JSON")]
    public void Body_that_is_not_one_clean_json_object_is_refused_as_a_whole(string json, string reason)
    {
        var error = NativeIntake.Read(IntakeExamples.Bytes(json)).Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("$");
        error.Reason.ShouldStartWith(reason);
    }
}
