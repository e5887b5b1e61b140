using System.Globalization;
using Reintegration.Domain.Calendar;
using Reintegration.Domain.Programmes;

namespace Reintegration.Domain.Cases;

/// <summary>
/// The next date someone must act on a case, and what is due then: in English (<paramref name="What"/>, for the API
/// and logs) and as a code with its number (a plan version, a month) that pages say in their language.
/// </summary>
public sealed record DueItem(DateOnly Date, string What, string Code, int? Number = null)
{
    /// <summary>The code with its number, e.g. <c>monitoring-report:3</c>: what the case list keeps.</summary>
    public string Key => Number is { } number ? $"{Code}:{number.ToString(CultureInfo.InvariantCulture)}" : Code;
}

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
                    "agency decision (the application lapses)",
                    "decision-lapses");
            case CaseStage.DepartureBooked when state.HasPartner && state.PostArrival is null:
                return new(state.LatestPostArrivalRequest!.Value, "post-arrival package request", "post-arrival-request");
            case CaseStage.DepartureBooked:
                return new(state.Departure!.Value, "departure", "departure");
            case CaseStage.PlanPendingApproval:
                return new(
                    Deadline.DateOf(state.Plan!.SubmittedAt.AddDays(deadlines.Waits.PlanApproval.EscalationAfterDays)),
                    $"approval of plan version {state.Plan.Version}",
                    "plan-approval",
                    state.Plan.Version);
        }

        if (state.ArrivedOn is { } arrived && state.Stage is CaseStage.AwaitingPlan or CaseStage.PlanRejected or CaseStage.Monitoring or CaseStage.PlanPendingApproval)
        {
            for (var month = 1; month <= deadlines.MonitoringMonths; month++)
            {
                if (!state.MonitoringReports.ContainsKey(month))
                {
                    return new(
                        CaseEvolution.MonitoringDate(arrived, month), $"monitoring report, month {month}", "monitoring-report", month);
                }
            }

            return new(
                CaseEvolution.MonitoringDate(arrived, deadlines.MonitoringMonths), "financial report", "financial-report");
        }

        return null;
    }
}
