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
                [EmailTemplate.DecisionEscalated] = new(
                    "Escalation: eligibility decision overdue",
                    "The eligibility decision on this application is overdue, also after a reminder. The application "
                    + "lapses at the programme's deadline. Please follow up with the agency."),
                [EmailTemplate.DepartureReminder] = new(
                    "Reminder: departure not yet booked",
                    "The returnee was found eligible, but no departure is booked yet. Please book it in the case "
                    + "system; an eligible case without a departure lapses at the programme's deadline."),
                [EmailTemplate.DepartureEscalated] = new(
                    "Escalation: departure still not booked",
                    "No departure has been booked on this eligible case, also after a reminder. Please follow up with "
                    + "the counsellor."),
                [EmailTemplate.DepartureLapsed] = new(
                    "Case lapsed: no departure booked",
                    "No departure was booked within the programme's deadline, so the case has lapsed. It can be "
                    + "reopened in the case system for a new eligibility decision."),
                [EmailTemplate.ArrivalReminder] = new(
                    "Reminder: departure or arrival not confirmed",
                    "The booked departure date has passed, but neither the departure nor the arrival is confirmed. "
                    + "Please record the departure, rebook it, or ask the partner to confirm the arrival."),
                [EmailTemplate.ArrivalEscalated] = new(
                    "Escalation: arrival still not confirmed",
                    "Neither the departure nor the arrival on this case is confirmed, also after a reminder. Please "
                    + "follow up with the counsellor and the partner."),
                [EmailTemplate.ClosedNotTravelled] = new(
                    "Case closed: returnee did not travel",
                    "Neither the departure nor the arrival was confirmed within the programme's deadline, so the case "
                    + "was closed as not travelled. It can be reopened in the case system."),
                [EmailTemplate.PlanSubmissionReminder] = new(
                    "Reminder: reintegration plan not yet submitted",
                    "The returnee has arrived, but no reintegration plan is waiting for approval. Please submit the "
                    + "plan, or the revised plan, in the case system."),
                [EmailTemplate.PlanSubmissionEscalated] = new(
                    "Escalation: reintegration plan still missing",
                    "No reintegration plan has been submitted on this case, also after a reminder. Please follow up "
                    + "with the counsellor and the partner."),
                [EmailTemplate.ClosedWithoutPlan] = new(
                    "Case closed: no approved reintegration plan",
                    "No reintegration plan was approved within the programme's deadline, so the case was closed "
                    + "without post-return support."),
                [EmailTemplate.FinancialReportReminder] = new(
                    "Reminder: financial report due",
                    "The support period on this case is over and the financial report is due. Please submit it in the "
                    + "case system."),
                [EmailTemplate.FinancialReportEscalated] = new(
                    "Escalation: financial report still missing",
                    "The financial report on this case has not been received, also after a reminder. Please follow up "
                    + "with the agency and the partner."),
                [EmailTemplate.ClosedWithoutFinancialReport] = new(
                    "Case closed: financial report not received",
                    "The financial report was not received within the programme's deadline, so the case was closed "
                    + "without it."),
                [EmailTemplate.CompletionReminder] = new(
                    "Reminder: completed case to be closed",
                    "The financial report on this case is in. Please close the case as completed in the case system."),
                [EmailTemplate.CompletionEscalated] = new(
                    "Escalation: completed case still open",
                    "This case has its financial report but is still open, also after a reminder. It closes as "
                    + "completed at the programme's deadline."),
                [EmailTemplate.ClosedCompleted] = new(
                    "Case closed as completed",
                    "The case had its financial report and was closed as completed at the programme's deadline."),
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
                [EmailTemplate.DecisionEscalated] = new(
                    "Eskalering: afgørelse om berettigelse er forsinket",
                    "Afgørelsen om berettigelse i denne sag er forsinket, også efter en påmindelse. Ansøgningen "
                    + "bortfalder ved programmets frist. Følg venligst op hos styrelsen."),
                [EmailTemplate.DepartureReminder] = new(
                    "Påmindelse: afrejsen er ikke booket",
                    "Den hjemvendte er fundet berettiget, men der er endnu ikke booket en afrejse. Book den venligst i "
                    + "sagssystemet; en berettiget sag uden afrejse bortfalder ved programmets frist."),
                [EmailTemplate.DepartureEscalated] = new(
                    "Eskalering: afrejsen er stadig ikke booket",
                    "Der er ikke booket en afrejse i denne berettigede sag, også efter en påmindelse. Følg venligst op "
                    + "hos rådgiveren."),
                [EmailTemplate.DepartureLapsed] = new(
                    "Sagen er bortfaldet: ingen afrejse booket",
                    "Der blev ikke booket en afrejse inden programmets frist, så sagen er bortfaldet. Den kan genåbnes "
                    + "i sagssystemet til en ny afgørelse om berettigelse."),
                [EmailTemplate.ArrivalReminder] = new(
                    "Påmindelse: afrejse eller ankomst ikke bekræftet",
                    "Den bookede afrejsedato er passeret, men hverken afrejsen eller ankomsten er bekræftet. Registrér "
                    + "venligst afrejsen, book den om, eller bed partneren bekræfte ankomsten."),
                [EmailTemplate.ArrivalEscalated] = new(
                    "Eskalering: ankomsten er stadig ikke bekræftet",
                    "Hverken afrejsen eller ankomsten i denne sag er bekræftet, også efter en påmindelse. Følg "
                    + "venligst op hos rådgiveren og partneren."),
                [EmailTemplate.ClosedNotTravelled] = new(
                    "Sagen er lukket: den hjemvendte rejste ikke",
                    "Hverken afrejsen eller ankomsten blev bekræftet inden programmets frist, så sagen er lukket som "
                    + "ikke rejst. Den kan genåbnes i sagssystemet."),
                [EmailTemplate.PlanSubmissionReminder] = new(
                    "Påmindelse: reintegrationsplanen er ikke indsendt",
                    "Den hjemvendte er ankommet, men ingen reintegrationsplan afventer godkendelse. Indsend venligst "
                    + "planen eller den rettede plan i sagssystemet."),
                [EmailTemplate.PlanSubmissionEscalated] = new(
                    "Eskalering: reintegrationsplanen mangler stadig",
                    "Der er ikke indsendt en reintegrationsplan i denne sag, også efter en påmindelse. Følg venligst "
                    + "op hos rådgiveren og partneren."),
                [EmailTemplate.ClosedWithoutPlan] = new(
                    "Sagen er lukket: ingen godkendt reintegrationsplan",
                    "Ingen reintegrationsplan blev godkendt inden programmets frist, så sagen er lukket uden støtte "
                    + "efter hjemkomsten."),
                [EmailTemplate.FinancialReportReminder] = new(
                    "Påmindelse: økonomirapporten skal indsendes",
                    "Støtteperioden i denne sag er slut, og økonomirapporten skal indsendes. Indsend den venligst i "
                    + "sagssystemet."),
                [EmailTemplate.FinancialReportEscalated] = new(
                    "Eskalering: økonomirapporten mangler stadig",
                    "Økonomirapporten i denne sag er ikke modtaget, også efter en påmindelse. Følg venligst op hos "
                    + "styrelsen og partneren."),
                [EmailTemplate.ClosedWithoutFinancialReport] = new(
                    "Sagen er lukket: økonomirapporten er ikke modtaget",
                    "Økonomirapporten blev ikke modtaget inden programmets frist, så sagen er lukket uden den."),
                [EmailTemplate.CompletionReminder] = new(
                    "Påmindelse: en afsluttet sag skal lukkes",
                    "Økonomirapporten i denne sag er modtaget. Luk venligst sagen som afsluttet i sagssystemet."),
                [EmailTemplate.CompletionEscalated] = new(
                    "Eskalering: en afsluttet sag er stadig åben",
                    "Denne sag har sin økonomirapport, men er stadig åben, også efter en påmindelse. Den lukkes som "
                    + "afsluttet ved programmets frist."),
                [EmailTemplate.ClosedCompleted] = new(
                    "Sagen er lukket som afsluttet",
                    "Sagen havde sin økonomirapport og blev lukket som afsluttet ved programmets frist."),
            },
        };
}
