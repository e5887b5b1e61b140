using Reintegration.Domain.Cases;

namespace Reintegration.Domain.Workflow;

/// <summary>
/// Every waiting stage's timers: a reminder to whoever must act, escalations to the programme officer that repeat
/// until the end, and the end the programme sets. A timer of a wait that is over does nothing.
/// </summary>
public sealed partial class CaseDecider
{
    private void WaitTimer(WaitingStage wait, CaseTimer timer, DecisionBuilder build, DateTimeOffset at)
    {
        var state = build.State;
        if (WaitingStages.Of(state.Stage) != wait
            || timer.Round < state.WaitSince
            || state.WasReminded(timer.Kind, timer.Round))
        {
            return;
        }

        if (timer.Kind == wait.End)
        {
            End(wait.Kind, build, at);
            return;
        }

        build.Then(new CaseEvent.ReminderSent(timer.Kind, timer.Round, at));
        if (timer.Kind == wait.Reminder)
        {
            Remind(wait.Kind, build);
            return;
        }

        build.Email(Escalated(wait.Kind), RecipientRole.ProgrammeOfficer);
        var programme = ProgrammeOf(state);
        var next = timer.DueAt.AddDays(programme.Deadlines.Waits.For(wait.Kind).EscalationEveryDays);
        if (next < WaitingStages.EndsAt(state, programme))
        {
            build.Timer(wait.Escalation, build.Version, next);
        }
    }

    private static void Remind(WaitKind wait, DecisionBuilder build)
    {
        var state = build.State;
        switch (wait)
        {
            case WaitKind.Decision:
                build.Email(
                    EmailTemplate.DecisionReminder,
                    RecipientRole.Agency,
                    build.Link(LinkAction.DecideEligibility, state.DecisionRound));
                break;
            case WaitKind.Departure:
                build.Email(EmailTemplate.DepartureReminder, RecipientRole.Counsellor);
                break;
            case WaitKind.Arrival:
                build.Email(EmailTemplate.ArrivalReminder, RecipientRole.Counsellor)
                    .Partner(
                        PartnerNotice.ArrivalConfirmationDue, build.Link(LinkAction.ConfirmArrival, state.Booking));
                break;
            case WaitKind.Plan:
                build.Email(EmailTemplate.PlanSubmissionReminder, RecipientRole.Counsellor);
                break;
            case WaitKind.PlanApproval:
                build.Email(
                    EmailTemplate.PlanApprovalReminder,
                    RecipientRole.Agency,
                    build.Link(LinkAction.DecidePlan, state.Plan!.Version));
                break;
            case WaitKind.FinancialReport:
                build.Email(EmailTemplate.FinancialReportReminder, RecipientRole.Agency)
                    .Partner(PartnerNotice.FinancialReportDue);
                break;
            default:
                build.Email(EmailTemplate.CompletionReminder, RecipientRole.Counsellor);
                break;
        }
    }

    private static EmailTemplate Escalated(WaitKind wait) => wait switch
    {
        WaitKind.Decision => EmailTemplate.DecisionEscalated,
        WaitKind.Departure => EmailTemplate.DepartureEscalated,
        WaitKind.Arrival => EmailTemplate.ArrivalEscalated,
        WaitKind.Plan => EmailTemplate.PlanSubmissionEscalated,
        WaitKind.PlanApproval => EmailTemplate.PlanApprovalEscalated,
        WaitKind.FinancialReport => EmailTemplate.FinancialReportEscalated,
        _ => EmailTemplate.CompletionEscalated,
    };

    private static void End(WaitKind wait, DecisionBuilder build, DateTimeOffset at)
    {
        var (reason, template) = wait switch
        {
            WaitKind.Decision => (ClosureReason.Lapsed, EmailTemplate.ApplicationLapsed),
            WaitKind.Departure => (ClosureReason.Lapsed, EmailTemplate.DepartureLapsed),
            WaitKind.Arrival => (ClosureReason.NotTravelled, EmailTemplate.ClosedNotTravelled),
            WaitKind.Plan or WaitKind.PlanApproval => (ClosureReason.NoPlan, EmailTemplate.ClosedWithoutPlan),
            WaitKind.FinancialReport => (ClosureReason.NoFinancialReport, EmailTemplate.ClosedWithoutFinancialReport),
            _ => (ClosureReason.Completed, EmailTemplate.ClosedCompleted),
        };
        build.Then(new CaseEvent.CaseClosed(reason, at))
            .Email(template, RecipientRole.Counsellor);
    }
}
