using Reintegration.Domain.Cases;

namespace Reintegration.Functions.Email;

/// <summary>What partners in the countries of return are told, in English, Danish, French and Arabic.</summary>
internal static class PartnerNoticeTexts
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<PartnerNotice, EmailWording>> ByLanguage =
        new Dictionary<string, IReadOnlyDictionary<PartnerNotice, EmailWording>>
        {
            ["en"] = new Dictionary<PartnerNotice, EmailWording>
            {
                [PartnerNotice.DepartureBooked] = new("Departure booked", "A departure has been booked for a returnee you will receive. The travel details are in the case system."),
                [PartnerNotice.DepartureCancelled] = new("Departure cancelled", "The booked departure has been cancelled. Please put arrangements on hold until a new date is booked."),
                [PartnerNotice.PostArrivalRequested] = new("Post-arrival package requested", "A post-arrival package has been requested for a returnee. The requested services are in the case system. Once the person has arrived, please confirm the arrival with the link below."),
                [PartnerNotice.MonitoringReportDue] = new("Monthly monitoring report due", "The monthly monitoring report on this case is due. Please fill it in with the link below."),
                [PartnerNotice.ArrivalConfirmationDue] = new(
                    "Arrival not yet confirmed",
                    "The returnee's departure date has passed, but the arrival is not confirmed. Once the person has "
                    + "arrived, please confirm it with the link below."),
                [PartnerNotice.FinancialReportDue] = new(
                    "Financial report due",
                    "The support period on this case is over. Please send the spending on the plan's budget lines to "
                    + "the agency for the financial report."),
            },
            ["da"] = new Dictionary<PartnerNotice, EmailWording>
            {
                [PartnerNotice.DepartureBooked] = new("Afrejse booket", "Der er booket en afrejse for en hjemvendt person, som I skal modtage. Rejseoplysningerne findes i sagssystemet."),
                [PartnerNotice.DepartureCancelled] = new("Afrejse aflyst", "Den bookede afrejse er aflyst. Sæt venligst forberedelserne i bero, indtil en ny dato er booket."),
                [PartnerNotice.PostArrivalRequested] = new("Pakke ved ankomst anmodet", "Der er anmodet om en pakke ved ankomst for en hjemvendt person. De ønskede ydelser findes i sagssystemet. Bekræft venligst ankomsten med linket nedenfor, når personen er ankommet."),
                [PartnerNotice.MonitoringReportDue] = new("Månedlig opfølgningsrapport skal udfyldes", "Den månedlige opfølgningsrapport i denne sag skal udfyldes. Udfyld den venligst med linket nedenfor."),
                [PartnerNotice.ArrivalConfirmationDue] = new(
                    "Ankomsten er ikke bekræftet",
                    "Den hjemvendtes afrejsedato er passeret, men ankomsten er ikke bekræftet. Bekræft venligst "
                    + "ankomsten med linket nedenfor, når personen er ankommet."),
                [PartnerNotice.FinancialReportDue] = new(
                    "Økonomirapport skal indsendes",
                    "Støtteperioden i denne sag er slut. Send venligst forbruget på planens budgetlinjer til styrelsen "
                    + "til økonomirapporten."),
            },
            ["fr"] = new Dictionary<PartnerNotice, EmailWording>
            {
                [PartnerNotice.DepartureBooked] = new("Départ réservé", "Un départ a été réservé pour une personne de retour que vous allez accueillir. Les détails du voyage se trouvent dans le système de suivi des dossiers."),
                [PartnerNotice.DepartureCancelled] = new("Départ annulé", "Le départ réservé a été annulé. Merci de suspendre les préparatifs jusqu'à la réservation d'une nouvelle date."),
                [PartnerNotice.PostArrivalRequested] = new("Aide post-arrivée demandée", "Une aide post-arrivée a été demandée pour une personne de retour. Les services demandés se trouvent dans le système de suivi des dossiers. Dès l'arrivée de la personne, merci de la confirmer avec le lien ci-dessous."),
                [PartnerNotice.MonitoringReportDue] = new("Rapport de suivi mensuel attendu", "Le rapport de suivi mensuel de ce dossier est attendu. Merci de le remplir avec le lien ci-dessous."),
                [PartnerNotice.ArrivalConfirmationDue] = new(
                    "Arrivée pas encore confirmée",
                    "La date de départ de la personne de retour est passée, mais son arrivée n'est pas confirmée. Dès "
                    + "son arrivée, merci de la confirmer avec le lien ci-dessous."),
                [PartnerNotice.FinancialReportDue] = new(
                    "Rapport financier attendu",
                    "La période de soutien de ce dossier est terminée. Merci d'envoyer à l'agence les dépenses sur les "
                    + "lignes budgétaires du plan pour le rapport financier."),
            },
            ["ar"] = new Dictionary<PartnerNotice, EmailWording>
            {
                [PartnerNotice.DepartureBooked] = new("تم حجز موعد المغادرة", "تم حجز موعد مغادرة لشخص عائد ستستقبلونه. تفاصيل السفر متاحة في نظام متابعة الملفات."),
                [PartnerNotice.DepartureCancelled] = new("تم إلغاء المغادرة", "تم إلغاء موعد المغادرة المحجوز. يُرجى تعليق الترتيبات إلى أن يتم حجز موعد جديد."),
                [PartnerNotice.PostArrivalRequested] = new("طلب حزمة ما بعد الوصول", "تم طلب حزمة خدمات ما بعد الوصول لشخص عائد. الخدمات المطلوبة متاحة في نظام متابعة الملفات. يُرجى تأكيد الوصول عبر الرابط أدناه بعد وصول الشخص."),
                [PartnerNotice.MonitoringReportDue] = new("حان موعد تقرير المتابعة الشهري", "حان موعد تقرير المتابعة الشهري لهذا الملف. يُرجى تعبئته عبر الرابط أدناه."),
                [PartnerNotice.ArrivalConfirmationDue] = new(
                    "لم يتم تأكيد الوصول بعد",
                    "مضى موعد مغادرة الشخص العائد، لكن وصوله لم يُؤكَّد بعد. يُرجى تأكيد الوصول عبر الرابط أدناه بعد "
                    + "وصول الشخص."),
                [PartnerNotice.FinancialReportDue] = new(
                    "حان موعد التقرير المالي",
                    "انتهت فترة الدعم في هذا الملف. يُرجى إرسال النفقات على بنود ميزانية الخطة إلى الوكالة من أجل "
                    + "التقرير المالي."),
            },
        };
}
