using Reintegration.Domain.Cases;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Tests.Support;
using static Reintegration.Domain.Tests.Support.Applications;
using static Reintegration.Domain.Tests.Support.Commands;

namespace Reintegration.Domain.Tests.Workflow;

public class DepartureTests
{
    private static readonly DateOnly December10 = new(2026, 12, 10);

    private static CaseSpec Approved(CaseCommand.SubmitApplication? application = null) =>
        CaseSpec.Given(application ?? Drc(), Approve(Day0.AddDays(1), (application ?? Drc()).CaseId));

    [Fact]
    public void Booking_arms_the_deadline_the_reminder_and_the_last_day_and_tells_the_partner()
    {
        var spec = Approved().When(Book(December10, On(2026, 11, 20)))
            .Then(new CaseEvent.DepartureBooked(1, December10, "TK 1234", new DateOnly(2026, 12, 5), On(2026, 11, 20)))
            .ThenStage(CaseStage.DepartureBooked);
        spec.Timers().ShouldBe(
        [
            (TimerKind.PostArrivalReminder, On(2026, 12, 3, 0)), (TimerKind.PostArrivalLastDay, On(2026, 12, 5, 0)),
            (TimerKind.ArrivalReminder, On(2026, 12, 13, 0)), (TimerKind.ArrivalEscalation, On(2026, 12, 17, 0)),
            (TimerKind.ArrivalEnd, On(2027, 1, 9, 0)),
        ]);
        spec.Effects<CaseEffect.NotifyPartner>().Single().Notice.ShouldBe(PartnerNotice.DepartureBooked);
    }

    [Fact]
    public void Departure_in_the_past_is_refused() =>
        Approved().When(Book(new DateOnly(2026, 11, 1), On(2026, 11, 20))).ThenRejected("departure-in-past").Field.ShouldBe("departure");

    [Fact]
    public void Request_exactly_five_days_before_departure_is_accepted() =>
        Approved(Drc()).When(Book(December10, On(2026, 11, 20)))
            .When(RequestPackage(On(2026, 12, 5, 23)))
            .Decision.Rejection.ShouldBeNull();

    [Fact]
    public void Request_four_days_before_departure_is_refused_naming_both_dates()
    {
        var rejection = Approved().When(Book(December10, On(2026, 11, 20))).When(RequestPackage(On(2026, 12, 6, 0))).ThenRejected("post-arrival-too-late");
        rejection.Message.ShouldBe("the post-arrival package must be requested at least 5 days before departure: departure 2026-12-10, latest request 2026-12-05");
    }

    [Fact]
    public void With_working_days_the_latest_request_for_thursday_10_december_is_thursday_3_december()
    {
        var working = CaseSpec.Programmes.Get("drc-denmark") with
        {
            Id = "drc-working",
            Deadlines = CaseSpec.Programmes.Get("drc-denmark").Deadlines with { PostArrivalRequestBeforeDeparture = new DayPeriod(5, DayCount.Working) },
        };
        var decider = new Reintegration.Domain.Workflow.CaseDecider(new ProgrammeCatalog([working]));
        var state = CaseState.Empty("case-1");
        foreach (var command in new CaseCommand[] { Drc() with { ProgrammeId = "drc-working" }, Approve(Day0), Book(December10, On(2026, 11, 20)) })
        {
            state = decider.Decide(command, state).Events.Aggregate(state, CaseEvolution.Evolve);
        }

        state.LatestPostArrivalRequest.ShouldBe(new DateOnly(2026, 12, 3));
        decider.Decide(RequestPackage(On(2026, 12, 4)), state).Rejection!.Message.ShouldEndWith("at least 5 working days before departure: departure 2026-12-10, latest request 2026-12-03");
    }

    [Fact]
    public void Rebooking_moves_the_deadline_and_the_old_timers_change_nothing()
    {
        var spec = Approved().When(Book(December10, On(2026, 11, 20))).When(Book(new DateOnly(2026, 12, 20), On(2026, 11, 25)));
        spec.State.LatestPostArrivalRequest.ShouldBe(new DateOnly(2026, 12, 15));
        spec.Effects<CaseEffect.ScheduleTimer>()
            .Where(t => t.Timer.Kind is TimerKind.PostArrivalReminder or TimerKind.PostArrivalLastDay)
            .Select(t => (t.Timer.Round, t.Timer.DueAt)).ShouldBe([(2, On(2026, 12, 13, 0)), (2, On(2026, 12, 15, 0))]);

        spec.When(Fire(new CaseTimer("case-1", TimerKind.PostArrivalLastDay, 1, On(2026, 12, 5, 0)))).ThenNothing();
        spec.When(RequestPackage(On(2026, 12, 14))).Decision.Rejection.ShouldBeNull();
    }

    [Fact]
    public void Booking_the_same_date_again_changes_nothing() =>
        Approved().When(Book(December10, On(2026, 11, 20))).When(Book(December10, On(2026, 11, 21))).ThenNothing();

    [Fact]
    public void No_request_two_days_before_the_deadline_reminds_the_counsellor_once()
    {
        var reminder = new CaseTimer("case-1", TimerKind.PostArrivalReminder, 1, On(2026, 12, 3, 0));
        var spec = Approved().When(Book(December10, On(2026, 11, 20))).When(Fire(reminder))
            .Then(new CaseEvent.ReminderSent(TimerKind.PostArrivalReminder, 1, On(2026, 12, 3, 0)));
        var email = spec.Effects<CaseEffect.SendEmail>().Single();
        (email.Template, email.Recipient).ShouldBe((EmailTemplate.PostArrivalReminder, RecipientRole.Counsellor));
        spec.When(Fire(reminder) with { CommandId = "twice" }).ThenNothing();
    }

    [Fact]
    public void Reminder_after_the_request_was_made_changes_nothing() =>
        Approved().When(Book(December10, On(2026, 11, 20))).When(RequestPackage(On(2026, 11, 21)))
            .When(Fire(new CaseTimer("case-1", TimerKind.PostArrivalReminder, 1, On(2026, 12, 3, 0)))).ThenNothing();

    [Fact]
    public void Cancelling_the_departure_returns_to_awaiting_departure_and_silences_its_timers()
    {
        var spec = Approved().When(Book(December10, On(2026, 11, 20))).When(new CaseCommand.CancelDeparture("case-1", "c", On(2026, 11, 22)))
            .ThenStage(CaseStage.AwaitingDeparture);
        spec.Effects<CaseEffect.NotifyPartner>().Single().Notice.ShouldBe(PartnerNotice.DepartureCancelled);
        spec.When(Fire(new CaseTimer("case-1", TimerKind.PostArrivalReminder, 1, On(2026, 12, 3, 0)))).ThenNothing();
    }

    [Fact]
    public void Family_reunification_needs_an_unaccompanied_minor()
    {
        Approved().When(Book(December10, On(2026, 11, 20)))
            .When(RequestPackage(On(2026, 11, 21), "case-1", PostArrivalService.FamilyReunification))
            .ThenRejected("family-reunification-needs-unaccompanied-minor");

        var minor = Drc() with { Applicant = new Person("Samir", new DateOnly(2011, 1, 1), Relationship.Applicant, true) };
        Approved(minor).When(Book(December10, On(2026, 11, 20)))
            .When(RequestPackage(On(2026, 11, 21), "case-1", PostArrivalService.FamilyReunification))
            .Decision.Rejection.ShouldBeNull();
    }

    [Fact]
    public void Eurp_post_arrival_value_is_capped_at_615_per_person_for_voluntary_returns()
    {
        var spec = Approved(Eurp(caseId: "case-1")).When(Book(December10, On(2026, 11, 20)));
        var request = RequestPackage(On(2026, 11, 21)) with { EstimatedValue = new Money(700m, Currency.EUR) };
        spec.When(request).ThenRejected("post-arrival-over-cap").Message.ShouldContain("cap of EUR 615 (1 × EUR 615) by EUR 85");
        spec.When(request with { EstimatedValue = new Money(615m, Currency.EUR) }).Decision.Rejection.ShouldBeNull();
    }

    [Fact]
    public void Country_without_partner_skips_the_partners_steps_and_pays_cash_at_departure()
    {
        var spec = Approved(Drc(country: "ER", nationality: "ER")).When(Book(December10, On(2026, 11, 20)));
        spec.State.HasPartner.ShouldBeFalse();
        spec.Timers().Select(t => t.Kind)
            .ShouldBe([TimerKind.ArrivalReminder, TimerKind.ArrivalEscalation, TimerKind.ArrivalEnd]);
        spec.Effects<CaseEffect.NotifyPartner>().ShouldBeEmpty();
        spec.When(RequestPackage(On(2026, 11, 21))).ThenRejected("no-partner");
        spec.When(Arrive(December10, On(2026, 12, 11))).ThenRejected("no-partner");

        spec.When(new CaseCommand.RecordDeparture("case-1", "dep", On(2026, 12, 10, 12), December10))
            .Then(new CaseEvent.DepartureRecorded(December10, new Money(20000m, Currency.DKK), On(2026, 12, 10, 12)))
            .ThenStage(CaseStage.Departed);
        spec.When(new CaseCommand.SubmitFinancialReport("case-1", "fin", On(2026, 12, 11), [new("cash-at-departure", new Money(20000m, Currency.DKK))], null))
            .ThenStage(CaseStage.FinancialReported);
    }

    [Fact]
    public void Given_no_partner_When_the_departure_is_dated_before_the_application_Then_it_is_refused_naming_both()
    {
        var spec = Approved(Drc(country: "ER", nationality: "ER")).When(Book(December10, On(2026, 11, 20)));
        var early = new CaseCommand.RecordDeparture("case-1", "dep", On(2026, 11, 20, 12), new DateOnly(2020, 1, 1));
        var rejection = spec.When(early).ThenRejected("departure-before-application");
        rejection.Field.ShouldBe("departedOn");
        rejection.Message.ShouldBe("The departure 2020-01-01 is before the application 2026-11-02.");
        spec.ThenStage(CaseStage.DepartureBooked).State.CashPaidAtDeparture.ShouldBeNull();
    }

    [Fact]
    public void Record_departure_is_refused_when_a_partner_confirms_arrival_instead() =>
        Approved().When(Book(December10, On(2026, 11, 20))).When(new CaseCommand.RecordDeparture("case-1", "dep", On(2026, 12, 10, 12), December10))
            .ThenRejected("has-partner");

    [Fact]
    public void Without_consent_nothing_goes_to_the_partner_until_consent_is_recorded()
    {
        var spec = Approved(Drc(consent: false)).When(Book(December10, On(2026, 11, 20)));
        spec.Effects<CaseEffect.NotifyPartner>().ShouldBeEmpty();
        spec.When(RequestPackage(On(2026, 11, 21)));
        spec.Decision.Events.ShouldHaveSingleItem().ShouldBeOfType<CaseEvent.PostArrivalRequested>();
        spec.Effects<CaseEffect.NotifyPartner>().ShouldBeEmpty();

        spec.When(new CaseCommand.RecordConsent("case-1", "consent", On(2026, 11, 22)));
        spec.Effects<CaseEffect.NotifyPartner>().Select(n => n.Notice).ShouldBe([PartnerNotice.DepartureBooked, PartnerNotice.PostArrivalRequested]);
        spec.When(new CaseCommand.RecordConsent("case-1", "consent-again", On(2026, 11, 23))).ThenNothing();
    }
}
