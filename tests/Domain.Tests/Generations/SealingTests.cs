using FsCheck;
using FsCheck.Fluent;
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

    private static readonly DateOnly Origin = new(2024, 1, 1);

    /// <summary>A receipt, the form's day (often the receipt's, else up to 400 days before) and a date of birth
    /// near the dates the rules turn on: exact birthdays on either day, a day either side, leap days, the future.</summary>
    private static readonly Gen<(DateOnly Born, DateOnly AgesOn, DateOnly Received)> Dates =
        from received in Gen.Choose(0, 2200).Select(d => Origin.AddDays(d))
        from formBefore in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 400)))
        from years in Gen.Choose(0, 90)
        from nudge in Gen.Elements(-1, 0, 0, 1)
        from kind in Gen.Choose(0, 4)
        from anyDay in Gen.Choose(-60, 36000)
        let agesOn = received.AddDays(-formBefore)
        select (kind switch
        {
            0 => agesOn.AddYears(-years).AddDays(nudge),
            1 => received.AddYears(-years).AddDays(nudge),
            2 => new DateOnly(2000 + 4 * (years % 8), 2, 29),
            3 => received.AddDays(Math.Abs(anyDay % 60) + 1),
            _ => received.AddDays(-anyDay),
        }, agesOn, received);

    [Fact]
    public void Any_date_of_birth_becomes_a_stand_in_that_is_never_the_real_date_and_that_the_intake_rules_judge_the_same()
    {
        var property = Prop.ForAll(Dates.ToArbitrary(), dates =>
        {
            var (born, agesOn, received) = dates;
            var standIn = Sealing.StandInBirthDate(born, agesOn, received);
            Person real = new("r", born, Relationship.Child, false), sealedPerson = real with { DateOfBirth = standIn };

            standIn.ShouldNotBe(born);
            (standIn > received).ShouldBe(born > received, $"in the future: born {born}, received {received}");
            if (born <= agesOn)
            {
                sealedPerson.AgeOn(agesOn).ShouldBe(real.AgeOn(agesOn), $"born {born}, ages on {agesOn}");
            }
            else if (born <= received)
            {
                sealedPerson.IsMinorOn(agesOn).ShouldBeTrue();
            }
        });

        var replay = new Replay(new Rnd(20261202UL, 7UL), Microsoft.FSharp.Core.FSharpOption<int>.None);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000).WithReplay(replay), property);
    }

    [Fact]
    public void Given_an_old_form_and_a_child_who_came_of_age_since_When_sealed_Then_the_decision_is_the_open_ones()
    {
        // The form was filled on 1 June, received on 2 November: the child (born 1 March 2008) was 18 on the form's
        // day, and adult children apply separately under EURP. Ages count on the form's day, the stand-in too.
        var child = new Person("Sara", new DateOnly(2008, 3, 1), Relationship.Child, false);
        var application = Eurp(family: [child]) with { FormSubmittedAt = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero) };

        var open = Decider.Decide(application, CaseState.Empty("case-e"));
        var (sealedCommand, secrets) = Sealing.Seal(application);
        var sealedDecision = Decider.Decide(sealedCommand, CaseState.Empty("case-e"));

        open.Rejection!.Code.ShouldBe("adult-child-applies-separately");
        sealedDecision.Rejection.ShouldBe(open.Rejection);
        ((CaseCommand.SubmitApplication)sealedCommand).FamilyMembers[0].DateOfBirth.ShouldNotBe(child.DateOfBirth);
        secrets.Values.ShouldContain("2008-03-01");
    }

    [Fact]
    public void Given_a_person_born_on_the_applications_day_of_the_year_or_in_the_future_When_sealed_Then_no_real_date_of_birth_is_left()
    {
        var birthday = Eurp(family: [new Person("Lina", new DateOnly(2016, 11, 2), Relationship.Child, false)]);
        var future = Eurp(family: [new Person("Omar", new DateOnly(2027, 1, 5), Relationship.Child, false)]);

        foreach (var application in new[] { birthday, future })
        {
            var (sealedCommand, secrets) = Sealing.Seal(application);
            var json = System.Text.Json.JsonSerializer.Serialize(sealedCommand, sealedCommand.GetType());
            json.ShouldContain("familyMembers", Case.Insensitive, "the whole command is read");
            json.ShouldNotContain(application.FamilyMembers[0].DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.ShouldNotContain(application.FamilyMembers[0].Name);
            secrets.Values.ShouldContain(application.FamilyMembers[0].Name);
            Decider.Decide(sealedCommand, CaseState.Empty("case-e")).Rejection?.Code
                .ShouldBe(Decider.Decide(application, CaseState.Empty("case-e")).Rejection?.Code);
        }
    }
}
