using Reintegration.Domain.Cases;

namespace Reintegration.Functions.Email;

/// <summary>The shared words of each language: case label, link labels, expiry line, comment label and footer.</summary>
internal static class EmailPhrasebook
{
    private static readonly Dictionary<string, EmailPhrases> Phrases = new()
    {
        ["en"] = new(
            "en",
            RightToLeft: false,
            Case: "Case",
            ValidUntil: "Valid until {0}.",
            Comment: "The caseworker's comment",
            ConfirmFirst: "Each link first opens a confirmation page; nothing changes until you confirm there.",
            Footer: "This message was sent automatically by the reintegration case system. Please do not reply to it.",
            LinkLabels: new Dictionary<LinkAction, string>
            {
                [LinkAction.DecideEligibility] = "Decide on eligibility",
                [LinkAction.DecidePlan] = "Approve or reject the plan",
                [LinkAction.ConfirmArrival] = "Confirm the arrival",
                [LinkAction.ReportMonitoring] = "Fill in the monitoring report",
            }),
        ["da"] = new(
            "da",
            RightToLeft: false,
            Case: "Sag",
            ValidUntil: "Gyldigt til {0}.",
            Comment: "Sagsbehandlerens kommentar",
            ConfirmFirst: "Hvert link åbner først en bekræftelsesside; intet ændres, før du bekræfter dér.",
            Footer: "Denne besked er sendt automatisk af reintegrationssystemet. Svar venligst ikke på den.",
            LinkLabels: new Dictionary<LinkAction, string>
            {
                [LinkAction.DecideEligibility] = "Træf afgørelse om berettigelse",
                [LinkAction.DecidePlan] = "Godkend eller afvis planen",
                [LinkAction.ConfirmArrival] = "Bekræft ankomsten",
                [LinkAction.ReportMonitoring] = "Udfyld opfølgningsrapporten",
            }),
        ["fr"] = new(
            "fr",
            RightToLeft: false,
            Case: "Dossier",
            ValidUntil: "Valable jusqu'au {0}.",
            Comment: "Commentaire de l'agent",
            ConfirmFirst: "Chaque lien ouvre d'abord une page de confirmation ; rien ne change avant que vous confirmiez sur cette page.",
            Footer: "Ce message a été envoyé automatiquement par le système de suivi des dossiers de réintégration. Merci de ne pas y répondre.",
            LinkLabels: new Dictionary<LinkAction, string>
            {
                [LinkAction.DecideEligibility] = "Décider de l'éligibilité",
                [LinkAction.DecidePlan] = "Approuver ou refuser le plan",
                [LinkAction.ConfirmArrival] = "Confirmer l'arrivée",
                [LinkAction.ReportMonitoring] = "Remplir le rapport de suivi",
            }),
        ["ar"] = new(
            "ar",
            RightToLeft: true,
            Case: "الملف",
            ValidUntil: "صالح حتى {0}.",
            Comment: "تعليق الموظف المسؤول",
            ConfirmFirst: "يفتح كل رابط صفحة تأكيد أولاً، ولا يتغير شيء قبل أن تؤكد في تلك الصفحة.",
            Footer: "أُرسلت هذه الرسالة تلقائياً من نظام متابعة ملفات إعادة الإدماج. يُرجى عدم الرد عليها.",
            LinkLabels: new Dictionary<LinkAction, string>
            {
                [LinkAction.DecideEligibility] = "اتخاذ قرار الأهلية",
                [LinkAction.DecidePlan] = "الموافقة على الخطة أو رفضها",
                [LinkAction.ConfirmArrival] = "تأكيد الوصول",
                [LinkAction.ReportMonitoring] = "تعبئة تقرير المتابعة",
            }),
    };

    public static IReadOnlyCollection<string> Languages => Phrases.Keys;

    public static EmailPhrases For(string language) => Phrases.GetValueOrDefault(language) ?? Phrases[EmailLanguage.Fallback];
}
