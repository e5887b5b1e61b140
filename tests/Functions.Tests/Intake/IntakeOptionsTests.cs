using System.Text;
using Microsoft.Extensions.Configuration;
using Reintegration.Functions.Intake;

namespace Reintegration.Functions.Tests.Intake;

public class IntakeOptionsTests
{
    private const string Settings = """
        {
          "Intake": {
            "Native": { "Secrets": [ "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" ] },
            "Kobo": {
              "drc-intake": {
                "Authentication": { "HeaderName": "X-Intake-Secret", "HeaderValue": "0123456789abcdef0123" },
                "Mapping": {
                  "FormId": "aDrcIntake7hQm2XwKp4Vn9",
                  "Fields": {
                    "programmeId": { "Constant": "drc-denmark" },
                    "applicant.name": { "Key": "applicant/full_name" }
                  },
                  "FamilyMembers": [
                    { "Repeat": "household/family", "Fields": { "name": { "Key": "household/family/member_name" } } }
                  ]
                }
              }
            },
            "Typeform": {
              "eurp-iq": {
                "Secret": "typeform-webhook-secret-of-ours",
                "Mapping": { "Fields": { "externalReference": { "Hidden": "user_id" } } }
              }
            }
          }
        }
        """;

    private static IntakeOptions Bind(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build()
            .GetSection(IntakeOptions.Section).Get<IntakeOptions>()!;

    [Fact]
    public void Intake_section_binds_with_dotted_field_paths_and_case_insensitive_names()
    {
        var options = Bind(Settings);

        var kobo = options.Kobo["DRC-Intake"];
        kobo.Mapping.Fields["Applicant.Name"].Key.ShouldBe("applicant/full_name");
        kobo.Mapping.FamilyMembers.ShouldHaveSingleItem().Repeat.ShouldBe("household/family");
        options.Typeform["eurp-iq"].Mapping.Fields["externalReference"].Hidden.ShouldBe("user_id");
        options.Native.Verifier().ShouldNotBeNull();
    }

    [Fact]
    public void Incomplete_mappings_are_reported_at_start_up_by_form()
    {
        var problems = Bind(Settings).Problems();

        problems.ShouldContain("Kobo form 'drc-intake': the required field 'nationality' has no source");
        problems.ShouldContain("Kobo form 'drc-intake': family repeat 0: the required field 'relationship' has no source");
        problems.ShouldContain("Typeform form 'eurp-iq': the required field 'programmeId' has no source");
        problems.ShouldNotContain(p => p.StartsWith("Native", StringComparison.Ordinal));
    }

    [Fact]
    public void Weak_or_malformed_secrets_are_reported_at_start_up()
    {
        var options = new IntakeOptions { Native = { Secrets = ["whsec_c2hvcnQ="] } };
        options.Kobo["k"] = new KoboForm { Authentication = { Username = "kobo", Password = "short" }, Mapping = DrcKoboForm.Mapping() };
        options.Typeform["t"] = new TypeformForm { Secret = "short" };

        var problems = options.Problems();

        problems.ShouldContain(p => p.StartsWith("Native intake: secret 0", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Kobo form 'k': Basic authentication", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("Typeform form 't': the webhook secret", StringComparison.Ordinal));
    }
}
