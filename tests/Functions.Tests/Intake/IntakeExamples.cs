using System.Text;
using System.Text.Json.Nodes;

namespace Reintegration.Functions.Tests.Intake;

/// <summary>A complete native application; tests change only what they are about.</summary>
public static class IntakeExamples
{
    public const string Application = """
        {
          "programmeId": "drc-denmark",
          "externalReference": "DRC-CPH-2026-0042",
          "applicant": { "name": "Amina Nakato", "dateOfBirth": "1990-03-14" },
          "familyMembers": [
            { "name": "Joseph Okello", "dateOfBirth": "1987-07-02", "relationship": "spouse" },
            { "name": "Grace Okello", "dateOfBirth": "2015-06-01", "relationship": "Child", "unaccompaniedMinor": false }
          ],
          "nationality": "ug",
          "countryOfReturn": "UG",
          "returnType": "voluntary",
          "partnerId": null,
          "consentToShareWithPartner": true,
          "eligibilityFacts": {
            "residenceStatus": "asylum-finally-refused",
            "wishesToReturnVoluntarily": true,
            "conviction": "none",
            "openResidencePermitCase": false,
            "repatriationSupportReceived": false,
            "returnedBeforeThroughProgramme": false,
            "manifestlyUnfoundedProcedure": false,
            "toleratedStay": false,
            "enteredToObtainSupport": false,
            "dublinTransferWithoutRegistration": false,
            "hasReturnDecision": true
          },
          "language": "en",
          "counsellingNote": "Worried about housing in Kampala.\nWants to restart the tailoring shop."
        }
        """;

    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>The example with changes applied to its JSON tree.</summary>
    public static byte[] Changed(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Application)!.AsObject();
        change(root);
        return Bytes(root.ToJsonString());
    }
}
