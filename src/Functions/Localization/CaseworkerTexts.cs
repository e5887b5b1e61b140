namespace Reintegration.Functions.Localization;

/// <summary>The agency caseworker's link pages: the eligibility decision and the plan approval (English, Danish).</summary>
public static class CaseworkerTexts
{
    public static readonly PageTexts Texts = new PageTexts(new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["en"] = new Dictionary<string, string>
        {
            ["eligibility.title"] = "Eligibility decision", ["precheck.passed"] = "Pre-check: passed.", ["precheck.failed"] = "Pre-check: failed.",
            ["rule.failed"] = "Failed", ["rule.flagged"] = "Flagged", ["people"] = "{0} person(s); return type {1}.",
            ["reason"] = "Reason (required when not eligible)", ["eligible"] = "Eligible", ["not-eligible"] = "Not eligible",
            ["plan.title"] = "Reintegration plan approval", ["returnee"] = "Returnee", ["born"] = "born {0}",
            ["unaccompanied"] = "unaccompanied minor", ["plan.summary"] = "Plan version {0}: total {1}.",
            ["cap"] = "The programme's cap: {0} ({1}).", ["cap.cash"] = "Cash part cap: {0}.", ["within"] = "The plan is within the caps.",
            ["over"] = "Over a cap",
            ["breach.post-return"] = "Post-return support over its cap ({0}): planned {1}, cap {2}, excess {3}",
            ["breach.cash"] = "Cash part over its cap: planned {1}, cap {2}, excess {3}",
            ["breach.travel-cash"] = "Travel cash over its cap: planned {1}, cap {2}, excess {3}", ["budget"] = "Budget lines", ["col.service"] = "Service", ["col.description"] = "Description",
            ["col.amount"] = "Amount", ["col.total"] = "Total", ["use"] = "{0} of the cap used",
            ["comment"] = "Comment (required to reject)", ["approve"] = "Approve", ["reject"] = "Reject",
            ["family"] = "The family", ["age"] = "{0} years old on the application date", ["rule"] = "the rule",
            ["found"] = "found {0}", ["found.conviction.minor"] = "a minor conviction",
            ["found.conviction.serious"] = "a conviction for a serious crime",
            ["problem.reason-required"] = "Give a reason when the applicant is not eligible.", ["problem.choose-eligibility"] = "Choose eligible or not eligible.",
            ["problem.comment-required"] = "Say why the plan is rejected, so it can be revised.", ["problem.choose-plan"] = "Choose approve or reject.",
            ["problem.text-long"] = "Keep the reason or comment to 2,000 characters of plain text; nothing was sent.",
        },
        ["da"] = new Dictionary<string, string>
        {
            ["eligibility.title"] = "Afgørelse om berettigelse", ["precheck.passed"] = "Forhåndstjek: bestået.", ["precheck.failed"] = "Forhåndstjek: ikke bestået.",
            ["rule.failed"] = "Ikke opfyldt", ["rule.flagged"] = "Markeret", ["people"] = "{0} person(er); hjemrejsetype {1}.",
            ["reason"] = "Begrundelse (skal udfyldes ved afslag)", ["eligible"] = "Berettiget", ["not-eligible"] = "Ikke berettiget",
            ["plan.title"] = "Godkendelse af reintegrationsplan", ["returnee"] = "Hjemvendt person", ["born"] = "født {0}",
            ["unaccompanied"] = "uledsaget mindreårig", ["plan.summary"] = "Planversion {0}: i alt {1}.",
            ["cap"] = "Programmets loft: {0} ({1}).", ["cap.cash"] = "Loft for kontantdelen: {0}.", ["within"] = "Planen holder sig inden for lofterne.",
            ["over"] = "Over et loft",
            ["breach.post-return"] = "Støtten efter hjemkomsten er over loftet ({0}): planlagt {1}, loft {2}, overskridelse {3}",
            ["breach.cash"] = "Kontantdelen er over loftet: planlagt {1}, loft {2}, overskridelse {3}",
            ["breach.travel-cash"] = "Rejsepengene er over loftet: planlagt {1}, loft {2}, overskridelse {3}", ["budget"] = "Budgetlinjer", ["col.service"] = "Ydelse", ["col.description"] = "Beskrivelse",
            ["col.amount"] = "Beløb", ["col.total"] = "I alt", ["use"] = "{0} af loftet brugt",
            ["comment"] = "Kommentar (skal udfyldes ved afvisning)", ["approve"] = "Godkend", ["reject"] = "Afvis",
            ["family"] = "Familien", ["age"] = "{0} år på ansøgningsdatoen", ["rule"] = "reglen",
            ["found"] = "fundet {0}", ["found.conviction.minor"] = "en mindre dom",
            ["found.conviction.serious"] = "en dom for en alvorlig forbrydelse",
            ["problem.reason-required"] = "Giv en begrundelse, når ansøgeren ikke er berettiget.", ["problem.choose-eligibility"] = "Vælg berettiget eller ikke berettiget.",
            ["problem.comment-required"] = "Skriv, hvorfor planen afvises, så den kan revideres.", ["problem.choose-plan"] = "Vælg godkend eller afvis.",
            ["problem.text-long"] = "Begrundelsen eller kommentaren må højst være 2.000 tegn almindelig tekst; intet blev sendt.",
        },
    }).With(CaseTexts.Texts);
}
