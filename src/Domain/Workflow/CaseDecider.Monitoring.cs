using Reintegration.Domain.Budget;
using Reintegration.Domain.Calendar;
using Reintegration.Domain.Cases;
using static Reintegration.Domain.Cases.CaseCommand;

namespace Reintegration.Domain.Workflow;

/// <summary>Stages 7 and 8: monthly monitoring, the financial report and closure.</summary>
public sealed partial class CaseDecider
{
    /// <summary>A report may come up to this many days before its month falls due.</summary>
    private const int EarlyReportDays = 7;

    private static readonly CaseStage[] MonitoredStages = [CaseStage.AwaitingPlan, CaseStage.PlanPendingApproval, CaseStage.PlanRejected, CaseStage.Monitoring];

    private Rejection? SubmitMonitoringReport(SubmitMonitoringReport command, DecisionBuilder build)
    {
        var state = build.State;
        var months = ProgrammeOf(state).Deadlines.MonitoringMonths;
        var month = command.Report.Month;
        if (month < 1 || month > months)
        {
            return Refuse("monitoring-month-invalid", $"The monitoring month must be from 1 to {months}.", "month");
        }

        if (state.MonitoringReports.ContainsKey(month))
        {
            return Refuse("monitoring-report-exists", $"The report for month {month} was already submitted.", "month");
        }

        var due = CaseEvolution.MonitoringDate(state.ArrivedOn!.Value, month);
        if (Deadline.DateOf(command.At) < due.AddDays(-EarlyReportDays))
        {
            return Refuse("monitoring-month-not-due", $"The report for month {month} is due on {due:yyyy-MM-dd}; it can be sent from {due.AddDays(-EarlyReportDays):yyyy-MM-dd}.", "month");
        }

        build.Then(new CaseEvent.MonitoringReportSubmitted(command.Report, command.At));
        return null;
    }

    private void MonitoringTimer(CaseTimer timer, DecisionBuilder build, DateTimeOffset at)
    {
        var state = build.State;
        if (!MonitoredStages.Contains(state.Stage) || state.MonitoringReports.ContainsKey(timer.Round) || state.WasReminded(timer.Kind, timer.Round))
        {
            return;
        }

        build.Then(new CaseEvent.ReminderSent(timer.Kind, timer.Round, at));
        if (timer.Kind == TimerKind.MonitoringReminder)
        {
            var due = Deadline.StartOf(CaseEvolution.MonitoringDate(state.ArrivedOn!.Value, timer.Round));
            build.Partner(PartnerNotice.MonitoringReportDue, build.Link(LinkAction.ReportMonitoring, timer.Round))
                .Timer(TimerKind.MonitoringOverdue, timer.Round, due.AddDays(ProgrammeOf(state).Deadlines.MonitoringReportOverdueAfterDays));
        }
        else
        {
            build.Email(EmailTemplate.MonitoringReportOverdue, RecipientRole.ProgrammeOfficer);
        }
    }

    private Rejection? SubmitFinancialReport(SubmitFinancialReport command, DecisionBuilder build)
    {
        var state = build.State;
        var programme = ProgrammeOf(state);
        if (command.EarlyClosure is { } early && early is not (ClosureReason.Withdrawn or ClosureReason.Moved or ClosureReason.Deceased))
        {
            return Refuse("invalid-early-closure", "An early closure is withdrawn, moved or deceased.", "earlyClosure");
        }

        if (state.Stage == CaseStage.Monitoring && command.EarlyClosure is null && !CaseEvolution.MonitoringOver(state, programme.Deadlines.MonitoringMonths, command.At))
        {
            var end = CaseEvolution.MonitoringDate(state.ArrivedOn!.Value, programme.Deadlines.MonitoringMonths);
            return Refuse("financial-report-too-early", $"The financial report comes after the {programme.Deadlines.MonitoringMonths} monitoring months, on or after {end:yyyy-MM-dd}, or with an early closure reason.");
        }

        IReadOnlyList<(string LineId, ServiceCategory Category, Money Planned)> planned = state.Stage == CaseStage.Departed
            ? [("cash-at-departure", ServiceCategory.Cash, state.CashPaidAtDeparture!.Value)]
            : state.Plan!.Lines.Select(l => (l.LineId, l.Category, l.Amount)).ToList();
        for (var i = 0; i < command.Lines.Count; i++)
        {
            var actual = command.Lines[i];
            if (!planned.Any(p => p.LineId == actual.LineId))
            {
                return Refuse("unknown-budget-line", $"There is no planned budget line '{actual.LineId}'.", $"lines[{i}].lineId");
            }

            if (actual.Actual.Currency != programme.Currency || actual.Actual.Amount < 0)
            {
                return Refuse("invalid-amount", $"Spending is a {programme.Currency} amount of zero or more.", $"lines[{i}].actual");
            }

            if (AmountRules.Check(actual.Actual, $"lines[{i}].actual") is { } badAmount)
            {
                return badAmount;
            }
        }

        var spent = planned
            .Select(p => new SpentLine(p.LineId, p.Category, p.Planned, command.Lines.FirstOrDefault(a => a.LineId == p.LineId)?.Actual ?? Money.Zero(programme.Currency)))
            .ToList();
        build.Then(new CaseEvent.FinancialReportSubmitted(spent, command.At));
        if (command.EarlyClosure is { } reason)
        {
            build.Then(new CaseEvent.CaseClosed(reason, command.At));
        }

        return null;
    }

    private void RetentionTimer(DecisionBuilder build, DateTimeOffset at)
    {
        var state = build.State;
        var months = ProgrammeOf(state).Deadlines.RetentionMonthsAfterClosure;
        if (state.Stage == CaseStage.Closed && state.PersonalDataErasedAt is null && state.ClosedAt is { } closedAt && closedAt.AddMonths(months) <= at)
        {
            build.Then(new CaseEvent.PersonalDataErased(at)).EraseHistory();
        }
    }

    private static Rejection? Close(CloseCase command, DecisionBuilder build)
    {
        var stage = build.State.Stage;
        switch (command.Reason)
        {
            case ClosureReason.Completed when stage != CaseStage.FinancialReported:
                return Refuse("completion-needs-financial-report", "A case is completed only after its financial report.", "reason");
            case ClosureReason.Lapsed or ClosureReason.Ineligible or ClosureReason.NotTravelled or ClosureReason.NoPlan
                or ClosureReason.NoFinancialReport:
                return Refuse(
                    "reason-not-allowed",
                    $"A case closes as {command.Reason} through the workflow, not by hand.",
                    "reason");
        }

        // No e-mails: a withdrawn case must fall silent (scenario 22); its timers become no-ops by state.
        build.Then(new CaseEvent.CaseClosed(command.Reason, command.At));
        return null;
    }

    private Rejection? FireTimer(FireTimer command, DecisionBuilder build)
    {
        var timer = command.Timer;
        if (timer.CaseId != build.State.CaseId)
        {
            return Refuse("timer-of-another-case", "The timer belongs to another case.");
        }

        if (command.At < timer.DueAt)
        {
            return Refuse("timer-not-due", $"The timer is due at {timer.DueAt:O}.");
        }

        switch (timer.Kind)
        {
            case var kind when WaitingStages.OfTimer(kind) is { } wait:
                WaitTimer(wait, timer, build, command.At);
                break;
            case TimerKind.PostArrivalReminder or TimerKind.PostArrivalLastDay:
                PostArrivalTimer(timer, build, command.At);
                break;
            case TimerKind.RetentionErasure:
                RetentionTimer(build, command.At);
                break;
            default:
                MonitoringTimer(timer, build, command.At);
                break;
        }

        return null;
    }
}
