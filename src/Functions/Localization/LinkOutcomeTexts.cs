namespace Reintegration.Functions.Localization;

/// <summary>What every e-mail link page may answer (expired, already used, done), in the partners' four languages.</summary>
public static class LinkOutcomeTexts
{
    public static readonly PageTexts Texts = new(new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["en"] = new Dictionary<string, string>
        {
            ["link.expired.title"] = "Link expired", ["link.expired"] = "This link has expired. Ask for a new one from the case page or the counsellor.",
            ["link.invalid.title"] = "Link not valid", ["link.invalid"] = "This link is not valid. Open it from the e-mail again, without changing it.",
            ["unknown-case.title"] = "Unknown case", ["unknown-case"] = "This link points to a case that does not exist.",
            ["nothing-to-do.title"] = "Nothing to do",
            ["stale.eligibility"] =
                "This eligibility decision request is no longer open: "
                + "the decision was made, or a newer request replaced it.",
            ["stale.plan-superseded"] = "Plan version {0} was superseded by version {1}; use the newest e-mail.",
            ["stale.plan-decided"] = "This plan was already decided.",
            ["stale.arrival"] = "The arrival was already confirmed, or the departure changed.",
            ["stale.monitoring"] = "The report for month {0} was already sent.",
            ["not-a-form.title"] = "Not a form", ["not-a-form"] = "Send the form on the link's page.",
            ["check-form.title"] = "Please check the form", ["back-to-form"] = "Back to the form",
            ["already.title"] = "Already done", ["already"] = "This link was already used; nothing was changed again.",
            ["not-done.title"] = "Not done", ["done.title"] = "Thank you", ["done"] = "Done: the case is now {0}.",
            ["received"] = "Received: the case is still taking it in, and its page will show it in a moment. There is no need to send it again.",
            ["case-line"] = "Case {0} · {1} · return to {2}", ["language"] = "Language",
            ["stage.awaiting-departure"] = "awaiting departure", ["stage.awaiting-plan"] = "awaiting the plan", ["stage.monitoring"] = "in monitoring",
            ["stage.plan-rejected"] = "plan rejected", ["stage.closed"] = "closed",
            ["closed"] = "This case is closed; nothing more can be sent for it.",
        },
        ["da"] = new Dictionary<string, string>
        {
            ["link.expired.title"] = "Linket er udløbet", ["link.expired"] = "Dette link er udløbet. Bed om et nyt fra sagssiden eller rådgiveren.",
            ["link.invalid.title"] = "Linket er ikke gyldigt", ["link.invalid"] = "Dette link er ikke gyldigt. Åbn det igen fra e-mailen uden at ændre det.",
            ["unknown-case.title"] = "Ukendt sag", ["unknown-case"] = "Dette link peger på en sag, der ikke findes.",
            ["nothing-to-do.title"] = "Intet at gøre",
            ["stale.eligibility"] =
                "Denne anmodning om afgørelse er ikke længere åben: "
                + "afgørelsen er truffet, eller en nyere anmodning har afløst den.",
            ["stale.plan-superseded"] = "Planversion {0} er afløst af version {1}; brug den nyeste e-mail.",
            ["stale.plan-decided"] = "Der er allerede truffet afgørelse om denne plan.",
            ["stale.arrival"] = "Ankomsten er allerede bekræftet, eller afrejsen er ændret.",
            ["stale.monitoring"] = "Rapporten for måned {0} er allerede sendt.",
            ["not-a-form.title"] = "Ikke en formular", ["not-a-form"] = "Send formularen fra linkets side.",
            ["check-form.title"] = "Kontrollér formularen", ["back-to-form"] = "Tilbage til formularen",
            ["already.title"] = "Allerede udført", ["already"] = "Dette link er allerede brugt; intet blev ændret igen.",
            ["not-done.title"] = "Ikke udført", ["done.title"] = "Tak", ["done"] = "Udført: sagen er nu {0}.",
            ["received"] = "Modtaget: sagen er ved at tage imod det, og dens side viser det om et øjeblik. Det skal ikke sendes igen.",
            ["case-line"] = "Sag {0} · {1} · hjemrejse til {2}", ["language"] = "Sprog",
            ["stage.awaiting-departure"] = "afventer afrejse", ["stage.awaiting-plan"] = "afventer planen", ["stage.monitoring"] = "i opfølgning",
            ["stage.plan-rejected"] = "plan afvist", ["stage.closed"] = "lukket",
            ["closed"] = "Denne sag er lukket; der kan ikke sendes mere til den.",
        },
        ["fr"] = new Dictionary<string, string>
        {
            ["link.expired.title"] = "Lien expiré", ["link.expired"] = "Ce lien a expiré. Demandez-en un nouveau au conseiller.",
            ["link.invalid.title"] = "Lien non valide", ["link.invalid"] = "Ce lien n'est pas valide. Ouvrez-le à nouveau depuis l'e-mail, sans le modifier.",
            ["unknown-case.title"] = "Dossier inconnu", ["unknown-case"] = "Ce lien renvoie à un dossier qui n'existe pas.",
            ["nothing-to-do.title"] = "Rien à faire",
            ["stale.eligibility"] =
                "Cette demande de décision d'éligibilité n'est plus ouverte : "
                + "la décision a été prise, ou une demande plus récente l'a remplacée.",
            ["stale.plan-superseded"] = "La version {0} du plan a été remplacée par la version {1} ; utilisez l'e-mail le plus récent.",
            ["stale.plan-decided"] = "Une décision a déjà été prise sur ce plan.",
            ["stale.arrival"] = "L'arrivée a déjà été confirmée, ou le départ a changé.",
            ["stale.monitoring"] = "Le rapport du mois {0} a déjà été envoyé.",
            ["not-a-form.title"] = "Pas un formulaire", ["not-a-form"] = "Envoyez le formulaire depuis la page du lien.",
            ["check-form.title"] = "Veuillez vérifier le formulaire", ["back-to-form"] = "Retour au formulaire",
            ["already.title"] = "Déjà fait", ["already"] = "Ce lien a déjà été utilisé ; rien n'a été modifié une seconde fois.",
            ["not-done.title"] = "Non effectué", ["done.title"] = "Merci", ["done"] = "C'est fait : le dossier est maintenant {0}.",
            ["received"] = "Reçu : le dossier est en train de le prendre en compte et sa page l'affichera dans un instant. Inutile de l'envoyer à nouveau.",
            ["case-line"] = "Dossier {0} · {1} · retour vers {2}", ["language"] = "Langue",
            ["stage.awaiting-plan"] = "en attente du plan", ["stage.monitoring"] = "en suivi", ["stage.plan-rejected"] = "plan refusé", ["stage.closed"] = "clos",
            ["closed"] = "Ce dossier est clos ; plus rien ne peut être envoyé pour lui.",
            ["stage.awaiting-departure"] = "en attente du départ",
        },
        ["ar"] = new Dictionary<string, string>
        {
            ["link.expired.title"] = "انتهت صلاحية الرابط", ["link.expired"] = "انتهت صلاحية هذا الرابط. اطلب رابطاً جديداً من المستشار.",
            ["link.invalid.title"] = "الرابط غير صالح", ["link.invalid"] = "هذا الرابط غير صالح. افتحه مرة أخرى من البريد الإلكتروني دون تغييره.",
            ["unknown-case.title"] = "ملف غير معروف", ["unknown-case"] = "يشير هذا الرابط إلى ملف غير موجود.",
            ["nothing-to-do.title"] = "لا شيء لفعله",
            ["stale.eligibility"] =
                "طلب قرار الأهلية هذا لم يعد مفتوحًا: "
                + "تم اتخاذ القرار، أو حلّ محله طلب أحدث.",
            ["stale.plan-superseded"] = "حلّت النسخة {1} من الخطة محل النسخة {0}؛ استخدم أحدث بريد إلكتروني.",
            ["stale.plan-decided"] = "تم البت في هذه الخطة من قبل.",
            ["stale.arrival"] = "تم تأكيد الوصول من قبل، أو تغيّر موعد المغادرة.",
            ["stale.monitoring"] = "تم إرسال تقرير الشهر {0} من قبل.",
            ["not-a-form.title"] = "ليس نموذجاً", ["not-a-form"] = "أرسل النموذج من صفحة الرابط.",
            ["check-form.title"] = "يُرجى مراجعة النموذج", ["back-to-form"] = "العودة إلى النموذج",
            ["already.title"] = "تم من قبل", ["already"] = "تم استخدام هذا الرابط من قبل، ولم يتغير شيء مرة أخرى.",
            ["not-done.title"] = "لم يتم", ["done.title"] = "شكراً لك", ["done"] = "تم: الملف الآن {0}.",
            ["received"] = "تم الاستلام: الملف يعالجه الآن وستظهر صفحته ذلك بعد قليل. لا حاجة لإرساله مرة أخرى.",
            ["case-line"] = "الملف {0} · {1} · العودة إلى {2}", ["language"] = "اللغة",
            ["stage.awaiting-plan"] = "في انتظار الخطة", ["stage.monitoring"] = "قيد المتابعة", ["stage.plan-rejected"] = "الخطة مرفوضة", ["stage.closed"] = "مغلق",
            ["closed"] = "هذا الملف مغلق؛ لا يمكن إرسال أي شيء آخر بشأنه.",
            ["stage.awaiting-departure"] = "في انتظار المغادرة",
        },
    });
}
