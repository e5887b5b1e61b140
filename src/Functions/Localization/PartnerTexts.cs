namespace Reintegration.Functions.Localization;

/// <summary>The partner's link pages: the post-arrival request with the arrival confirmation, and the monthly monitoring form.</summary>
public static class PartnerTexts
{
    public static readonly PageTexts Texts = new(new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["en"] = new Dictionary<string, string>
        {
            ["arrival.title"] = "Confirm arrival", ["prepare"] = "What to prepare", ["prepare.none"] = "No post-arrival package was requested.",
            ["prepare.value"] = "Estimated value: {0}.", ["prepare.notes"] = "Notes from the counsellor: {0}", ["travel"] = "Travel",
            ["departure"] = "Departure: {0}", ["flight"] = "Flight: {0}", ["arriving"] = "{0} person(s) arriving.",
            ["unaccompanied"] = "An unaccompanied minor travels: family reunification may be needed.",
            ["arrived-on"] = "Arrived on", ["arrival.button"] = "Confirm arrival",
            ["monitoring.title"] = "Monthly monitoring report", ["month"] = "Month {0} of {1} of the post-return period.",
            ["economic"] = "Economic situation", ["economic.hint"] = "Income, work, the support in kind in use.",
            ["social"] = "Social situation", ["social.hint"] = "Housing, family, community, school.",
            ["psychosocial"] = "Psychosocial situation", ["psychosocial.hint"] = "Well-being, stress, need for support.",
            ["choose"] = "Choose…", ["situation.good"] = "Good", ["situation.fair"] = "Fair", ["situation.poor"] = "Poor",
            ["notes"] = "Notes", ["attachments"] = "Attachments", ["attachments.hint"] = "Photos or PDF, up to 3 files of 5 MB each.",
            ["send"] = "Send the report",
            ["problem.arrival-date"] = "Give the arrival date as yyyy-MM-dd.", ["problem.situations"] = "Choose the economic, social and psychosocial situation.",
            ["problem.notes-long"] = "The notes may hold at most 4000 characters.", ["problem.attachments"] = "Attach at most 3 photos or PDF files of up to 5 MB each.",
            ["service.cash"] = "Cash on arrival", ["service.airport-pickup"] = "Airport pick-up", ["service.onward-transport"] = "Onward transport",
            ["service.housing-on-arrival"] = "Housing on arrival", ["service.medical-help-on-arrival"] = "Medical help on arrival",
            ["service.family-reunification"] = "Family reunification",
        },
        ["da"] = new Dictionary<string, string>
        {
            ["arrival.title"] = "Bekræft ankomst", ["prepare"] = "Det skal forberedes", ["prepare.none"] = "Der er ikke anmodet om en pakke ved ankomst.",
            ["prepare.value"] = "Anslået værdi: {0}.", ["prepare.notes"] = "Bemærkninger fra rådgiveren: {0}", ["travel"] = "Rejse",
            ["departure"] = "Afrejse: {0}", ["flight"] = "Fly: {0}", ["arriving"] = "{0} person(er) ankommer.",
            ["unaccompanied"] = "En uledsaget mindreårig rejser: familiesammenføring kan blive nødvendig.",
            ["arrived-on"] = "Ankommet den", ["arrival.button"] = "Bekræft ankomst",
            ["monitoring.title"] = "Månedlig opfølgningsrapport", ["month"] = "Måned {0} af {1} i perioden efter hjemkomsten.",
            ["economic"] = "Økonomisk situation", ["economic.hint"] = "Indkomst, arbejde, den naturaliestøtte der bruges.",
            ["social"] = "Social situation", ["social.hint"] = "Bolig, familie, lokalsamfund, skole.",
            ["psychosocial"] = "Psykosocial situation", ["psychosocial.hint"] = "Trivsel, stress, behov for støtte.",
            ["choose"] = "Vælg…", ["situation.good"] = "God", ["situation.fair"] = "Nogenlunde", ["situation.poor"] = "Dårlig",
            ["notes"] = "Bemærkninger", ["attachments"] = "Bilag", ["attachments.hint"] = "Fotos eller PDF, højst 3 filer på op til 5 MB.",
            ["send"] = "Send rapporten",
            ["problem.arrival-date"] = "Angiv ankomstdatoen som åååå-MM-dd.", ["problem.situations"] = "Vælg den økonomiske, sociale og psykosociale situation.",
            ["problem.notes-long"] = "Bemærkningerne må højst have 4000 tegn.", ["problem.attachments"] = "Vedhæft højst 3 fotos eller PDF-filer på op til 5 MB hver.",
            ["service.cash"] = "Kontanter ved ankomst", ["service.airport-pickup"] = "Afhentning i lufthavnen", ["service.onward-transport"] = "Videre transport",
            ["service.housing-on-arrival"] = "Bolig ved ankomst", ["service.medical-help-on-arrival"] = "Lægehjælp ved ankomst",
            ["service.family-reunification"] = "Familiesammenføring",
        },
        ["fr"] = new Dictionary<string, string>
        {
            ["arrival.title"] = "Confirmer l'arrivée", ["prepare"] = "À préparer", ["prepare.none"] = "Aucune aide post-arrivée n'a été demandée.",
            ["prepare.value"] = "Valeur estimée : {0}.", ["prepare.notes"] = "Remarques du conseiller : {0}", ["travel"] = "Voyage",
            ["departure"] = "Départ : {0}", ["flight"] = "Vol : {0}", ["arriving"] = "{0} personne(s) arrive(nt).",
            ["unaccompanied"] = "Un mineur non accompagné voyage : un regroupement familial peut être nécessaire.",
            ["arrived-on"] = "Arrivée le", ["arrival.button"] = "Confirmer l'arrivée",
            ["monitoring.title"] = "Rapport de suivi mensuel", ["month"] = "Mois {0} sur {1} de la période après le retour.",
            ["economic"] = "Situation économique", ["economic.hint"] = "Revenus, travail, aide en nature utilisée.",
            ["social"] = "Situation sociale", ["social.hint"] = "Logement, famille, communauté, école.",
            ["psychosocial"] = "Situation psychosociale", ["psychosocial.hint"] = "Bien-être, stress, besoin de soutien.",
            ["choose"] = "Choisir…", ["situation.good"] = "Bonne", ["situation.fair"] = "Moyenne", ["situation.poor"] = "Mauvaise",
            ["notes"] = "Remarques", ["attachments"] = "Pièces jointes", ["attachments.hint"] = "Photos ou PDF, 3 fichiers de 5 Mo au plus.",
            ["send"] = "Envoyer le rapport",
            ["problem.arrival-date"] = "Indiquez la date d'arrivée au format aaaa-MM-jj.", ["problem.situations"] = "Choisissez la situation économique, sociale et psychosociale.",
            ["problem.notes-long"] = "Les remarques ne peuvent dépasser 4000 caractères.", ["problem.attachments"] = "Joignez au plus 3 photos ou fichiers PDF de 5 Mo chacun.",
            ["service.cash"] = "Argent à l'arrivée", ["service.airport-pickup"] = "Accueil à l'aéroport", ["service.onward-transport"] = "Transport vers la destination",
            ["service.housing-on-arrival"] = "Hébergement à l'arrivée", ["service.medical-help-on-arrival"] = "Aide médicale à l'arrivée",
            ["service.family-reunification"] = "Regroupement familial",
        },
        ["ar"] = new Dictionary<string, string>
        {
            ["arrival.title"] = "تأكيد الوصول", ["prepare"] = "ما يجب تحضيره", ["prepare.none"] = "لم يتم طلب حزمة ما بعد الوصول.",
            ["prepare.value"] = "القيمة التقديرية: {0}.", ["prepare.notes"] = "ملاحظات المستشار: {0}", ["travel"] = "السفر",
            ["departure"] = "المغادرة: {0}", ["flight"] = "الرحلة: {0}", ["arriving"] = "عدد الأشخاص القادمين: {0}.",
            ["unaccompanied"] = "يسافر قاصر غير مصحوب: قد يلزم لمّ شمل الأسرة.",
            ["arrived-on"] = "تاريخ الوصول", ["arrival.button"] = "تأكيد الوصول",
            ["monitoring.title"] = "تقرير المتابعة الشهري", ["month"] = "الشهر {0} من {1} من فترة ما بعد العودة.",
            ["economic"] = "الوضع الاقتصادي", ["economic.hint"] = "الدخل، العمل، الدعم العيني المستخدم.",
            ["social"] = "الوضع الاجتماعي", ["social.hint"] = "السكن، الأسرة، المجتمع، المدرسة.",
            ["psychosocial"] = "الوضع النفسي والاجتماعي", ["psychosocial.hint"] = "الرفاه، التوتر، الحاجة إلى الدعم.",
            ["choose"] = "اختر…", ["situation.good"] = "جيد", ["situation.fair"] = "متوسط", ["situation.poor"] = "سيئ",
            ["notes"] = "ملاحظات", ["attachments"] = "المرفقات", ["attachments.hint"] = "صور أو ملفات PDF، حتى 3 ملفات بحجم 5 ميغابايت لكل منها.",
            ["send"] = "إرسال التقرير",
            ["problem.arrival-date"] = "أدخل تاريخ الوصول بالصيغة yyyy-MM-dd.", ["problem.situations"] = "اختر الوضع الاقتصادي والاجتماعي والنفسي.",
            ["problem.notes-long"] = "لا يجوز أن تتجاوز الملاحظات 4000 حرف.", ["problem.attachments"] = "أرفق 3 صور أو ملفات PDF على الأكثر، بحجم 5 ميغابايت لكل منها.",
            ["service.cash"] = "مبلغ نقدي عند الوصول", ["service.airport-pickup"] = "الاستقبال في المطار", ["service.onward-transport"] = "النقل إلى الوجهة",
            ["service.housing-on-arrival"] = "السكن عند الوصول", ["service.medical-help-on-arrival"] = "المساعدة الطبية عند الوصول",
            ["service.family-reunification"] = "لمّ شمل الأسرة",
        },
    });
}
