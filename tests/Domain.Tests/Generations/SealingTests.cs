using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Workflow;
using static Reintegration.Domain.Tests.Support.Applications;

namespace Reintegration.Domain.Tests.Generations;

/// <summary>What a command keeps of a person once sealed for the orchestration, and that the decider decides the same.</summary>
public sealed class SealingTests
{
    private static readonly CaseDecider Decider = new(ProgrammeCatalog.Shipped());

    [Fact]
    public void Given_an_application_When_sealed_Then_names_birth_dates_and_the_note_are_secrets_and_the_ages_stay()
    {
        var application = Drc(family: FamilyOfFour());

        var (sealedCommand, secrets) = Sealing.Seal(application);

        var sealedApplication = (CaseCommand.SubmitApplication)sealedCommand;
        var day = DateOnly.FromDateTime(application.At.UtcDateTime);
        sealedApplication.FamilyMembers.Prepend(sealedApplication.Applicant).ShouldAllBe(p => Sealing.IsPlaceholder(p.Name));
        sealedApplication.FamilyMembers.Prepend(sealedApplication.Applicant).Select(p => p.AgeOn(day))
            .ShouldBe(application.FamilyMembers.Prepend(application.Applicant).Select(p => p.AgeOn(day)));
        sealedApplication.Applicant.DateOfBirth.ShouldNotBe(application.Applicant.DateOfBirth);
        Sealing.IsPlaceholder(sealedApplication.CounsellingNote).ShouldBeTrue();
        secrets.Values.ShouldContain("Amina");
        secrets.Values.ShouldContain("1990-03-14");
        secrets.Values.ShouldContain("Confidential counselling note");
    }

    [Fact]
    public void Given_a_sealed_application_When_decided_Then_the_decision_is_the_one_for_the_open_application()
    {
        var application = Drc(family: FamilyOfFour());
        var open = Decider.Decide(application, CaseState.Empty("case-1"));
        var sealedDecision = Decider.Decide(Sealing.Seal(application).Command, CaseState.Empty("case-1"));

        sealedDecision.Rejection.ShouldBeNull();
        sealedDecision.Effects.Count.ShouldBe(open.Effects.Count);
        var file = ((CaseEvent.ApplicationSubmitted)sealedDecision.Events[0]).File;
        file.Minors.ShouldBe(((CaseEvent.ApplicationSubmitted)open.Events[0]).File.Minors);
    }

    [Fact]
    public void Given_blank_or_missing_text_When_sealed_Then_it_is_left_so_required_rules_still_see_it()
    {
        var refusal = new CaseCommand.DecideEligibility("case-1", "d-1", Day0, false, "  ");
        var (sealedCommand, secrets) = Sealing.Seal(refusal);

        ((CaseCommand.DecideEligibility)sealedCommand).Reason.ShouldBe("  ");
        secrets.ShouldBeEmpty();
    }
}
