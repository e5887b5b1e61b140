using Reintegration.Domain.Cases;

namespace Reintegration.Functions.Email;

/// <summary>
/// The e-mails to counsellors, caseworkers and programme officers, in English and Danish. They name the case by its
/// id only: the details stay in the case system, behind its access rules. The one exception is a plan decision's
/// comment, sent to the counsellor, who reads it on the case anyway and needs it to revise the plan.
/// </summary>
internal static class CaseEmailTexts
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<EmailTemplate, EmailWording>> ByLanguage =
        new Dictionary<string, IReadOnlyDictionary<EmailTemplate, EmailWording>>
        {
            ["en"] = new Dictionary<EmailTemplate, EmailWording>
            {
                [EmailTemplate.DecisionRequested] = new("Eligibility decision requested", "A reintegration application is ready for your eligibility decision. The application and the pre-check result are in the case system."),
                [EmailTemplate.DecisionReminder] = new("Reminder: eligibility decision pending", "The eligibility decision on this application is still pending. An unanswered application lapses at the programme's deadline."),
                [EmailTemplate.DecisionMade] = new("Eligibility decided", "The agency has decided on eligibility. The decision is in the case system."),
                [EmailTemplate.ApplicationLapsed] = new("Application lapsed", "No eligibility decision arrived in time, so the application has lapsed. The case can be reopened in the case system."),
                [EmailTemplate.PostArrivalReminder] = new("Post-arrival package: deadline approaching", "The deadline for requesting the post-arrival package from the partner is approaching. Please request it in the case system before then."),
                [EmailTemplate.PostArrivalLastDay] = new("Post-arrival package: last day", "Today is the last day to request the post-arrival package from the partner."),
                [EmailTemplate.PlanApprovalRequested] = new("Reintegration plan awaiting approval", "A post-return reintegration plan has been submitted for your approval."),
                [EmailTemplate.PlanApprovalReminder] = new("Reminder: reintegration plan awaiting approval", "The reintegration plan on this case is still awaiting your approval."),
                [EmailTemplate.PlanApprovalEscalated] = new("Escalation: reintegration plan approval overdue", "The approval of the reintegration plan on this case is overdue, also after a reminder. Please follow up with the caseworker."),
                [EmailTemplate.PlanDecided] = new("Reintegration plan decided", "The caseworker has decided on the reintegration plan. The decision and any comment are in the case system."),
                [EmailTemplate.PlanApproved] = new(
                    "Reintegration plan approved",
                    "The caseworker has approved the reintegration plan. The partner's monthly monitoring follows."),
                [EmailTemplate.PlanRejected] = new(
                    "Reintegration plan rejected",
                    "The caseworker has rejected the reintegration plan. Please revise it and submit it again."),
                [EmailTemplate.ArrivalConfirmed] = new("Arrival confirmed", "The partner has confirmed the arrival. The 12-month post-return period has started."),
                [EmailTemplate.MonitoringReportOverdue] = new("Monitoring report overdue", "A monthly monitoring report from the partner on this case is overdue. Please follow up with the partner."),
                [EmailTemplate.CaseAlert] = new("Case needs attention", "Something on this case needs your attention, for example an e-mail that could not be delivered. See the case's timeline."),
            },
            ["da"] = new Dictionary<EmailTemplate, EmailWording>
            {
                [EmailTemplate.DecisionRequested] = new("Afgørelse om berettigelse ønskes", "En ansøgning om reintegrationsstøtte er klar til jeres afgørelse om berettigelse. Ansøgningen og forhåndstjekket findes i sagssystemet."),
                [EmailTemplate.DecisionReminder] = new("Påmindelse: afgørelse om berettigelse afventer", "Afgørelsen om berettigelse i denne sag afventer stadig. En ubesvaret ansøgning bortfalder ved programmets frist."),
                [EmailTemplate.DecisionMade] = new("Afgørelse om berettigelse truffet", "Styrelsen har truffet afgørelse om berettigelse. Afgørelsen findes i sagssystemet."),
                [EmailTemplate.ApplicationLapsed] = new("Ansøgningen er bortfaldet", "Der kom ingen afgørelse om berettigelse inden fristen, så ansøgningen er bortfaldet. Sagen kan genåbnes i sagssystemet."),
                [EmailTemplate.PostArrivalReminder] = new("Pakke ved ankomst: fristen nærmer sig", "Fristen for at anmode partneren om pakken ved ankomst nærmer sig. Send venligst anmodningen i sagssystemet inden da."),
                [EmailTemplate.PostArrivalLastDay] = new("Pakke ved ankomst: sidste dag", "I dag er sidste dag for at anmode partneren om pakken ved ankomst."),
                [EmailTemplate.PlanApprovalRequested] = new("Reintegrationsplan afventer godkendelse", "En reintegrationsplan for tiden efter hjemkomsten er sendt til jeres godkendelse."),
                [EmailTemplate.PlanApprovalReminder] = new("Påmindelse: reintegrationsplan afventer godkendelse", "Reintegrationsplanen i denne sag afventer stadig jeres godkendelse."),
                [EmailTemplate.PlanApprovalEscalated] = new("Eskalering: godkendelse af reintegrationsplan er forsinket", "Godkendelsen af reintegrationsplanen i denne sag er forsinket, også efter en påmindelse. Følg venligst op hos sagsbehandleren."),
                [EmailTemplate.PlanDecided] = new("Reintegrationsplan afgjort", "Sagsbehandleren har truffet afgørelse om reintegrationsplanen. Afgørelsen og en eventuel kommentar findes i sagssystemet."),
                [EmailTemplate.PlanApproved] = new(
                    "Reintegrationsplan godkendt",
                    "Sagsbehandleren har godkendt reintegrationsplanen. Partnerens månedlige opfølgning følger."),
                [EmailTemplate.PlanRejected] = new(
                    "Reintegrationsplan afvist",
                    "Sagsbehandleren har afvist reintegrationsplanen. Ret den venligst, og send den igen."),
                [EmailTemplate.ArrivalConfirmed] = new("Ankomst bekræftet", "Partneren har bekræftet ankomsten. Perioden på 12 måneder efter hjemkomsten er begyndt."),
                [EmailTemplate.MonitoringReportOverdue] = new("Opfølgningsrapport forsinket", "En månedlig opfølgningsrapport fra partneren i denne sag er forsinket. Følg venligst op hos partneren."),
                [EmailTemplate.CaseAlert] = new("Sagen kræver opmærksomhed", "Noget i denne sag kræver jeres opmærksomhed, fx en e-mail, der ikke kunne leveres. Se sagens tidslinje."),
            },
        };
}
