using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Tests.Support;
using static Reintegration.Domain.Tests.Support.Applications;
using static Reintegration.Domain.Tests.Support.Commands;

namespace Reintegration.Domain.Tests.Workflow;

public class IntakeAndDecisionTests
{
    [Fact]
    public void Intake_opens_the_case_awaiting_decision_with_the_pre_check_and_the_decision_timers()
    {
        var spec = CaseSpec.Given().When(Drc()).ThenStage(CaseStage.AwaitingDecision);

        var submitted = spec.Decision.Events.ShouldHaveSingleItem().ShouldBeOfType<CaseEvent.ApplicationSubmitted>();
        submitted.PreCheck!.Passed.ShouldBeTrue();
        submitted.File.PartnerId.ShouldBe("ug-reach-out");
        submitted.File.Language.ShouldBe("da");
        var email = spec.Effects<CaseEffect.SendEmail>().ShouldHaveSingleItem();
        email.Template.ShouldBe(EmailTemplate.DecisionRequested);
        email.Recipient.ShouldBe(RecipientRole.Agency);
        email.Links.ShouldHaveSingleItem().ShouldBe(new LinkIntent(LinkAction.DecideEligibility, 1, Day0.AddDays(14)));
        spec.Timers().ShouldBe(
        [
            (TimerKind.DecisionReminder, Day0.AddDays(5)), (TimerKind.DecisionEscalation, Day0.AddDays(10)),
            (TimerKind.DecisionLapse, Day0.AddDays(14)),
        ]);
    }

    [Fact]
    public void A_form_submitted_days_before_it_arrived_keeps_its_time_on_record_while_timers_run_from_the_receipt()
    {
        var formTime = Day0.AddDays(-40);
        var spec = CaseSpec.Given().When(Drc() with { FormSubmittedAt = formTime });

        var submitted = spec.Decision.Events.ShouldHaveSingleItem().ShouldBeOfType<CaseEvent.ApplicationSubmitted>();
        (submitted.SubmittedAt, submitted.ReceivedAt, submitted.At).ShouldBe((formTime, (DateTimeOffset?)Day0, Day0));
        submitted.File.SubmittedOn.ShouldBe(DateOnly.FromDateTime(formTime.UtcDateTime));
        spec.State.DecisionWaitStartedAt.ShouldBe(Day0);
        spec.Timers().ShouldBe(
        [
            (TimerKind.DecisionReminder, Day0.AddDays(5)), (TimerKind.DecisionEscalation, Day0.AddDays(10)),
            (TimerKind.DecisionLapse, Day0.AddDays(14)),
        ]);
        spec.Effects<CaseEffect.SendEmail>().Single().Links.Single().ExpiresAt.ShouldBe(Day0.AddDays(14));
        Timeline.Describe(1, submitted, Disclosure.Everything).Detail
            .ShouldContain("submitted 2026-09-23 09:00 UTC, received 2026-11-02 09:00 UTC");
    }

    [Fact]
    public void A_form_time_after_the_receipt_is_not_believed_and_without_one_the_receipt_is_the_application_time()
    {
        var ahead = CaseSpec.Given().When(Drc() with { FormSubmittedAt = Day0.AddHours(3) });
        var none = CaseSpec.Given().When(Drc());

        ahead.Decision.Events.OfType<CaseEvent.ApplicationSubmitted>().Single().SubmittedAt.ShouldBe(Day0);
        none.Decision.Events.OfType<CaseEvent.ApplicationSubmitted>().Single().SubmittedAt.ShouldBe(Day0);
        none.State.File!.SubmittedOn.ShouldBe(new DateOnly(2026, 11, 2));
    }

    [Fact]
    public void Intake_records_failed_rules_but_still_waits_for_the_agency()
    {
        var spec = CaseSpec.Given().When(Drc(facts: EligibilityFacts.Clean() with { OpenResidencePermitCase = true }));
        spec.ThenStage(CaseStage.AwaitingDecision);
        spec.State.PreCheck!.Failed.Select(f => f.Rule).ShouldBe(["open-residence-permit-case"]);
    }

    [Fact]
    public void Effect_ids_are_deterministic()
    {
        var first = CaseSpec.Given().When(Drc()).Decision.Effects.Select(e => e.EffectId);
        var second = CaseSpec.Given().When(Drc()).Decision.Effects.Select(e => e.EffectId);
        first.ShouldBe(second);
        first.ShouldBe(["case-1:1:0", "case-1:1:1", "case-1:1:2", "case-1:1:3"]);
    }

    [Fact]
    public void Intake_for_an_existing_case_is_refused() =>
        CaseSpec.Given(Drc()).When(Drc() with { CommandId = "other" }).ThenRejected("case-exists");

    [Fact]
    public void Unknown_programme_is_refused() =>
        CaseSpec.Given().When(Drc() with { ProgrammeId = "nope" }).ThenRejected("unknown-programme").Field.ShouldBe("programmeId");

    [Fact]
    public void Eurp_adult_child_in_the_family_is_refused_as_they_apply_separately()
    {
        var rejection = CaseSpec.Given().When(Eurp(family: [Child("Adult son", 2001)])).ThenRejected("adult-child-applies-separately");
        rejection.Field.ShouldBe("familyMembers[0].dateOfBirth");
    }

    [Fact]
    public void Return_type_outside_the_programme_is_refused() =>
        CaseSpec.Given().When(Drc() with { ReturnType = ReturnType.Forced }).ThenRejected("return-type-not-in-programme");

    [Fact]
    public void Partner_from_another_country_is_refused() =>
        CaseSpec.Given().When(Drc() with { PartnerId = "so-partner" }).ThenRejected("unknown-partner");

    [Fact]
    public void Date_of_birth_in_the_future_is_refused() =>
        CaseSpec.Given().When(Drc(family: [Child("Unborn", 2030)])).ThenRejected("date-of-birth-in-future");

    [Fact]
    public void Command_on_a_case_that_does_not_exist_is_refused() =>
        CaseSpec.Given().When(Approve(Day0)).ThenRejected("case-not-found");

    [Fact]
    public void Agency_approval_moves_to_awaiting_departure_and_tells_the_counsellor()
    {
        var spec = CaseSpec.Given(Drc()).When(Approve(Day0.AddDays(1)))
            .Then(new CaseEvent.EligibilityDecided(true, null, Day0.AddDays(1)))
            .ThenStage(CaseStage.AwaitingDeparture);
        spec.Effects<CaseEffect.SendEmail>().Single().Recipient.ShouldBe(RecipientRole.Counsellor);
    }

    [Fact]
    public void Agency_refusal_closes_the_case_as_ineligible()
    {
        var spec = CaseSpec.Given(Drc()).When(new CaseCommand.DecideEligibility("case-1", "d", Day0, false, "serious crime"));
        spec.ThenStage(CaseStage.Closed).State.Closure.ShouldBe(ClosureReason.Ineligible);
    }

    [Fact]
    public void Refusal_without_a_reason_is_refused() =>
        CaseSpec.Given(Drc()).When(new CaseCommand.DecideEligibility("case-1", "d", Day0, false, " ")).ThenRejected("reason-required");

    [Fact]
    public void Deciding_twice_is_refused_by_stage() =>
        CaseSpec.Given(Drc(), Approve(Day0)).When(Approve(Day0.AddHours(1))).ThenRejected("not-accepted-in-stage");

    [Fact]
    public void Silent_agency_is_reminded_after_5_days_once()
    {
        var spec = CaseSpec.Given(Drc());
        var reminder = spec.WaitTimer(TimerKind.DecisionReminder, Day0.AddDays(5));
        spec.When(Fire(reminder)).Then(new CaseEvent.ReminderSent(TimerKind.DecisionReminder, 1, Day0.AddDays(5)));
        spec.Effects<CaseEffect.SendEmail>().Single().Template.ShouldBe(EmailTemplate.DecisionReminder);
        spec.When(Fire(reminder) with { CommandId = "again" }).ThenNothing();
    }

    [Fact]
    public void Wait_lapses_after_14_days_and_a_lapsed_case_can_be_reopened_with_fresh_timers()
    {
        var spec = CaseSpec.Given(Drc());
        var lapse = spec.WaitTimer(TimerKind.DecisionLapse, Day0.AddDays(14));
        spec.When(Fire(lapse)).Then(new CaseEvent.CaseClosed(ClosureReason.Lapsed, Day0.AddDays(14)));
        spec.State.Closure.ShouldBe(ClosureReason.Lapsed);

        var reopenedAt = Day0.AddDays(20);
        spec.When(new CaseCommand.ReopenCase("case-1", "reopen", reopenedAt)).Then(new CaseEvent.CaseReopened(2, reopenedAt)).ThenStage(CaseStage.AwaitingDecision);
        spec.Timers().ShouldBe(
        [
            (TimerKind.DecisionReminder, reopenedAt.AddDays(5)), (TimerKind.DecisionEscalation, reopenedAt.AddDays(10)),
            (TimerKind.DecisionLapse, reopenedAt.AddDays(14)),
        ]);

        // The first round's lapse timer, swept late, changes nothing.
        spec.When(Fire(lapse, reopenedAt.AddDays(1)) with { CommandId = "late" }).ThenNothing();
    }

    [Fact]
    public void Only_lapsed_cases_reopen() =>
        CaseSpec.Given(Drc(), new CaseCommand.CloseCase("case-1", "w", Day0, ClosureReason.Withdrawn))
            .When(new CaseCommand.ReopenCase("case-1", "r", Day0)).ThenRejected("only-lapsed-cases-reopen");

    [Fact]
    public void Decision_timers_after_the_decision_are_no_ops() =>
        CaseSpec.Given(Drc(), Approve(Day0.AddDays(1)))
            .When(Fire(new CaseTimer("case-1", TimerKind.DecisionLapse, 1, Day0.AddDays(14)))).ThenNothing();

    [Fact]
    public void Timer_fired_before_it_is_due_is_refused_so_it_can_fire_later() =>
        CaseSpec.Given(Drc()).When(Fire(new CaseTimer("case-1", TimerKind.DecisionReminder, 1, Day0.AddDays(5)), Day0.AddDays(4))).ThenRejected("timer-not-due");
}
