using Reintegration.Domain.Calendar;
using Reintegration.Domain.Programmes;

namespace Reintegration.Domain.Cases;

/// <summary>The next date someone must act on a case, and what is due then.</summary>
public sealed record DueItem(DateOnly Date, string What);

/// <summary>Works out a case's next deadline from its state and programme (for the case page, list and dashboard).</summary>
public static class NextDeadline
{
    public static DueItem? Of(CaseState state, Programme programme)
    {
        var deadlines = programme.Deadlines;
        switch (state.Stage)
        {
            case CaseStage.AwaitingDecision when state.DecisionWaitStartedAt is { } started:
                return new(
                    Deadline.DateOf(started.AddDays(deadlines.Waits.Decision.EndAfterDays)),
                    "agency decision (the application lapses)");
            case CaseStage.DepartureBooked when state.HasPartner && state.PostArrival is null:
                return new(state.LatestPostArrivalRequest!.Value, "post-arrival package request");
            case CaseStage.DepartureBooked:
                return new(state.Departure!.Value, "departure");
            case CaseStage.PlanPendingApproval:
                return new(
                    Deadline.DateOf(state.Plan!.SubmittedAt.AddDays(deadlines.Waits.PlanApproval.EscalationAfterDays)),
                    $"approval of plan version {state.Plan.Version}");
        }

        if (state.ArrivedOn is { } arrived && state.Stage is CaseStage.AwaitingPlan or CaseStage.PlanRejected or CaseStage.Monitoring or CaseStage.PlanPendingApproval)
        {
            for (var month = 1; month <= deadlines.MonitoringMonths; month++)
            {
                if (!state.MonitoringReports.ContainsKey(month))
                {
                    return new(CaseEvolution.MonitoringDate(arrived, month), $"monitoring report, month {month}");
                }
            }

            return new(CaseEvolution.MonitoringDate(arrived, deadlines.MonitoringMonths), "financial report");
        }

        return null;
    }
}
