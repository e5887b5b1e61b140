using Reintegration.Functions.Security;

namespace Reintegration.Functions.Localization;

/// <summary>
/// The signed-in pages (case list, case page, dashboard, sign-in) and the dev outbox: English and Danish for every
/// role, French and Arabic too for partners, who read their e-mail link pages in those languages already.
/// </summary>
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
        ["fr"] = new Dictionary<string, string>
        {
            ["nav.label"] = "Menu principal", ["language"] = "Langue",
            ["role.counsellor"] = "conseiller", ["role.agency"] = "chargé de dossier de l'agence",
            ["role.partner"] = "partenaire",
            ["role.programme-officer"] = "responsable de programme", ["nav.cases"] = "Dossiers",
            ["nav.dashboard"] = "Tableau de bord",
            ["nav.outbox"] = "Boîte d'envoi des e-mails", ["nav.sign-out"] = "Se déconnecter",
            ["signin.title"] = "Connexion", ["signin.key"] = "Votre clé d'accès",
            ["signin.help"] =
                "Collez la clé d'accès que votre organisation vous a remise. "
                + "Elle est conservée 8 heures dans un cookie sécurisé sur cet appareil.",
            ["signin.button"] = "Se connecter", ["signin.wrong"] = "Cette clé est inconnue. Vérifiez-la et réessayez.",
            ["signed-in-as"] = "Connecté en tant que {0} ({1})",
            ["list.title"] = "Dossiers", ["filters"] = "Filtres", ["filter.programme"] = "Programme",
            ["filter.country"] = "Pays de retour", ["filter.partner"] = "Partenaire",
            ["filter.stage"] = "Étape", ["filter.any"] = "Toutes", ["filter.apply"] = "Afficher",
            ["list.empty"] = "Aucun dossier ne correspond à ces filtres.", ["list.more"] = "Plus de dossiers",
            ["col.case"] = "Dossier", ["col.programme"] = "Programme", ["col.country"] = "Pays",
            ["col.partner"] = "Partenaire",
            ["col.stage"] = "Étape", ["col.next"] = "Prochaine échéance",
            ["case.title"] = "Dossier {0}", ["case.summary"] = "Résumé", ["plan"] = "Plan",
            ["case.next"] = "Prochaine échéance",
            ["case.none"] = "aucune", ["case.people"] = "Personnes",
            ["case.note"] = "Note d'accompagnement (conseiller uniquement)",
            ["case.plan"] = "Plan version {0} : {1}, total {2}",
            ["case.events"] = "Événements",
            ["case.consent"] = "Consentement au partage avec le partenaire", ["yes"] = "oui", ["no"] = "non",
            ["case.attachments"] = "Pièces jointes du suivi",
            ["timeline"] = "Chronologie",
            ["timeline.desc"] =
                "Les étapes du dossier avec leurs dates, la prochaine échéance, les rappels envoyés, "
                + "et les mois de suivi effectués, attendus et manqués.",
            ["timeline.stages"] = "Étapes", ["timeline.months"] = "Mois de suivi",
            ["timeline.reminders"] = "{0} rappel(s) et {1} signalement(s) envoyés",
            ["case.overdue"] = "En retard", ["list.overdue"] = "En retard depuis le {0} ({1})",
            ["dash.overdue"] = "En retard",
            ["timeline.overdue"] = "{0} échéance(s) dépassée(s), depuis le {1}",
            ["month.done"] = "fait", ["month.due"] = "attendu", ["month.missed"] = "manqué",
            ["month.upcoming"] = "à venir",
            ["month.label"] = "Mois {0} : {1} ({2})",
            ["dash.title"] = "Tableau de bord",
            ["dash.as-of"] = "Au {0}, sur {1} dossier(s) que vous pouvez consulter.",
            ["dash.stages"] = "Dossiers par étape", ["dash.week"] = "Échéances de la semaine",
            ["dash.week.none"] = "Aucune échéance dans les 7 prochains jours.",
            ["dash.budget"] = "Budget par programme : plans approuvés et dépenses", ["dash.planned"] = "approuvé",
            ["dash.spent"] = "dépensé", ["dash.monitoring"] = "Rapports de suivi", ["dash.on-time"] = "à temps",
            ["dash.late"] = "en retard", ["dash.missing"] = "manquants",
            ["dash.no-data"] = "Rien pour l'instant.",
            ["outbox.title"] = "Boîte d'envoi de développement",
            ["outbox.intro"] =
                "Tous les e-mails envoyés par l'application, du plus récent au plus ancien. "
                + "En production, ils passent par SendGrid.",
            ["outbox.empty"] = "Aucun e-mail pour l'instant.", ["outbox.to"] = "À {0} · {1} UTC · dossier",
            ["clock.advance"] = "Avancer l'horloge de développement de quelques jours", ["clock.button"] = "Avancer",
            ["clock.now"] = "Horloge de développement : {0} UTC",
            ["stage.new"] = "Nouveau", ["stage.awaiting-decision"] = "En attente de décision",
            ["stage.awaiting-departure"] = "En attente du départ", ["stage.departure-booked"] = "Départ réservé",
            ["stage.departed"] = "Parti", ["stage.awaiting-plan"] = "En attente du plan",
            ["stage.plan-pending-approval"] = "Plan en attente d'approbation", ["stage.plan-rejected"] = "Plan refusé",
            ["stage.monitoring"] = "Suivi", ["stage.financial-reported"] = "Rapport financier reçu",
            ["stage.closed"] = "Clos",
        },
        ["ar"] = new Dictionary<string, string>
        {
            ["nav.label"] = "القائمة الرئيسية", ["language"] = "اللغة",
            ["role.counsellor"] = "مستشار", ["role.agency"] = "موظف ملفات في الوكالة", ["role.partner"] = "شريك",
            ["role.programme-officer"] = "مسؤول البرنامج", ["nav.cases"] = "الملفات",
            ["nav.dashboard"] = "لوحة المتابعة",
            ["nav.outbox"] = "صندوق البريد الصادر", ["nav.sign-out"] = "تسجيل الخروج",
            ["signin.title"] = "تسجيل الدخول", ["signin.key"] = "مفتاح الدخول الخاص بك",
            ["signin.help"] =
                "الصق مفتاح الدخول الذي أعطتك إياه منظمتك. "
                + "يُحفظ في ملف تعريف ارتباط آمن على هذا الجهاز لمدة 8 ساعات.",
            ["signin.button"] = "تسجيل الدخول", ["signin.wrong"] = "هذا المفتاح غير معروف. تحقق منه وحاول مرة أخرى.",
            ["signed-in-as"] = "تم تسجيل الدخول باسم {0} ({1})",
            ["list.title"] = "الملفات", ["filters"] = "عوامل التصفية", ["filter.programme"] = "البرنامج",
            ["filter.country"] = "بلد العودة", ["filter.partner"] = "الشريك",
            ["filter.stage"] = "المرحلة", ["filter.any"] = "الكل", ["filter.apply"] = "عرض",
            ["list.empty"] = "لا توجد ملفات تطابق عوامل التصفية هذه.", ["list.more"] = "مزيد من الملفات",
            ["col.case"] = "الملف", ["col.programme"] = "البرنامج", ["col.country"] = "البلد",
            ["col.partner"] = "الشريك",
            ["col.stage"] = "المرحلة", ["col.next"] = "الموعد النهائي التالي",
            ["case.title"] = "الملف {0}", ["case.summary"] = "ملخص", ["plan"] = "الخطة",
            ["case.next"] = "الموعد النهائي التالي",
            ["case.none"] = "لا يوجد", ["case.people"] = "الأشخاص",
            ["case.note"] = "ملاحظة الإرشاد (للمستشار فقط)", ["case.plan"] = "الخطة، النسخة {0}: {1}، المجموع {2}",
            ["case.events"] = "الأحداث",
            ["case.consent"] = "الموافقة على مشاركة المعلومات مع الشريك", ["yes"] = "نعم", ["no"] = "لا",
            ["case.attachments"] = "مرفقات المتابعة",
            ["timeline"] = "التسلسل الزمني",
            ["timeline.desc"] =
                "المراحل التي مرّ بها الملف وتواريخها، والموعد النهائي التالي، والتذكيرات المرسلة، "
                + "وأشهر المتابعة المنجزة والمستحقة والفائتة.",
            ["timeline.stages"] = "المراحل", ["timeline.months"] = "أشهر المتابعة",
            ["timeline.reminders"] = "التذكيرات المرسلة: {0}، والإحالات إلى مستوى أعلى: {1}",
            ["case.overdue"] = "متأخر", ["list.overdue"] = "متأخر منذ {0} ({1})", ["dash.overdue"] = "متأخر الآن",
            ["timeline.overdue"] = "مواعيد نهائية فائتة دون إنجاز: {0}، منذ {1}",
            ["month.done"] = "منجز", ["month.due"] = "مستحق", ["month.missed"] = "فائت", ["month.upcoming"] = "قادم",
            ["month.label"] = "الشهر {0}: {1} ({2})",
            ["dash.title"] = "لوحة المتابعة", ["dash.as-of"] = "حتى {0}، عدد الملفات التي يمكنك الاطلاع عليها: {1}.",
            ["dash.stages"] = "الملفات حسب المرحلة", ["dash.week"] = "المواعيد النهائية هذا الأسبوع",
            ["dash.week.none"] = "لا مواعيد نهائية خلال الأيام السبعة القادمة.",
            ["dash.budget"] = "الميزانية حسب البرنامج: الخطط المعتمدة والمصروفات", ["dash.planned"] = "معتمد",
            ["dash.spent"] = "مصروف", ["dash.monitoring"] = "تقارير المتابعة", ["dash.on-time"] = "في الموعد",
            ["dash.late"] = "متأخر", ["dash.missing"] = "ناقص",
            ["dash.no-data"] = "لا شيء بعد.",
            ["outbox.title"] = "صندوق الصادر للتطوير",
            ["outbox.intro"] =
                "كل رسائل البريد الإلكتروني التي أرسلها التطبيق، الأحدث أولاً. في بيئة التشغيل تُرسل عبر SendGrid.",
            ["outbox.empty"] = "لا توجد رسائل بعد.", ["outbox.to"] = "إلى {0} · {1} UTC · الملف",
            ["clock.advance"] = "تقديم ساعة التطوير بعدد من الأيام", ["clock.button"] = "تقديم",
            ["clock.now"] = "ساعة التطوير: {0} UTC",
            ["stage.new"] = "جديد", ["stage.awaiting-decision"] = "في انتظار القرار",
            ["stage.awaiting-departure"] = "في انتظار المغادرة", ["stage.departure-booked"] = "تم حجز المغادرة",
            ["stage.departed"] = "غادر", ["stage.awaiting-plan"] = "في انتظار الخطة",
            ["stage.plan-pending-approval"] = "الخطة في انتظار الاعتماد", ["stage.plan-rejected"] = "الخطة مرفوضة",
            ["stage.monitoring"] = "المتابعة", ["stage.financial-reported"] = "تم استلام التقرير المالي",
            ["stage.closed"] = "مغلق",
        },
    }).With(CaseTexts.Texts).With(CaseActionTexts.Texts).With(OperatorTexts.Texts);

    private static readonly PageTexts AgencySide = Texts.Only("en", "da");

    /// <summary>The words of a signed-in page in the language chosen among those offered to the caller.</summary>
    public static Words For(HttpContext http)
    {
        var texts = OfferedTo(http);
        return texts.In(PageLanguage.Choose(http, texts.Languages));
    }

    // Partners read en, da, fr, ar; the agency's side (counsellors, caseworkers, officers) en and da. Nobody signed in
    // is offered all four: the sign-in page cannot know the role yet, and a partner should sign in in their language.
    private static PageTexts OfferedTo(HttpContext http) => Caller.RoleOf(http.User) switch
    {
        Role.Partner or null => Texts,
        _ => AgencySide,
    };
}
