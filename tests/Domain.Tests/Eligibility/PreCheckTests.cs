using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Tests.Support;

namespace Reintegration.Domain.Tests.Eligibility;

public class PreCheckTests
{
    private static readonly Programme Drc = CaseSpec.Programmes.Get("drc-denmark");
    private static readonly Programme Eurp = CaseSpec.Programmes.Get("eu-eurp");

    private static PreCheckResult Drc_check(EligibilityFacts facts, string nationality = "UG") =>
        PreCheck.Run(new EligibilityContext(facts, nationality, ReturnType.Voluntary, Drc));

    [Theory]
    [InlineData("asylum-finally-refused")]
    [InlineData("permit-revoked-or-not-extended")]
    [InlineData("asylum-application-withdrawn-phase-2")]
    public void Qualifying_residence_status_with_no_conviction_passes(string status)
    {
        var result = Drc_check(EligibilityFacts.Clean(status));
        result.Passed.ShouldBeTrue();
        result.Flagged.ShouldBeEmpty();
    }

    [Fact]
    public void Open_residence_permit_case_fails_its_rule()
    {
        var result = Drc_check(EligibilityFacts.Clean() with { OpenResidencePermitCase = true });
        result.Failed.Select(f => f.Rule).ShouldBe(["open-residence-permit-case"]);
    }

    [Fact]
    public void Serious_conviction_fails_and_a_minor_one_is_flagged_for_the_agency()
    {
        Drc_check(EligibilityFacts.Clean() with { Conviction = Conviction.Serious }).Failed.Select(f => f.Rule).ShouldBe(["serious-crime"]);

        var minor = Drc_check(EligibilityFacts.Clean() with { Conviction = Conviction.Minor });
        minor.Passed.ShouldBeTrue();
        minor.Flagged.Select(f => f.Rule).ShouldBe(["serious-crime"]);
    }

    public static TheoryData<string, EligibilityFacts, string> Exclusions => new()
    {
        { "repatriation-support-received", EligibilityFacts.Clean() with { RepatriationSupportReceived = true }, "UG" },
        { "returned-before-through-programme", EligibilityFacts.Clean() with { ReturnedBeforeThroughProgramme = true }, "UG" },
        { "manifestly-unfounded-procedure", EligibilityFacts.Clean() with { ManifestlyUnfoundedProcedure = true }, "UG" },
        { "tolerated-stay", EligibilityFacts.Clean() with { ToleratedStay = true }, "UG" },
        { "entry-to-obtain-support", EligibilityFacts.Clean() with { EnteredToObtainSupport = true }, "UG" },
        { "dublin-transfer-unregistered", EligibilityFacts.Clean() with { DublinTransferWithoutRegistration = true }, "UG" },
        { "visa-free-nationality", EligibilityFacts.Clean(), "RS" },
    };

    [Theory]
    [MemberData(nameof(Exclusions))]
    public void Each_of_the_seven_exclusions_fails_on_its_own_rule(string rule, EligibilityFacts facts, string nationality)
    {
        var result = Drc_check(facts, nationality);
        result.Failed.Select(f => f.Rule).ShouldBe([rule]);
        result.Failed.Single().Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Three_exclusions_at_once_are_all_named()
    {
        var facts = EligibilityFacts.Clean() with { RepatriationSupportReceived = true, ToleratedStay = true };
        var result = Drc_check(facts, "AL");
        result.Failed.Select(f => f.Rule).ShouldBe(["repatriation-support-received", "tolerated-stay", "visa-free-nationality"]);
    }

    [Fact]
    public void Eurp_accepts_its_two_categories_with_a_return_decision()
    {
        PreCheck.Run(new EligibilityContext(EligibilityFacts.Clean(), "IQ", ReturnType.Voluntary, Eurp)).Passed.ShouldBeTrue();
        PreCheck.Run(new EligibilityContext(EligibilityFacts.Clean() with { WishesToReturnVoluntarily = false }, "IQ", ReturnType.Forced, Eurp)).Passed.ShouldBeTrue();

        var noDecision = PreCheck.Run(new EligibilityContext(EligibilityFacts.Clean() with { HasReturnDecision = false, WishesToReturnVoluntarily = false }, "IQ", ReturnType.Voluntary, Eurp));
        noDecision.Failed.Select(f => f.Rule).ShouldBe(["return-category", "return-decision"]);
    }
}
