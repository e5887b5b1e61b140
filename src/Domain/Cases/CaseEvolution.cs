using System.Collections.Immutable;
using Reintegration.Domain.Calendar;
using static Reintegration.Domain.Cases.CaseEvent;

namespace Reintegration.Domain.Cases;

/// <summary><c>Evolve(state, event) → state</c>: how each fact changes the case. Total and pure.</summary>
public static class CaseEvolution
{
    public static CaseState Evolve(CaseState state, CaseEvent @event)
    {
        var next = Apply(state, @event) with { Version = state.Version + 1 };
        if (next.Stage == state.Stage)
        {
            // A new booking is a new wait for the arrival, in the same stage.
            return @event is DepartureBooked ? next with { WaitSince = next.Version } : next;
        }

        return next with
        {
            StageHistory = state.StageHistory.Add(new StageEntry(next.Stage, @event.At)),
            WaitSince = next.Version,
        };
    }

    public static CaseState Replay(string caseId, IEnumerable<CaseEvent> events) => events.Aggregate(CaseState.Empty(caseId), Evolve);

    private static CaseState Apply(CaseState state, CaseEvent @event) => @event switch
    {
        ApplicationSubmitted e => state with
        {
            Stage = CaseStage.AwaitingDecision,
            File = e.File,
            PreCheck = e.PreCheck,
            DecisionRound = 1,
            DecisionWaitStartedAt = e.At, // the receipt: the agency cannot decide on what has not arrived
            ConsentToShareWithPartner = e.File.ConsentToShareWithPartner,
        },
        EligibilityDecided e => state with
        {
            Stage = e.Eligible ? CaseStage.AwaitingDeparture : CaseStage.Closed,
            Eligible = e.Eligible,
            DecisionReason = e.Reason,
            Closure = e.Eligible ? null : ClosureReason.Ineligible,
            ClosedAt = e.Eligible ? null : e.DecidedAt,
        },
        CaseReopened e => state with
        {
            Stage = CaseStage.AwaitingDecision,
            DecisionRound = e.DecisionRound,
            DecisionWaitStartedAt = e.ReopenedAt,
            Closure = null,
            ClosedAt = null,
        },
        DepartureBooked e => state with
        {
            Stage = CaseStage.DepartureBooked,
            Booking = e.Booking,
            Departure = e.Departure,
            Flight = e.Flight,
            LatestPostArrivalRequest = e.LatestPostArrivalRequest,
        },
        DepartureCancelled e => state with
        {
            Stage = CaseStage.AwaitingDeparture,
            Booking = e.Booking,
            Departure = null,
            Flight = null,
            LatestPostArrivalRequest = null,
        },
        PostArrivalRequested e => state with { PostArrival = new PostArrivalPackage(e.Services, e.EstimatedValue, e.Notes, e.RequestedAt) },
        ConsentRecorded => state with { ConsentToShareWithPartner = true },
        DepartureRecorded e => state with { Stage = CaseStage.Departed, DepartedOn = e.DepartedOn, CashPaidAtDeparture = e.CashPaid },
        ArrivalConfirmed e => state with { Stage = CaseStage.AwaitingPlan, ArrivedOn = e.ArrivedOn },
        PlanSubmitted e => state with
        {
            Stage = CaseStage.PlanPendingApproval,
            Plan = new ReintegrationPlan(e.Version, e.Lines, e.Total, PlanStatus.Pending, null, e.SubmittedAt),
        },
        PlanApproved e => state with
        {
            Stage = CaseStage.Monitoring,
            Plan = state.Plan! with { Status = PlanStatus.Approved, Comment = e.Comment },
        },
        PlanRejected e => state with
        {
            Stage = CaseStage.PlanRejected,
            Plan = state.Plan! with { Status = PlanStatus.Rejected, Comment = e.Comment },
        },
        MonitoringReportSubmitted e => state with
        {
            MonitoringReports = state.MonitoringReports.SetItem(e.Report.Month, e.Report),
            MonitoringReportedAt = state.MonitoringReportedAt.SetItem(e.Report.Month, e.SubmittedAt),
        },
        FinancialReportSubmitted e => state with { Stage = CaseStage.FinancialReported, FinancialReport = e.Lines },
        CaseClosed e => state with { Stage = CaseStage.Closed, Closure = e.Reason, ClosedAt = e.ClosedAt },
        ReminderSent e => state with { RemindersSent = state.RemindersSent.Add(CaseState.ReminderKey(e.Kind, e.Round)) },
        AlertRaised => state with { Alerts = state.Alerts + 1 },
        PersonalDataErased e => Replay(state, e),
        _ => throw new InvalidOperationException($"No evolution for {@event.GetType().Name}."),
    };

    /// <summary>The state as the redacted history leaves it, marked erased.</summary>
    private static CaseState Replay(CaseState state, PersonalDataErased erased) => state with
    {
        File = state.File is null ? null : RedactFile(state.CaseId, state.File, erased.ErasedAt),
        PreCheck = null,
        Flight = null,
        PostArrival = state.PostArrival is null ? null : state.PostArrival with { Notes = null },
        Plan = state.Plan is null ? null : state.Plan with
        {
            Lines = [.. state.Plan.Lines.Select(l => l with { Description = PersonalData.Erased })],
            Comment = state.Plan.Comment is null ? null : PersonalData.Erased,
        },
        DecisionReason = state.DecisionReason is null ? null : PersonalData.Erased,
        MonitoringReports = state.MonitoringReports.ToImmutableSortedDictionary(r => r.Key, r => r.Value with { Notes = null, AttachmentIds = [] }),
        PersonalDataErasedAt = erased.ErasedAt,
    };

    private static CaseFile RedactFile(string caseId, CaseFile file, DateTimeOffset at) =>
        ((ApplicationSubmitted)PersonalData.Redact(new ApplicationSubmitted(caseId, file, null, at))).File;

    /// <summary>The date the monitoring month <paramref name="month"/> falls due: counted from arrival, never chained.</summary>
    public static DateOnly MonitoringDate(DateOnly arrivedOn, int month) => arrivedOn.AddMonths(month);

    /// <summary>True once the programme's monitoring months have passed.</summary>
    public static bool MonitoringOver(CaseState state, int months, DateTimeOffset at) =>
        state.ArrivedOn is { } arrived && Deadline.DateOf(at) >= MonitoringDate(arrived, months);
}
