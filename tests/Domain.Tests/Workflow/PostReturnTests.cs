using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Tests.Support;
using static Reintegration.Domain.Tests.Support.Applications;
using static Reintegration.Domain.Tests.Support.Commands;

namespace Reintegration.Domain.Tests.Workflow;

public class PostReturnTests
{
    private static readonly DateOnly Departure = new(2027, 1, 30);
    private static readonly DateOnly Arrival = new(2027, 1, 31);

    private static CaseSpec Arrived(CaseCommand.SubmitApplication? application = null) =>
        CaseSpec.Given(application ?? Drc(), Approve(Day0.AddDays(1)), Book(Departure, On(2026, 12, 1)), RequestPackage(On(2026, 12, 2)), Arrive(Arrival, On(2027, 1, 31, 18)));

    private static CaseSpec PlanPending() => Arrived().When(Plan(On(2027, 2, 5), Currency.DKK, 15000m, 5000m));

    [Fact]
    public void Arrival_schedules_twelve_monitoring_reminders_counted_from_the_arrival_date()
    {
        var spec = CaseSpec.Given(Drc(), Approve(Day0.AddDays(1)), Book(Departure, On(2026, 12, 1))).When(Arrive(Arrival, On(2027, 1, 31, 18)))
            .ThenStage(CaseStage.AwaitingPlan);
        spec.Effects<CaseEffect.ScheduleTimer>().Where(t => t.Timer.Kind == TimerKind.MonitoringReminder)
            .Select(t => DateOnly.FromDateTime(t.Timer.DueAt.UtcDateTime).ToString("yyyy-MM-dd")).ShouldBe(
        [
            "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30", "2027-07-31",
            "2027-08-31", "2027-09-30", "2027-10-31", "2027-11-30", "2027-12-31", "2028-01-31",
        ]);
    }

    [Fact]
    public void Arrival_before_departure_or_in_the_future_is_refused()
    {
        CaseSpec.Given(Drc(), Approve(Day0.AddDays(1)), Book(Departure, On(2026, 12, 1))).When(Arrive(new DateOnly(2027, 1, 29), On(2027, 1, 31))).ThenRejected("arrival-before-departure");
        CaseSpec.Given(Drc(), Approve(Day0.AddDays(1)), Book(Departure, On(2026, 12, 1))).When(Arrive(new DateOnly(2027, 2, 3), On(2027, 1, 31))).ThenRejected("arrival-in-future");
    }

    [Fact]
    public void Plan_within_caps_waits_for_approval_with_a_reminder_and_an_escalation()
    {
        var spec = PlanPending().ThenStage(CaseStage.PlanPendingApproval);
        spec.State.Plan!.Total.ShouldBe(new Money(20000m, Currency.DKK));
        spec.Effects<CaseEffect.SendEmail>().Single().Links.Single().ShouldBe(new LinkIntent(LinkAction.DecidePlan, 1, On(2027, 2, 19)));
        spec.Timers().ShouldBe(
        [
            (TimerKind.PlanReminder, On(2027, 2, 8)), (TimerKind.PlanEscalation, On(2027, 2, 12)),
            (TimerKind.PlanApprovalEnd, On(2027, 4, 6)),
        ]);
    }

    [Fact]
    public void Family_of_four_plan_of_85000_is_refused_naming_the_cap_and_the_excess()
    {
        var spec = CaseSpec.Given(Drc(family: FamilyOfFour()), Approve(Day0.AddDays(1)), Book(Departure, On(2026, 12, 1)), Arrive(Arrival, On(2027, 1, 31, 18)));
        var rejection = spec.When(Plan(On(2027, 2, 5), Currency.DKK, 60000m, 25000m)).ThenRejected("plan-over-cap");
        rejection.Message.ShouldContain("cap DKK 80,000, excess DKK 5,000");
    }

    [Fact]
    public void Plan_in_the_wrong_currency_or_with_a_non_positive_line_is_refused()
    {
        Arrived().When(Plan(On(2027, 2, 5), Currency.EUR, 100m)).ThenRejected("currency-mismatch").Field.ShouldBe("lines[0].amount");
        Arrived().When(Plan(On(2027, 2, 5), Currency.DKK, 100m, 0m)).ThenRejected("amount-not-positive").Field.ShouldBe("lines[1].amount");
        Arrived().When(Plan(On(2027, 2, 5), Currency.DKK)).ThenRejected("lines-required");
    }

    [Fact]
    public void Approval_moves_to_monitoring()
    {
        PlanPending().When(ApprovePlanVersion(1, On(2027, 2, 6)))
            .Then(new CaseEvent.PlanApproved(1, "ok", On(2027, 2, 6)))
            .ThenStage(CaseStage.Monitoring);
    }

    [Fact]
    public void The_counsellor_is_emailed_whether_the_plan_was_approved_or_rejected_and_which_version()
    {
        var approved = PlanPending().When(ApprovePlanVersion(1, On(2027, 2, 6))).Effects<CaseEffect.SendEmail>().Single();
        var rejected = PlanPending().When(RejectPlanVersion(1, On(2027, 2, 6))).Effects<CaseEffect.SendEmail>().Single();

        (approved.Template, approved.Recipient, approved.Round)
            .ShouldBe((EmailTemplate.PlanApproved, RecipientRole.Counsellor, (int?)1));
        (rejected.Template, rejected.Recipient, rejected.Round)
            .ShouldBe((EmailTemplate.PlanRejected, RecipientRole.Counsellor, (int?)1));
    }

    [Fact]
    public void Rejection_needs_a_comment()
    {
        PlanPending().When(new CaseCommand.RejectPlan("case-1", "r", On(2027, 2, 6), 1, "")).ThenRejected("comment-required");
        PlanPending().When(RejectPlanVersion(1, On(2027, 2, 6))).ThenStage(CaseStage.PlanRejected).State.Plan!.Comment.ShouldBe("Too much on housing");
    }

    [Fact]
    public void Version_1_rejected_then_version_2_submitted_makes_the_version_1_link_superseded()
    {
        var spec = PlanPending().When(RejectPlanVersion(1, On(2027, 2, 6))).When(Plan(On(2027, 2, 7), Currency.DKK, 12000m));
        spec.State.Plan!.Version.ShouldBe(2);
        spec.When(ApprovePlanVersion(1, On(2027, 2, 8))).ThenRejected("plan-superseded").Message.ShouldContain("superseded by version 2");
        spec.When(ApprovePlanVersion(3, On(2027, 2, 8))).ThenRejected("unknown-plan-version");
        spec.When(ApprovePlanVersion(2, On(2027, 2, 8))).ThenStage(CaseStage.Monitoring);
    }

    [Fact]
    public void Pending_approval_is_reminded_after_3_days_and_escalated_after_7_and_every_7_days_after()
    {
        var spec = PlanPending();
        var reminder = spec.WaitTimer(TimerKind.PlanReminder, On(2027, 2, 8));
        spec.When(Fire(reminder));
        spec.Effects<CaseEffect.SendEmail>().Single().Recipient.ShouldBe(RecipientRole.Agency);
        spec.When(Fire(reminder) with { CommandId = "again" }).ThenNothing();
        spec.When(Fire(spec.WaitTimer(TimerKind.PlanEscalation, On(2027, 2, 12))));
        var escalation = spec.Effects<CaseEffect.SendEmail>().Single();
        (escalation.Template, escalation.Recipient).ShouldBe((EmailTemplate.PlanApprovalEscalated, RecipientRole.ProgrammeOfficer));
        var next = spec.Effects<CaseEffect.ScheduleTimer>().Single().Timer;
        (next.Kind, next.DueAt).ShouldBe((TimerKind.PlanEscalation, On(2027, 2, 19)));
        spec.When(Fire(next)).Effects<CaseEffect.SendEmail>().Single().Template
            .ShouldBe(EmailTemplate.PlanApprovalEscalated);
        spec.When(Fire(next) with { CommandId = "again" }).ThenNothing();
    }

    [Fact]
    public void Plan_timers_of_an_old_version_change_nothing()
    {
        var spec = PlanPending();
        var first = spec.WaitTimer(TimerKind.PlanReminder, On(2027, 2, 8));
        spec.When(RejectPlanVersion(1, On(2027, 2, 6))).When(Plan(On(2027, 2, 7), Currency.DKK, 12000m))
            .When(Fire(first)).ThenNothing();
    }

    [Fact]
    public void Monthly_reminder_asks_the_partner_with_a_link_and_sets_the_overdue_check()
    {
        var spec = PlanPending().When(ApprovePlanVersion(1, On(2027, 2, 6)))
            .When(Fire(new CaseTimer("case-1", TimerKind.MonitoringReminder, 1, On(2027, 2, 28, 0))));
        var notice = spec.Effects<CaseEffect.NotifyPartner>().Single();
        (notice.Notice, notice.PartnerId, notice.Links.Single().Action, notice.Links.Single().Round).ShouldBe((PartnerNotice.MonitoringReportDue, "ug-reach-out", LinkAction.ReportMonitoring, 1));
        spec.Effects<CaseEffect.ScheduleTimer>().Single().Timer.ShouldBe(new CaseTimer("case-1", TimerKind.MonitoringOverdue, 1, On(2027, 3, 14, 0)));
    }

    [Fact]
    public void Missing_report_14_days_after_the_reminder_is_escalated_once_and_a_report_silences_it()
    {
        var overdue = new CaseTimer("case-1", TimerKind.MonitoringOverdue, 1, On(2027, 3, 14, 0));
        var spec = PlanPending().When(Fire(overdue));
        spec.Effects<CaseEffect.SendEmail>().Single().Template.ShouldBe(EmailTemplate.MonitoringReportOverdue);
        spec.When(Fire(overdue) with { CommandId = "again" }).ThenNothing();

        Arrived().When(Report(1, On(2027, 3, 1))).When(Fire(overdue)).ThenNothing();
    }

    [Fact]
    public void Monitoring_report_rules()
    {
        Arrived().When(Report(13, On(2027, 3, 1))).ThenRejected("monitoring-month-invalid");
        Arrived().When(Report(3, On(2027, 3, 1))).ThenRejected("monitoring-month-not-due");
        Arrived().When(Report(1, On(2027, 2, 21))).When(Report(1, On(2027, 2, 22)) with { CommandId = "dup" }).ThenRejected("monitoring-report-exists");
    }

    [Fact]
    public void Financial_report_only_after_the_twelve_months_or_with_an_early_closure_reason()
    {
        var monitoring = PlanPending().When(ApprovePlanVersion(1, On(2027, 2, 6)));
        var actual = new ActualSpending("line-1", new Money(14000m, Currency.DKK));
        monitoring.When(new CaseCommand.SubmitFinancialReport("case-1", "f1", On(2028, 1, 30), [actual], null)).ThenRejected("financial-report-too-early")
            .Message.ShouldContain("2028-01-31");

        var early = PlanPending().When(ApprovePlanVersion(1, On(2027, 2, 6)))
            .When(new CaseCommand.SubmitFinancialReport("case-1", "f2", On(2027, 6, 1), [actual], ClosureReason.Moved)).ThenStage(CaseStage.Closed);
        early.State.Closure.ShouldBe(ClosureReason.Moved);

        var done = monitoring.When(new CaseCommand.SubmitFinancialReport("case-1", "f3", On(2028, 1, 31), [actual], null)).ThenStage(CaseStage.FinancialReported);
        done.State.FinancialReport!.Select(l => (l.LineId, l.Planned.Amount, l.Actual.Amount)).ShouldBe([("line-1", 15000m, 14000m), ("line-2", 5000m, 0m)]);
        done.When(new CaseCommand.CloseCase("case-1", "close", On(2028, 2, 1), ClosureReason.Completed)).ThenStage(CaseStage.Closed);
    }

    [Fact]
    public void Financial_report_lines_must_be_planned_lines()
    {
        PlanPending().When(ApprovePlanVersion(1, On(2027, 2, 6)))
            .When(new CaseCommand.SubmitFinancialReport("case-1", "f", On(2028, 2, 1), [new("line-9", new Money(1m, Currency.DKK))], null))
            .ThenRejected("unknown-budget-line").Field.ShouldBe("lines[0].lineId");
    }

    [Fact]
    public void Completion_needs_the_financial_report_and_lapsed_is_not_closed_by_hand()
    {
        Arrived().When(new CaseCommand.CloseCase("case-1", "c", On(2027, 3, 1), ClosureReason.Completed)).ThenRejected("completion-needs-financial-report");
        Arrived().When(new CaseCommand.CloseCase("case-1", "c", On(2027, 3, 1), ClosureReason.Lapsed)).ThenRejected("reason-not-allowed");
    }

    [Fact]
    public void Withdrawal_before_departure_closes_silently_and_every_timer_becomes_a_no_op()
    {
        var spec = CaseSpec.Given(Drc(), Approve(Day0.AddDays(1)), Book(Departure, On(2026, 12, 1)))
            .When(new CaseCommand.CloseCase("case-1", "w", On(2026, 12, 2), ClosureReason.Withdrawn))
            .Then(new CaseEvent.CaseClosed(ClosureReason.Withdrawn, On(2026, 12, 2)));
        spec.Decision.Effects.ShouldHaveSingleItem().ShouldBeOfType<CaseEffect.ScheduleTimer>().Timer.Kind.ShouldBe(TimerKind.RetentionErasure);
        foreach (var kind in Enum.GetValues<TimerKind>())
        {
            spec.When(Fire(new CaseTimer("case-1", kind, 1, On(2027, 1, 1)))).ThenNothing();
        }

        spec.When(Book(Departure, On(2026, 12, 3))).ThenRejected("not-accepted-in-stage");
    }

    [Fact]
    public void Alert_is_recorded_even_on_a_closed_case()
    {
        var spec = CaseSpec.Given(Drc(), new CaseCommand.CloseCase("case-1", "w", Day0, ClosureReason.Withdrawn))
            .When(new CaseCommand.RaiseAlert("case-1", "a", Day0, AlertKind.EmailBounced, "bounce"));
        spec.State.Alerts.ShouldBe(1);
    }
}
