using System.Globalization;
using Reintegration.Domain.Eligibility;
using static Reintegration.Domain.Cases.CaseEvent;

namespace Reintegration.Domain.Cases;

/// <summary>One line of a case's timeline, as people read it. Never carries the counselling note.</summary>
public sealed record TimelineEntry(long Version, DateTimeOffset At, string What, string Detail);

/// <summary>
/// Describes events for the timeline: the case page, the demo and the API all show the same words, each reader only
/// what its <see cref="Disclosure"/> allows.
/// </summary>
public static class Timeline
{
    public static TimelineEntry Describe(long version, CaseEvent @event, Disclosure may) => @event switch
    {
        ApplicationSubmitted e => Entry(version, e, "Application submitted",
            $"{e.File.ProgrammeId}, return to {e.File.CountryOfReturn}, {e.File.People} person(s)" +
            (e.ReceivedAt is { } received
                ? $"; submitted {Moment(e.SubmittedAt)}, received {Moment(received)}"
                : string.Empty) +
            (may.EligibilityFacts && e.PreCheck is { } check ? "; " + PreCheckText(check) : string.Empty)),
        EligibilityDecided e => Entry(version, e, e.Eligible ? "Found eligible" : "Found not eligible",
            may.DecisionReason ? e.Reason ?? string.Empty : string.Empty),
        CaseReopened e => Entry(version, e, "Reopened", $"decision round {e.DecisionRound}"),
        DepartureBooked e => Entry(version, e, "Departure booked", $"{Day(e.Departure)}; post-arrival request by {Day(e.LatestPostArrivalRequest)}"),
        DepartureCancelled e => Entry(version, e, "Departure cancelled", string.Empty),
        PostArrivalRequested e => Entry(version, e, "Post-arrival package requested", string.Join(", ", e.Services)),
        ConsentRecorded e => Entry(version, e, "Consent to share with the partner recorded", string.Empty),
        DepartureRecorded e => Entry(version, e, "Departed without a partner", $"{Day(e.DepartedOn)}; cash at departure {e.CashPaid}"),
        ArrivalConfirmed e => Entry(version, e, "Arrival confirmed", $"{Day(e.ArrivedOn)}: the post-return period starts"),
        PlanSubmitted e => Entry(version, e, $"Plan version {e.Version} submitted", $"{e.Lines.Count} line(s), {e.Total}"),
        PlanApproved e => Entry(version, e, $"Plan version {e.Version} approved", Typed(may, e.Comment)),
        PlanRejected e => Entry(version, e, $"Plan version {e.Version} rejected", Typed(may, e.Comment)),
        MonitoringReportSubmitted e => Entry(version, e, $"Monitoring report, month {e.Report.Month}",
            $"economic {e.Report.Economic}, social {e.Report.Social}, psychosocial {e.Report.Psychosocial}"),
        FinancialReportSubmitted e => Entry(version, e, "Financial report",
            $"planned {Sum(e.Lines.Select(l => l.Planned))}, spent {Sum(e.Lines.Select(l => l.Actual))}"),
        CaseClosed e => Entry(version, e, "Closed", e.Reason.ToString()),
        ReminderSent e => Entry(version, e, Reminder(e.Kind), e.Kind is TimerKind.MonitoringReminder or TimerKind.MonitoringOverdue ? $"month {e.Round}" : string.Empty),
        AlertRaised e => Entry(version, e, $"Alert: {e.Kind}", Typed(may, e.Detail)),
        _ => Entry(version, @event, @event.GetType().Name, string.Empty),
    };

    private static string Typed(Disclosure may, string? text) => may.FreeText ? text ?? string.Empty : string.Empty;

    private static string PreCheckText(PreCheckResult check) =>
        "pre-check " + (check.Passed ? "passed" : "failed: " + string.Join(", ", check.Failed.Select(f => f.Rule))) +
        (check.Flagged.Count > 0 ? "; flagged: " + string.Join(", ", check.Flagged.Select(f => f.Rule)) : string.Empty);

    private static string Reminder(TimerKind kind) => kind switch
    {
        TimerKind.DecisionReminder => "Agency reminded of the decision",
        TimerKind.PostArrivalReminder => "Counsellor reminded: post-arrival deadline near",
        TimerKind.PostArrivalLastDay => "Counsellor reminded: last day for the post-arrival request",
        TimerKind.PlanReminder => "Caseworker reminded of the plan",
        TimerKind.PlanEscalation => "Plan approval escalated to the programme officer",
        TimerKind.MonitoringReminder => "Partner reminded of the monitoring report",
        TimerKind.MonitoringOverdue => "Missing monitoring report escalated",
        TimerKind.DecisionEscalation => "Eligibility decision escalated to the programme officer",
        TimerKind.DepartureReminder => "Counsellor reminded to book the departure",
        TimerKind.DepartureEscalation => "Departure booking escalated to the programme officer",
        TimerKind.ArrivalReminder => "Reminded to confirm the departure or the arrival",
        TimerKind.ArrivalEscalation => "Missing arrival escalated to the programme officer",
        TimerKind.PlanSubmissionReminder => "Counsellor reminded of the plan",
        TimerKind.PlanSubmissionEscalation => "Missing plan escalated to the programme officer",
        TimerKind.FinancialReportReminder => "Reminded of the financial report",
        TimerKind.FinancialReportEscalation => "Missing financial report escalated to the programme officer",
        TimerKind.CompletionReminder => "Counsellor reminded to close the completed case",
        TimerKind.CompletionEscalation => "Closing the completed case escalated to the programme officer",
        _ => kind.ToString(),
    };

    private static TimelineEntry Entry(long version, CaseEvent e, string what, string detail) => new(version, e.At, what, detail);

    private static string Moment(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Sum(IEnumerable<Money> amounts)
    {
        var list = amounts.ToList();
        return list.Count == 0 ? "nothing" : Money.Sum(list, list[0].Currency).ToString();
    }
}
