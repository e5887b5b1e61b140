using Reintegration.Domain.Budget;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Runtime;
using Reintegration.Domain.Runtime.InMemory;
using static Reintegration.Domain.Tests.Support.Applications;
using static Reintegration.Domain.Tests.Support.Commands;

namespace Reintegration.Domain.Tests.Runtime;

public class FullCaseTests
{
    private static async Task<CommandResult> Accepted(InMemoryCaseSystem system, CaseCommand command)
    {
        var result = await system.HandleAsync(command);
        result.Rejection.ShouldBeNull();
        result.Outcome.ShouldBe(CommandOutcome.Accepted);
        return result;
    }

    [Fact]
    public async Task Drc_case_runs_from_intake_to_closure_with_twelve_reminders_on_their_dates()
    {
        var system = new InMemoryCaseSystem(On(2026, 11, 2));
        await Accepted(system, Drc(at: system.Now));
        await system.AdvanceToAsync(On(2026, 11, 9));
        await Accepted(system, Approve(system.Now));
        await Accepted(system, Book(new DateOnly(2027, 1, 30), system.Now));
        await system.AdvanceToAsync(On(2027, 1, 20));
        await Accepted(system, RequestPackage(system.Now));
        await system.AdvanceToAsync(On(2027, 1, 31, 18));
        await Accepted(system, Arrive(new DateOnly(2027, 1, 31), system.Now));
        await system.AdvanceToAsync(On(2027, 2, 3));
        await Accepted(system, Plan(system.Now, Currency.DKK, 15000m, 4000m));
        await Accepted(system, ApprovePlanVersion(1, system.Now.AddHours(2)));

        for (var month = 1; month <= 12; month++)
        {
            var due = CaseEvolution.MonitoringDate(new DateOnly(2027, 1, 31), month);
            await system.AdvanceToAsync(new DateTimeOffset(due.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
            await Accepted(system, Report(month, system.Now));
        }

        await Accepted(system, new CaseCommand.SubmitFinancialReport("case-1", "fin", system.Now, [new ActualSpending("line-1", new Money(15000m, Currency.DKK))], null));
        var closed = await Accepted(system, new CaseCommand.CloseCase("case-1", "close", system.Now, ClosureReason.Completed));
        closed.State.Stage.ShouldBe(CaseStage.Closed);
        closed.State.Closure.ShouldBe(ClosureReason.Completed);

        var reminders = system.Messages.Sent.OfType<CaseEffect.NotifyPartner>().Where(n => n.Notice == PartnerNotice.MonitoringReportDue).ToList();
        reminders.Select(r => r.Links.Single().Round).ShouldBe(Enumerable.Range(1, 12));
        var reminded = (await system.Store.ReadEventsAsync("case-1")).Select(e => e.Event).OfType<CaseEvent.ReminderSent>()
            .Where(e => e.Kind == TimerKind.MonitoringReminder).Select(e => e.SentAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        reminded.ShouldBe(["2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30", "2027-07-31", "2027-08-31", "2027-09-30", "2027-10-31", "2027-11-30", "2027-12-31", "2028-01-31"]);
        system.Messages.Sent.OfType<CaseEffect.SendEmail>().ShouldNotContain(e => e.Template == EmailTemplate.MonitoringReportOverdue);
        system.PendingEffects.ShouldBeEmpty();

        await system.AdvanceToAsync(On(2028, 6, 1));
        system.Timers.ShouldHaveSingleItem().Kind.ShouldBe(TimerKind.RetentionErasure);

        // 24 months after closure (the default retention), the person's data is erased; the figures keep the case.
        await system.AdvanceToAsync(closed.State.ClosedAt!.Value.AddMonths(24));
        var erased = await system.CaseAsync("case-1");
        erased.PersonalDataErasedAt.ShouldNotBeNull();
        erased.File!.Applicant.Name.ShouldBe(PersonalData.Erased);
        system.Timers.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Eurp_case_runs_to_closure_and_a_silent_partner_is_escalated()
    {
        var system = new InMemoryCaseSystem(On(2026, 11, 2));
        await Accepted(system, Eurp(caseId: "case-1", at: system.Now));
        await Accepted(system, Approve(system.Now.AddDays(1)));
        await system.AdvanceToAsync(On(2026, 11, 10));
        await Accepted(system, Book(new DateOnly(2026, 12, 1), system.Now));
        await Accepted(system, RequestPackage(system.Now) with { EstimatedValue = new Money(600m, Currency.EUR) });
        await system.AdvanceToAsync(On(2026, 12, 2));
        await Accepted(system, Arrive(new DateOnly(2026, 12, 1), system.Now));
        await Accepted(system, Plan(system.Now, Currency.EUR, 1500m, 500m));
        await system.AdvanceToAsync(On(2026, 12, 20));
        await Accepted(system, ApprovePlanVersion(1, system.Now));

        await system.AdvanceToAsync(On(2027, 12, 16));
        await Accepted(system, new CaseCommand.SubmitFinancialReport("case-1", "fin", system.Now, [], null));
        await Accepted(system, new CaseCommand.CloseCase("case-1", "close", system.Now, ClosureReason.Completed));

        var emails = system.Messages.Sent.OfType<CaseEffect.SendEmail>().ToList();
        emails.Count(e => e.Template == EmailTemplate.PlanApprovalReminder).ShouldBe(1);
        emails.Count(e => e.Template == EmailTemplate.PlanApprovalEscalated).ShouldBe(2); // days 7 and 14 of 18
        emails.Count(e => e.Template == EmailTemplate.FinancialReportReminder).ShouldBe(1); // 14 days after month 12
        emails.Count(e => e.Template == EmailTemplate.MonitoringReportOverdue).ShouldBe(12);
        system.Messages.Sent.OfType<CaseEffect.NotifyPartner>().Count(n => n.Notice == PartnerNotice.MonitoringReportDue).ShouldBe(12);
    }

    [Fact]
    public async Task Agency_silence_reminds_after_5_days_and_lapses_after_14()
    {
        var system = new InMemoryCaseSystem(Day0);
        await Accepted(system, Drc(at: Day0));
        await system.AdvanceToAsync(Day0.AddDays(30));
        var state = await system.CaseAsync("case-1");
        state.Closure.ShouldBe(ClosureReason.Lapsed);
        var sent = system.Messages.Sent.OfType<CaseEffect.SendEmail>().Select(e => e.Template);
        sent.ShouldBe(
        [
            EmailTemplate.DecisionRequested, EmailTemplate.DecisionReminder, EmailTemplate.DecisionEscalated,
            EmailTemplate.ApplicationLapsed,
        ]);
    }

    [Fact]
    public async Task Same_command_twice_is_handled_once()
    {
        var system = new InMemoryCaseSystem(Day0);
        (await system.HandleAsync(Drc())).Outcome.ShouldBe(CommandOutcome.Accepted);
        (await system.HandleAsync(Drc())).Outcome.ShouldBe(CommandOutcome.Duplicate);
        (await system.Store.ReadEventsAsync("case-1")).Count.ShouldBe(1);
        system.Messages.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Given_the_mail_service_down_When_a_case_is_applied_Then_the_email_is_kept_and_sent_once_at_its_retry()
    {
        var mail = new OutageSender();
        var system = new InMemoryCaseSystem(Day0, sender: mail);
        await Accepted(system, Drc());
        system.PendingEffects.ShouldHaveSingleItem().Failures.ShouldBe(1);

        mail.Up = true;
        await system.AdvanceToAsync(Day0.AddHours(1));
        await system.AdvanceToAsync(Day0.AddHours(2));

        system.PendingEffects.ShouldBeEmpty();
        mail.Log.Sent.ShouldHaveSingleItem().ShouldBeOfType<CaseEffect.SendEmail>()
            .Template.ShouldBe(EmailTemplate.DecisionRequested);
    }

    [Fact]
    public async Task Given_an_email_failing_for_an_hour_When_its_case_is_woken_Then_the_case_is_alerted_once_and_other_cases_get_theirs()
    {
        var mail = new PickySender("case-1", new EffectLog());
        var system = new InMemoryCaseSystem(Day0, sender: mail);
        await Accepted(system, Drc(caseId: "case-1"));
        await Accepted(system, Drc(caseId: "case-2"));

        await system.AdvanceToAsync(Day0.AddHours(3));

        mail.Log.Sent.OfType<CaseEffect.SendEmail>().Where(e => e.Template == EmailTemplate.DecisionRequested)
            .ShouldHaveSingleItem().CaseId.ShouldBe("case-2");
        system.PendingEffects.ShouldHaveSingleItem().Effect.ShouldBeOfType<CaseEffect.SendEmail>()
            .CaseId.ShouldBe("case-1");
        (await system.CaseAsync("case-1")).Alerts.ShouldBe(1);
        (await system.CaseAsync("case-2")).Alerts.ShouldBe(0);
    }

    [Fact]
    public async Task Concurrent_commands_on_one_case_lose_no_update()
    {
        var system = new InMemoryCaseSystem(Day0);
        await Accepted(system, Drc());
        var alerts = Enumerable.Range(0, 20).Select(i => Task.Run(() => system.HandleAsync(new CaseCommand.RaiseAlert("case-1", $"alert-{i}", Day0, AlertKind.EmailBounced, "x"))));
        var results = await Task.WhenAll(alerts);
        results.ShouldAllBe(r => r.Outcome == CommandOutcome.Accepted);
        (await system.CaseAsync("case-1")).Alerts.ShouldBe(20);
        (await system.Store.ReadEventsAsync("case-1")).Select(e => e.Version).ShouldBe(Enumerable.Range(1, 21).Select(v => (long)v));
    }

    private sealed class PickySender(string failFor, EffectLog log) : IMessageSender
    {
        public EffectLog Log => log;

        public Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default) =>
            effect is CaseEffect.SendEmail { Template: EmailTemplate.DecisionRequested } email && email.CaseId == failFor
                ? throw new InvalidOperationException("mailbox rejects")
                : log.SendAsync(effect, cancellationToken);
    }

    private sealed class OutageSender : IMessageSender
    {
        public bool Up { get; set; }

        public EffectLog Log { get; } = new();

        public Task SendAsync(CaseEffect effect, CancellationToken cancellationToken = default) =>
            Up ? Log.SendAsync(effect, cancellationToken) : throw new InvalidOperationException("mail service down");
    }
}
