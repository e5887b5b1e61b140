using System.Text.Json.Nodes;
using Reintegration.Functions.Intake;

namespace Reintegration.Functions.Tests.Intake;

/// <summary>
/// Our own DRC intake form as a Kobo project (not the shared sample): groups applicant/, return/, eligibility/,
/// consent/ and counselling/, and a repeat household/family for the family members.
/// </summary>
public static class DrcKoboForm
{
    public const string FormId = "aDrcIntake7hQm2XwKp4Vn9";

    public static KoboMapping Mapping() => new()
    {
        FormId = FormId,
        Fields =
        {
            ["programmeId"] = new() { Constant = "drc-denmark" },
            ["externalReference"] = new() { Key = "_id" },
            ["applicant.name"] = new() { Key = "applicant/full_name" },
            ["applicant.dateOfBirth"] = new() { Key = "applicant/date_of_birth" },
            ["applicant.unaccompaniedMinor"] = new() { Key = "applicant/unaccompanied_minor" },
            ["nationality"] = new() { Key = "applicant/nationality" },
            ["countryOfReturn"] = new() { Key = "return/country" },
            ["returnType"] = new() { Key = "return/return_type" },
            ["partnerId"] = new() { Key = "return/partner" },
            ["consentToShareWithPartner"] = new() { Key = "consent/share_with_partner" },
            ["eligibilityFacts.residenceStatus"] = new() { Key = "eligibility/residence_status" },
            ["eligibilityFacts.wishesToReturnVoluntarily"] = new() { Key = "eligibility/wishes_to_return" },
            ["eligibilityFacts.conviction"] = new() { Key = "eligibility/conviction" },
            ["eligibilityFacts.openResidencePermitCase"] = new() { Key = "eligibility/open_permit_case" },
            ["eligibilityFacts.repatriationSupportReceived"] = new() { Key = "eligibility/repatriation_support" },
            ["eligibilityFacts.returnedBeforeThroughProgramme"] = new() { Key = "eligibility/returned_before" },
            ["eligibilityFacts.manifestlyUnfoundedProcedure"] = new() { Key = "eligibility/manifestly_unfounded" },
            ["eligibilityFacts.toleratedStay"] = new() { Key = "eligibility/tolerated_stay" },
            ["eligibilityFacts.enteredToObtainSupport"] = new() { Key = "eligibility/entered_for_support" },
            ["eligibilityFacts.dublinTransferWithoutRegistration"] = new() { Key = "eligibility/dublin_unregistered" },
            ["eligibilityFacts.hasReturnDecision"] = new() { Key = "eligibility/return_decision" },
            ["language"] = new() { Key = "counselling/language" },
            ["counsellingNote"] = new() { Key = "counselling/note" },
        },
        FamilyMembers =
        {
            new KoboRepeat
            {
                Repeat = "household/family",
                Fields =
                {
                    ["name"] = new() { Key = "household/family/member_name" },
                    ["dateOfBirth"] = new() { Key = "household/family/member_dob" },
                    ["relationship"] = new() { Key = "household/family/member_relationship" },
                    ["unaccompaniedMinor"] = new() { Key = "household/family/member_unaccompanied" },
                },
            },
        },
    };

    /// <summary>A submission as Kobo's REST Service posts it: every answer a string, metadata beside the answers.</summary>
    public static JsonObject Submission(string uuid = "5f0c6a4e-3b1d-4f52-9a0e-6c2d8e1b7a93") => new()
    {
        ["_id"] = 90412,
        ["formhub/uuid"] = "0f6b1c9e8d7a4e2f9b3c5d1a7e6f4b2c",
        ["start"] = "2026-11-20T10:02:11.204+01:00",
        ["end"] = "2026-11-20T10:41:57.880+01:00",
        ["applicant/full_name"] = "Amina Nakato",
        ["applicant/date_of_birth"] = "1990-03-14",
        ["applicant/unaccompanied_minor"] = "no",
        ["applicant/nationality"] = "UG",
        ["return/country"] = "UG",
        ["return/return_type"] = "voluntary",
        ["consent/share_with_partner"] = "yes",
        ["eligibility/residence_status"] = "asylum_finally_refused",
        ["eligibility/wishes_to_return"] = "yes",
        ["eligibility/conviction"] = "none",
        ["eligibility/open_permit_case"] = "no",
        ["eligibility/repatriation_support"] = "no",
        ["eligibility/returned_before"] = "no",
        ["eligibility/manifestly_unfounded"] = "no",
        ["eligibility/tolerated_stay"] = "no",
        ["eligibility/entered_for_support"] = "no",
        ["eligibility/dublin_unregistered"] = "no",
        ["eligibility/return_decision"] = "yes",
        ["counselling/language"] = "en",
        ["counselling/note"] = "Returns with her husband and two children; asks about school enrolment.",
        ["household/family"] = new JsonArray(
            Member("Joseph Okello", "1987-07-02", "spouse"),
            Member("Grace Okello", "2015-06-01", "child"),
            Member("Peter Okello", "2018-09-23", "child")),
        ["__version__"] = "vR8pLq3sTnYw5XzA2bC4dE",
        ["meta/instanceID"] = $"uuid:{uuid}",
        ["_xform_id_string"] = FormId,
        ["_uuid"] = uuid,
        ["_attachments"] = new JsonArray(),
        ["_status"] = "submitted_via_web",
        ["_geolocation"] = new JsonArray(null, null),
        ["_submission_time"] = "2026-11-20T09:42:03",
        ["_tags"] = new JsonArray(),
        ["_notes"] = new JsonArray(),
        ["_validation_status"] = new JsonObject(),
        ["_submitted_by"] = "drc_counsellor_cph",
    };

    public static JsonObject Member(string name, string born, string relationship, string unaccompanied = "no") => new()
    {
        ["household/family/member_name"] = name,
        ["household/family/member_dob"] = born,
        ["household/family/member_relationship"] = relationship,
        ["household/family/member_unaccompanied"] = unaccompanied,
    };
}
