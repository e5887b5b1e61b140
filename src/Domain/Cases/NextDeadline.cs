using System.Globalization;
using Reintegration.Domain.Calendar;
using Reintegration.Domain.Programmes;
using Reintegration.Domain.Workflow;

namespace Reintegration.Domain.Cases;

/// <summary>
/// A date by which someone must act on a case, and what is due then: in English (<paramref name="What"/>, for the API
/// and logs) and as a code with its number (a plan version, a month) that pages say in their language.
/// </summary>
public sealed record DueItem(DateOnly Date, string What, string Code, int? Number = null)
{
    /// <summary>The code with its number, e.g. <c>monitoring-report:3</c>: what the case list keeps.</summary>
    public string Key => Number is { } number ? $"{Code}:{number.ToString(CultureInfo.InvariantCulture)}" : Code;
}

/// <summary>A case's deadlines on a given day: the next one still ahead, and those passed with nothing done.</summary>
public sealed record CaseDeadlines(DueItem? Next, IReadOnlyList<DueItem> Overdue)
{
    public DueItem? OldestOverdue => Overdue.Count == 0 ? null : Overdue[0];
}

/// <summary>
/// Works out a case's deadlines from its state and programme (case page, list, dashboard). Every deadline the case
/// still owes is open until it is met; on a given day those before it are overdue and the first on or after it is
/// next, so the next deadline moves on while a missed one stays marked overdue.
/// </summary>
public static class NextDeadline
{
    /// <summary>The case's deadlines on <paramref name="today"/>.</summary>
    public static CaseDeadlines Of(CaseState state, Programme programme, DateOnly today)
    {
        var open = Open(state, programme);
        return new CaseDeadlines(open.FirstOrDefault(d => d.Date >= today), [.. open.Where(d => d.Date < today)]);
    }

    /// <summary>Every deadline the case still owes, oldest first.</summary>
    public static IReadOnlyList<DueItem> Open(CaseState state, Programme programme)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(programme);
        var deadlines = programme.Deadlines;
        var open = new List<DueItem>();
        var waitEnd = WaitingStages.EndsAt(state, programme) is { } end ? Deadline.DateOf(end) : (DateOnly?)null;
        switch (state.Stage)
        {
            case CaseStage.AwaitingDecision when state.DecisionWaitStartedAt is { } started:
                open.Add(new(Deadline.DateOf(started.AddDays(deadlines.Waits.Decision.EndAfterDays)),
                    "agency decision (the application lapses)", "decision-lapses"));
                break;
            case CaseStage.AwaitingDeparture when waitEnd is { } lapse:
                open.Add(new(lapse, "departure booking (the decision lapses)", "departure-booking"));
                break;
            case CaseStage.DepartureBooked:
                if (state.HasPartner && state.PostArrival is null)
                {
                    open.Add(new(state.LatestPostArrivalRequest!.Value, "post-arrival package request", "post-arrival-request"));
                }

                open.Add(new(state.Departure!.Value, "departure", "departure"));
                break;
            case CaseStage.AwaitingPlan or CaseStage.PlanRejected when waitEnd is { } noPlan:
                open.Add(new(noPlan, "reintegration plan (the case closes without one)", "plan-submission"));
                break;
            case CaseStage.PlanPendingApproval:
                open.Add(new(
                    Deadline.DateOf(state.Plan!.SubmittedAt.AddDays(deadlines.Waits.PlanApproval.EscalationAfterDays)),
                    $"approval of plan version {state.Plan.Version}", "plan-approval", state.Plan.Version));
                break;
            case CaseStage.Departed when waitEnd is { } report:
                open.Add(new(report, "financial report", "financial-report"));
                break;
            case CaseStage.FinancialReported when waitEnd is { } closing:
                open.Add(new(closing, "closing the case", "closing"));
                break;
        }

        if (state.ArrivedOn is { } arrived
            && state.Stage is CaseStage.AwaitingPlan or CaseStage.PlanRejected or CaseStage.Monitoring or CaseStage.PlanPendingApproval)
        {
            for (var month = 1; month <= deadlines.MonitoringMonths; month++)
            {
                if (!state.MonitoringReports.ContainsKey(month))
                {
                    open.Add(new(
                        CaseEvolution.MonitoringDate(arrived, month), $"monitoring report, month {month}", "monitoring-report", month));
                }
            }

            if (state.Stage == CaseStage.Monitoring)
            {
                open.Add(new(
                    CaseEvolution.MonitoringDate(arrived, deadlines.MonitoringMonths), "financial report", "financial-report"));
            }
        }

        // A stable sort: on the same day the stage's own deadline comes first, then the months in order, then the report.
        return [.. open.OrderBy(d => d.Date)];
    }
}
