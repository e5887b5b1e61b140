using Reintegration.Domain;
using Reintegration.Domain.Cases;
using Reintegration.Domain.Eligibility;
using Reintegration.Functions.Api;
using static Reintegration.Domain.Cases.CaseEvent;
using static Reintegration.Functions.Localization.CaseWords;

namespace Reintegration.Functions.Localization;

/// <summary>
/// A timeline event as a page says it, in the page's language: the event itself is the code and its values the
/// parameters (the domain's <see cref="Timeline"/> says the same in English for the API). Each reader sees only what
/// its <see cref="Disclosure"/> allows, as in the API.
/// </summary>
public static class EventWords
{
    /// <param name="programmeName">The case's programme by its name in this language (its id when not given).</param>
    public static (string What, string Detail) Describe(this Words w, CaseEvent @event, Disclosure may, string? programmeName = null) => @event switch
    {
        ApplicationSubmitted e => (w["event.application-submitted"],
            w.Format("event.application-submitted.detail", programmeName ?? e.File.ProgrammeId, e.File.CountryOfReturn, e.File.People) +
            (e.ReceivedAt is { } received
                ? "; " + w.Format("event.submitted-received", Moment(e.SubmittedAt), Moment(received))
                : string.Empty) +
            (may.EligibilityFacts && e.PreCheck is { } check ? "; " + PreCheckText(w, check) : string.Empty)),
        EligibilityDecided e => (w[e.Eligible ? "event.found-eligible" : "event.found-not-eligible"],
            may.DecisionReason ? e.Reason ?? string.Empty : string.Empty),
        CaseReopened e => (w["event.reopened"], w.Format("event.reopened.detail", e.DecisionRound)),
        DepartureBooked e => (w["event.departure-booked"],
            w.Format("event.departure-booked.detail", Day(e.Departure), Day(e.LatestPostArrivalRequest))),
        DepartureCancelled => (w["event.departure-cancelled"], string.Empty),
        PostArrivalRequested e => (w["event.post-arrival-requested"],
            string.Join(", ", e.Services.Select(w.ArrivalService))),
        ConsentRecorded => (w["event.consent-recorded"], string.Empty),
        DepartureRecorded e => (w["event.departure-recorded"],
            w.Format("event.departure-recorded.detail", Day(e.DepartedOn), e.CashPaid)),
        ArrivalConfirmed e => (w["event.arrival-confirmed"],
            w.Format("event.arrival-confirmed.detail", Day(e.ArrivedOn))),
        PlanSubmitted e => (w.Format("event.plan-submitted", e.Version),
            w.Format("event.plan-submitted.detail", e.Lines.Count, e.Total)),
        PlanApproved e => (w.Format("event.plan-approved", e.Version), Typed(may, e.Comment)),
        PlanRejected e => (w.Format("event.plan-rejected", e.Version), Typed(may, e.Comment)),
        MonitoringReportSubmitted e => (w.Format("event.monitoring-report", e.Report.Month),
            w.Format("event.monitoring-report.detail",
                w.Situation(e.Report.Economic), w.Situation(e.Report.Social), w.Situation(e.Report.Psychosocial))),
        FinancialReportSubmitted e => (w["event.financial-report"],
            w.Format(
                "event.financial-report.detail",
                Sum(w, e.Lines.Select(l => l.Planned)),
                Sum(w, e.Lines.Select(l => l.Actual)))),
        CaseClosed e => (w["event.closed"], w.Closure(e.Reason)),
        ReminderSent e => (w.Choice("reminder", Choices.Kebab(e.Kind)),
            e.Kind is TimerKind.MonitoringReminder or TimerKind.MonitoringOverdue
                ? w.Format("event.month", e.Round)
                : string.Empty),
        PersonalDataErased => (w["event.personal-data-erased"], string.Empty),
        AlertRaised e => (w.Format("event.alert", w.Choice("alert", Choices.Kebab(e.Kind))), Typed(may, e.Detail)),
        _ => (w["event.other"], string.Empty),
    };

    private static string Typed(Disclosure may, string? text) => may.FreeText ? text ?? string.Empty : string.Empty;

    private static string PreCheckText(Words w, PreCheckResult check) =>
        (check.Passed
            ? w["event.precheck.passed"]
            : w.Format("event.precheck.failed", string.Join(", ", check.Failed.Select(f => w.RuleName(f.Rule))))) +
        (check.Flagged.Count > 0
            ? "; " + w.Format(
                "event.precheck.flagged", string.Join(", ", check.Flagged.Select(f => w.RuleName(f.Rule))))
            : string.Empty);

    private static string Sum(Words w, IEnumerable<Money> amounts)
    {
        var list = amounts.ToList();
        return list.Count == 0 ? w["event.nothing"] : Money.Sum(list, list[0].Currency).ToString();
    }
}
