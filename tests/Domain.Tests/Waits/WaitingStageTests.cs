using Reintegration.Domain.Budget;
using Reintegration.Domain.Calendar;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Tests.Support;
using Reintegration.Domain.Workflow;
using static Reintegration.Domain.Tests.Support.Applications;
using static Reintegration.Domain.Tests.Support.Commands;

namespace Reintegration.Domain.Tests.Waits;

/// <summary>
/// Every waiting stage: a reminder, escalations that repeat until the end, and the end on the programme's day.
/// </summary>
public class WaitingStageTests
{
    private static readonly DateOnly Departure = new(2027, 1, 30);

    private static readonly CaseCommand[] Arrived =
    [
        Drc(), Approve(Day0.AddDays(1)), Book(Departure, On(2026, 12, 1)),
        Arrive(Departure.AddDays(1), On(2027, 1, 31, 18)),
    ];

    private static readonly CaseCommand[] InMonitoring =
        [.. Arrived, Plan(On(2027, 2, 5), Currency.DKK, 15000m), ApprovePlanVersion(1, On(2027, 2, 6))];

    private static readonly CaseCommand[] Departed =
    [
        Drc(country: "ER", nationality: "ER"), Approve(Day0.AddDays(1)),
        Book(new DateOnly(2026, 12, 10), On(2026, 11, 20)),
        new CaseCommand.RecordDeparture("case-1", "departed", On(2026, 12, 11), new DateOnly(2026, 12, 10)),
    ];

    private static CaseCommand.SubmitFinancialReport FinancialReport(DateTimeOffset at) =>
        new("case-1", $"financial@{at:O}", at, [], null);

    /// <summary>How to bring a case into the wait, when the wait began, and the command that moves it on.</summary>
    private static readonly Dictionary<string, Waiting> Scenarios = new()
    {
        ["decision"] = new([Drc()], Day0, RecipientRole.Agency, ClosureReason.Lapsed, Approve(Day0.AddDays(1))),
        ["departure"] = new(
            [Drc(), Approve(Day0.AddDays(1))], Day0.AddDays(1), RecipientRole.Counsellor, ClosureReason.Lapsed,
            Book(Departure, On(2026, 12, 1))),
        ["arrival"] = new(
            [Drc(), Approve(Day0.AddDays(1)), Book(Departure, On(2026, 12, 1))], Deadline.StartOf(Departure),
            RecipientRole.Counsellor, ClosureReason.NotTravelled, Arrive(Departure, On(2027, 2, 1))),
        ["plan"] = new(
            Arrived, On(2027, 1, 31, 18), RecipientRole.Counsellor, ClosureReason.NoPlan,
            Plan(On(2027, 2, 5), Currency.DKK, 15000m)),
        ["plan revision"] = new(
            [.. Arrived, Plan(On(2027, 2, 5), Currency.DKK, 15000m), RejectPlanVersion(1, On(2027, 2, 6))],
            On(2027, 2, 6), RecipientRole.Counsellor, ClosureReason.NoPlan, Plan(On(2027, 2, 7), Currency.DKK, 9000m)),
        ["plan approval"] = new(
            [.. Arrived, Plan(On(2027, 2, 5), Currency.DKK, 15000m)], On(2027, 2, 5), RecipientRole.Agency,
            ClosureReason.NoPlan, ApprovePlanVersion(1, On(2027, 2, 6))),
        ["financial report"] = new(
            InMonitoring, On(2028, 1, 31, 0), RecipientRole.Agency, ClosureReason.NoFinancialReport,
            FinancialReport(On(2028, 2, 1))),
        ["financial report without a partner"] = new(
            Departed, On(2026, 12, 11), RecipientRole.Agency, ClosureReason.NoFinancialReport,
            FinancialReport(On(2026, 12, 12))),
        ["completion"] = new(
            [.. InMonitoring, FinancialReport(On(2028, 2, 1))], On(2028, 2, 1), RecipientRole.Counsellor,
            ClosureReason.Completed,
            new CaseCommand.CloseCase("case-1", "close", On(2028, 2, 2), ClosureReason.Completed)),
    };

    public static TheoryData<string> Waits => [.. Scenarios.Keys];

    [Theory]
    [MemberData(nameof(Waits))]
    public void Given_a_wait_When_nobody_acts_Then_one_reminder_repeated_escalations_and_the_end_on_the_programmes_day(
        string name)
    {
        var (given, start, reminded, reason, _) = Scenarios[name];
        var spec = CaseSpec.Given(given);
        var wait = WaitingStages.Of(spec.State.Stage).ShouldNotBeNull();
        var settings = CaseSpec.Programmes.Get("drc-denmark").Deadlines.Waits.For(wait.Kind);
        var (reminder, escalation, end) = Timers(spec, wait, start);

        spec.When(Fire(reminder)).Then(new CaseEvent.ReminderSent(wait.Reminder, reminder.Round, reminder.DueAt));
        spec.Effects<CaseEffect.SendEmail>().Single().Recipient.ShouldBe(reminded);
        spec.When(Fire(reminder) with { CommandId = "again" }).ThenNothing();

        var escalated = new List<DateTimeOffset>();
        for (CaseTimer? next = escalation; next is not null; next = NextEscalation(spec))
        {
            spec.When(Fire(next)).Then(new CaseEvent.ReminderSent(wait.Escalation, next.Round, next.DueAt));
            spec.Effects<CaseEffect.SendEmail>().Single().Recipient.ShouldBe(RecipientRole.ProgrammeOfficer);
            escalated.Add(next.DueAt);
        }

        escalated.ShouldBe(Enumerable.Range(0, 100)
            .Select(n => start.AddDays(settings.EscalationAfterDays + (n * settings.EscalationEveryDays)))
            .TakeWhile(at => at < end.DueAt));
        end.DueAt.ShouldBe(start.AddDays(settings.EndAfterDays));
        spec.When(Fire(end)).Then(new CaseEvent.CaseClosed(reason, end.DueAt)).ThenStage(CaseStage.Closed);
        spec.Effects<CaseEffect.SendEmail>().Single().Recipient.ShouldBe(RecipientRole.Counsellor);
    }

    [Theory]
    [MemberData(nameof(Waits))]
    public void Given_a_wait_When_the_case_moves_on_Then_its_reminder_escalation_and_end_do_nothing(string name)
    {
        var (given, start, _, _, movesOn) = Scenarios[name];
        var spec = CaseSpec.Given(given);
        var wait = WaitingStages.Of(spec.State.Stage).ShouldNotBeNull();
        var (reminder, escalation, end) = Timers(spec, wait, start);

        spec.When(movesOn).Decision.Rejection.ShouldBeNull();
        spec.State.Stage.ShouldNotBe(given.Aggregate(CaseState.Empty("case-1"), Replayed).Stage);
        foreach (var timer in new[] { reminder, escalation, end })
        {
            spec.When(Fire(timer, timer.DueAt.AddDays(1))).ThenNothing();
        }
    }

    [Fact]
    public void The_arrival_reminder_asks_the_partner_to_confirm_the_arrival_of_the_current_booking()
    {
        var spec = CaseSpec.Given(Scenarios["arrival"].Given);
        spec.When(Fire(spec.WaitTimer(TimerKind.ArrivalReminder, On(2027, 2, 2, 0))));

        var notice = spec.Effects<CaseEffect.NotifyPartner>().Single();
        (notice.Notice, notice.Links.Single().Action, notice.Links.Single().Round)
            .ShouldBe((PartnerNotice.ArrivalConfirmationDue, LinkAction.ConfirmArrival, spec.State.Booking));
    }

    [Fact]
    public void Rebooking_begins_a_new_arrival_wait_and_the_old_bookings_end_does_nothing()
    {
        var spec = CaseSpec.Given(Scenarios["arrival"].Given);
        var oldEnd = spec.WaitTimer(TimerKind.ArrivalEnd, On(2027, 3, 1, 0));

        spec.When(Book(new DateOnly(2027, 2, 20), On(2027, 1, 10)));
        spec.Timers().Where(t => WaitingStages.OfTimer(t.Kind) is not null).ShouldBe(
        [
            (TimerKind.ArrivalReminder, On(2027, 2, 23, 0)), (TimerKind.ArrivalEscalation, On(2027, 2, 27, 0)),
            (TimerKind.ArrivalEnd, On(2027, 3, 22, 0)),
        ]);
        spec.When(Fire(oldEnd)).ThenNothing();
    }

    [Fact]
    public void A_case_closed_as_not_travelled_can_be_reopened_for_a_new_decision()
    {
        var spec = CaseSpec.Given(Scenarios["arrival"].Given);
        spec.When(Fire(spec.WaitTimer(TimerKind.ArrivalEnd, On(2027, 3, 1, 0))));
        spec.State.Closure.ShouldBe(ClosureReason.NotTravelled);

        spec.When(new CaseCommand.ReopenCase("case-1", "reopen", On(2027, 3, 5))).ThenStage(CaseStage.AwaitingDecision);
    }

    [Theory]
    [InlineData(ClosureReason.NotTravelled)]
    [InlineData(ClosureReason.NoPlan)]
    [InlineData(ClosureReason.NoFinancialReport)]
    public void A_wait_ending_reason_is_not_given_by_hand(ClosureReason reason) =>
        CaseSpec.Given(Arrived).When(new CaseCommand.CloseCase("case-1", "close", On(2027, 2, 1), reason))
            .ThenRejected("reason-not-allowed").Field.ShouldBe("reason");

    [Fact]
    public void Every_reminder_and_escalation_of_a_wait_reads_as_words_on_the_timeline()
    {
        foreach (var kind in WaitingStages.All.SelectMany(w => new[] { w.Reminder, w.Escalation }))
        {
            var entry = Timeline.Describe(1, new CaseEvent.ReminderSent(kind, 7, Day0), Disclosure.Everything);
            entry.What.ShouldNotBe(kind.ToString());
        }
    }

    private static CaseTimer? NextEscalation(CaseSpec spec) =>
        spec.Effects<CaseEffect.ScheduleTimer>().SingleOrDefault()?.Timer;

    private static (CaseTimer Reminder, CaseTimer Escalation, CaseTimer End) Timers(
        CaseSpec spec, WaitingStage wait, DateTimeOffset start)
    {
        var settings = CaseSpec.Programmes.Get("drc-denmark").Deadlines.Waits.For(wait.Kind);
        return (
            spec.WaitTimer(wait.Reminder, start.AddDays(settings.ReminderAfterDays)),
            spec.WaitTimer(wait.Escalation, start.AddDays(settings.EscalationAfterDays)),
            spec.WaitTimer(wait.End, start.AddDays(settings.EndAfterDays)));
    }

    private static CaseState Replayed(CaseState state, CaseCommand command) =>
        CaseSpec.Decider.Decide(command, state).Events.Aggregate(state, CaseEvolution.Evolve);

    private sealed record Waiting(
        CaseCommand[] Given, DateTimeOffset Start, RecipientRole Reminded, ClosureReason Reason, CaseCommand MovesOn);
}
