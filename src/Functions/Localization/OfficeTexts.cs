namespace Reintegration.Functions.Localization;

/// <summary>The signed-in pages of counsellors, caseworkers and programme officers, and the dev outbox (English, Danish).</summary>
public static class OfficeTexts
{
    public static readonly PageTexts Texts = new PageTexts(new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["en"] = new Dictionary<string, string>
        {
            ["nav.label"] = "Main", ["language"] = "Language",
            ["role.counsellor"] = "counsellor", ["role.agency"] = "agency caseworker", ["role.partner"] = "partner", ["role.programme-officer"] = "programme officer", ["nav.cases"] = "Cases", ["nav.dashboard"] = "Dashboard", ["nav.outbox"] = "E-mail outbox", ["nav.sign-out"] = "Sign out",
            ["signin.title"] = "Sign in", ["signin.key"] = "Your access key", ["signin.help"] = "Paste the access key your organisation gave you. It is kept in a secure cookie on this device for 8 hours.",
            ["signin.button"] = "Sign in", ["signin.wrong"] = "This key is not known. Check it and try again.", ["signed-in-as"] = "Signed in as {0} ({1})",
            ["list.title"] = "Cases", ["filters"] = "Filters", ["filter.programme"] = "Programme", ["filter.country"] = "Country of return", ["filter.partner"] = "Partner",
            ["filter.stage"] = "Stage", ["filter.any"] = "Any", ["filter.apply"] = "Show", ["list.empty"] = "No cases match these filters.", ["list.more"] = "More cases",
            ["col.case"] = "Case", ["col.programme"] = "Programme", ["col.country"] = "Country", ["col.partner"] = "Partner", ["col.stage"] = "Stage", ["col.next"] = "Next deadline",
            ["case.title"] = "Case {0}", ["case.summary"] = "Summary", ["plan"] = "Plan", ["case.next"] = "Next deadline", ["case.none"] = "none", ["case.people"] = "People",
            ["case.note"] = "Counselling note (counsellor only)", ["case.plan"] = "Plan version {0}: {1}, total {2}", ["case.events"] = "Events",
            ["case.consent"] = "Consent to share with the partner", ["yes"] = "yes", ["no"] = "no", ["case.attachments"] = "Monitoring attachments",
            ["timeline"] = "Timeline", ["timeline.desc"] = "Stages the case went through with their dates, the next deadline, reminders sent, and the monitoring months done, due and missed.",
            ["timeline.stages"] = "Stages", ["timeline.months"] = "Monitoring months", ["timeline.reminders"] = "{0} reminder(s) and {1} escalation(s) sent",
            ["case.overdue"] = "Overdue", ["list.overdue"] = "Overdue since {0} ({1})", ["dash.overdue"] = "Overdue now",
            ["timeline.overdue"] = "{0} deadline(s) passed unmet, since {1}",
            ["month.done"] = "done", ["month.due"] = "due", ["month.missed"] = "missed", ["month.upcoming"] = "upcoming", ["month.label"] = "Month {0}: {1} ({2})",
            ["dash.title"] = "Dashboard", ["dash.as-of"] = "As of {0}, over {1} case(s) you may see.", ["dash.stages"] = "Cases per stage", ["dash.week"] = "Deadlines this week",
            ["dash.week.none"] = "No deadlines in the next 7 days.", ["dash.budget"] = "Budget per programme: approved plans and spent", ["dash.planned"] = "approved",
            ["dash.spent"] = "spent", ["dash.monitoring"] = "Monitoring reports", ["dash.on-time"] = "on time", ["dash.late"] = "late", ["dash.missing"] = "missing",
            ["dash.no-data"] = "Nothing yet.",
            ["outbox.title"] = "Dev outbox", ["outbox.intro"] = "Every e-mail the product sent, newest first. In production these go through SendGrid.",
            ["outbox.empty"] = "No e-mails yet.", ["outbox.to"] = "To {0} · {1} UTC · case", ["clock.advance"] = "Advance the dev clock by days", ["clock.button"] = "Advance",
            ["clock.now"] = "Development clock: {0} UTC",
            ["stage.new"] = "New", ["stage.awaiting-decision"] = "Awaiting decision", ["stage.awaiting-departure"] = "Awaiting departure", ["stage.departure-booked"] = "Departure booked",
            ["stage.departed"] = "Departed", ["stage.awaiting-plan"] = "Awaiting plan", ["stage.plan-pending-approval"] = "Plan pending approval", ["stage.plan-rejected"] = "Plan rejected",
            ["stage.monitoring"] = "Monitoring", ["stage.financial-reported"] = "Financial report in", ["stage.closed"] = "Closed",
        },
        ["da"] = new Dictionary<string, string>
        {
            ["nav.label"] = "Hovedmenu", ["language"] = "Sprog",
            ["role.counsellor"] = "rådgiver", ["role.agency"] = "sagsbehandler i styrelsen", ["role.partner"] = "partner", ["role.programme-officer"] = "programansvarlig", ["nav.cases"] = "Sager", ["nav.dashboard"] = "Overblik", ["nav.outbox"] = "Udbakke for e-mails", ["nav.sign-out"] = "Log ud",
            ["signin.title"] = "Log ind", ["signin.key"] = "Din adgangsnøgle", ["signin.help"] = "Indsæt den adgangsnøgle, din organisation har givet dig. Den gemmes i en sikker cookie på denne enhed i 8 timer.",
            ["signin.button"] = "Log ind", ["signin.wrong"] = "Nøglen er ukendt. Kontrollér den, og prøv igen.", ["signed-in-as"] = "Logget ind som {0} ({1})",
            ["list.title"] = "Sager", ["filters"] = "Filtre", ["filter.programme"] = "Program", ["filter.country"] = "Hjemland", ["filter.partner"] = "Partner",
            ["filter.stage"] = "Fase", ["filter.any"] = "Alle", ["filter.apply"] = "Vis", ["list.empty"] = "Ingen sager passer til filtrene.", ["list.more"] = "Flere sager",
            ["col.case"] = "Sag", ["col.programme"] = "Program", ["col.country"] = "Land", ["col.partner"] = "Partner", ["col.stage"] = "Fase", ["col.next"] = "Næste frist",
            ["case.title"] = "Sag {0}", ["case.summary"] = "Resumé", ["plan"] = "Plan", ["case.next"] = "Næste frist", ["case.none"] = "ingen", ["case.people"] = "Personer",
            ["case.note"] = "Rådgivningsnotat (kun rådgiveren)", ["case.plan"] = "Planversion {0}: {1}, i alt {2}", ["case.events"] = "Hændelser",
            ["case.consent"] = "Samtykke til deling med partneren", ["yes"] = "ja", ["no"] = "nej", ["case.attachments"] = "Bilag til opfølgning",
            ["timeline"] = "Tidslinje", ["timeline.desc"] = "Sagens faser med datoer, næste frist, sendte påmindelser og opfølgningsmåneder udført, forfaldne og manglende.",
            ["timeline.stages"] = "Faser", ["timeline.months"] = "Opfølgningsmåneder", ["timeline.reminders"] = "{0} påmindelse(r) og {1} eskalering(er) sendt",
            ["case.overdue"] = "Overskredet", ["list.overdue"] = "Overskredet siden {0} ({1})", ["dash.overdue"] = "Overskredet nu",
            ["timeline.overdue"] = "{0} frist(er) overskredet, siden {1}",
            ["month.done"] = "udført", ["month.due"] = "forfalden", ["month.missed"] = "mangler", ["month.upcoming"] = "kommende", ["month.label"] = "Måned {0}: {1} ({2})",
            ["dash.title"] = "Overblik", ["dash.as-of"] = "Pr. {0}, over {1} sag(er), du må se.", ["dash.stages"] = "Sager pr. fase", ["dash.week"] = "Frister denne uge",
            ["dash.week.none"] = "Ingen frister de næste 7 dage.", ["dash.budget"] = "Budget pr. program: godkendte planer og forbrug", ["dash.planned"] = "godkendt",
            ["dash.spent"] = "brugt", ["dash.monitoring"] = "Opfølgningsrapporter", ["dash.on-time"] = "til tiden", ["dash.late"] = "for sent", ["dash.missing"] = "mangler",
            ["dash.no-data"] = "Intet endnu.",
            ["outbox.title"] = "Udviklingsudbakke", ["outbox.intro"] = "Alle e-mails, produktet har sendt, nyeste først. I drift sendes de via SendGrid.",
            ["outbox.empty"] = "Ingen e-mails endnu.", ["outbox.to"] = "Til {0} · {1} UTC · sag", ["clock.advance"] = "Flyt udviklingsuret antal dage frem", ["clock.button"] = "Flyt frem",
            ["clock.now"] = "Udviklingsuret: {0} UTC",
            ["stage.new"] = "Ny", ["stage.awaiting-decision"] = "Afventer afgørelse", ["stage.awaiting-departure"] = "Afventer afrejse", ["stage.departure-booked"] = "Afrejse booket",
            ["stage.departed"] = "Afrejst", ["stage.awaiting-plan"] = "Afventer plan", ["stage.plan-pending-approval"] = "Plan afventer godkendelse", ["stage.plan-rejected"] = "Plan afvist",
            ["stage.monitoring"] = "Opfølgning", ["stage.financial-reported"] = "Regnskab modtaget", ["stage.closed"] = "Lukket",
        },
    }).With(CaseTexts.Texts).With(CaseActionTexts.Texts).With(OperatorTexts.Texts);
}
